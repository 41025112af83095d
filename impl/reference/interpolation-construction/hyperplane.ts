/**
 * The separating hyperplane of Prop 4.2 of GRR (arXiv 2411.04551 v3; spec §3 Phase 3, erratum 2.2.2): a unit
 * normal γ orthogonal to both the active atom and its target, with the largest margin to the other clusters.
 */
import { rowDot } from '../numeric.js';
import { unit } from '../sphere-geometry.js';
import { candidateDirections, orthonormalComplement, projectOut, unitOrDrop } from './directions.js';

/** A cluster of radius r around the atom p. */
export interface Cluster {
  readonly p: Float64Array;
  readonly r: number;
}

/** min_p |⟨γ, p⟩| − r_p over the clusters (+∞ when there are none): the margin of the hyperplane γ^⊥. */
export function hyperplaneMargin(gamma: Float64Array, others: readonly Cluster[], d: number): number {
  return others.length ? Math.min(...others.map((o) => Math.abs(rowDot(gamma, 0, o.p, 0, d)) - o.r)) : Infinity;
}

/** Σ_i c_i f_i for the coefficients c and the vectors f. */
function combine(c: ArrayLike<number>, f: readonly Float64Array[], d: number): Float64Array {
  const v = new Float64Array(d);
  f.forEach((e, i) => {
    for (let r = 0; r < d; r++) v[r] = v[r]! + c[i]! * e[r]!;
  });
  return v;
}

/** An orthonormal basis of span{x, y}^⊥ (d − 2 vectors when x, y are independent). */
function planeComplement(x: Float64Array, y: Float64Array, d: number): Float64Array[] {
  const basis = orthonormalComplement(x, d);
  // complement of span{x, y}: project y out of the complement of x
  const yPerp = unit(
    basis
      .map((e) => rowDot(e, 0, y, 0, d))
      .reduce((acc, c, i) => acc.map((v, r) => v + c * basis[i]![r]!), new Float64Array(d)),
  );
  const comp: Float64Array[] = [];
  for (const e of orthonormalComplement(x, d)) {
    const v = e.slice();
    projectOut(v, [yPerp], d);
    projectOut(v, comp, d);
    const f = unitOrDrop(v);
    if (f && comp.length < d - 2) comp.push(f);
  }
  return comp;
}

/** A unit γ ⊥ span{x, y} maximising min_p |⟨γ, p⟩| − r_p over a candidate set (x × y when d = 3). */
export function hyperplaneNormal(
  x: Float64Array,
  y: Float64Array,
  d: number,
  others: readonly Cluster[],
): Float64Array {
  const comp = planeComplement(x, y, d);
  const candidates: Float64Array[] = [...comp];
  if (comp.length > 1) {
    for (const o of others) {
      const v = unitOrDrop(
        combine(
          comp.map((f) => rowDot(o.p, 0, f, 0, d)),
          comp,
          d,
        ),
      );
      if (v) candidates.push(v);
    }
    for (const c of candidateDirections(comp.length, 64)) candidates.push(combine(c, comp, d));
  }
  let best = candidates[0]!;
  let bestMargin = -Infinity;
  for (const g of candidates) {
    const m = hyperplaneMargin(g, others, d);
    if (m > bestMargin) {
      bestMargin = m;
      best = g;
    }
  }
  return best;
}
