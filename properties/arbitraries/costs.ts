/**
 * Cost-matrix families for entropic OT, built from blocks of unit floats (row-major n×m, entries in
 * [0, 1], rounded to float32):
 *  - uniform: C_ij ~ U[0, 1] (near-random C, where the global Birkhoff rate is sharpest);
 *  - sqeuclid: C_ij = ‖x_i − y_j‖² with x, y ~ U([0,1]^d)/√d (the transformer papers' cost);
 *  - permutation-gap: C_iσ(i) = 0.1·U, others 0.1 + gap + 0.1·U (GeomLoss st_permutations_matrix),
 *    whose ε → 0 plan is the permutation σ.
 */
export type CostFamily = 'uniform' | 'sqeuclid' | 'permutation-gap';

export const COST_FAMILIES: readonly CostFamily[] = ['uniform', 'sqeuclid', 'permutation-gap'];

export interface CostRaw {
  /** ≥ nMax·mMax unit floats. */
  readonly cells: readonly number[];
  /** ≥ (nMax + mMax)·dMax unit floats. */
  readonly points: readonly number[];
  readonly d: number;
  /** Gap in [0, 1] scale for the permutation family. */
  readonly gap: number;
}

/** Maximal sizes the raw blocks were drawn for: cells are nMax×mMax, points (nMax + mMax)×dMax. */
export interface RawLayout {
  readonly nMax: number;
  readonly mMax: number;
  readonly dMax: number;
}

/** Build an n×m cost matrix of the family from raw blocks drawn at the maximal layout. */
export function costMatrix(family: CostFamily, raw: CostRaw, n: number, m: number, layout: RawLayout): Float64Array {
  const { nMax, mMax: stride, dMax } = layout;
  const C = new Float64Array(n * m);
  if (family === 'uniform') {
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) C[i * m + j] = raw.cells[i * stride + j]!;
    return C;
  }
  if (family === 'sqeuclid') {
    const d = raw.d;
    const s = 1 / Math.sqrt(d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        let c = 0;
        for (let k = 0; k < d; k++) {
          const x = raw.points[i * dMax + k]! * s;
          const y = raw.points[(nMax + j) * dMax + k]! * s;
          c += (x - y) ** 2;
        }
        C[i * m + j] = Math.fround(c);
      }
    }
    return C;
  }
  // permutation-gap: σ = argsort of the first n cell values of column 0; defined for n ≤ m on the first n columns
  const order = [...Array(n).keys()].sort((p, q) => raw.cells[p * stride]! - raw.cells[q * stride]! || p - q);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const noise = 0.1 * raw.cells[i * stride + j]!;
      C[i * m + j] = Math.fround(order[i] === j ? noise : 0.1 + raw.gap + noise);
    }
  }
  return C;
}
