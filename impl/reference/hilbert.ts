/**
 * Hilbert projective metric, computed through logarithms (never log(exp(·))).
 *
 * Peyré & Cuturi, Computational Optimal Transport (2019), Remark 4.12:
 *   d_H(u, u′) = log max_{i,j} (u_i u′_j)/(u_j u′_i) = osc(log u − log u′),  osc f = max f − min f.
 * For matrices the same definition is applied to the n·m entries.
 */

/** osc f = max_i f_i − min_i f_i over the finite entries of f (0 for an empty support). */
export function oscillation(f: ArrayLike<number>): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < f.length; i++) {
    const v = f[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi >= lo ? hi - lo : 0;
}

/**
 * d_H between two positive vectors (or matrices) given by their logarithms, over `length`
 * entries starting at the given offsets. Entries that are −∞ in both (zero weights) are outside
 * the support and skipped; a support mismatch gives +∞, as the metric prescribes. NaN in either
 * argument gives NaN, so that a broken implementation cannot hide behind the support rule.
 */
export function hilbertDistanceLog(
  logX: ArrayLike<number>,
  logY: ArrayLike<number>,
  length: number = logX.length,
  offsetX = 0,
  offsetY = 0,
): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < length; i++) {
    const x = logX[offsetX + i]!;
    const y = logY[offsetY + i]!;
    if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
    const xIn = x !== -Infinity;
    const yIn = y !== -Infinity;
    if (!xIn && !yIn) continue;
    if (xIn !== yIn || x === Infinity || y === Infinity) return Infinity;
    const d = x - y;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  return hi >= lo ? hi - lo : 0;
}

/** d_H between two positive vectors given directly (Peyré & Cuturi, Remark 4.12). */
export function hilbertDistance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const lx = Float64Array.from(x, Math.log);
  const ly = Float64Array.from(y, Math.log);
  return hilbertDistanceLog(lx, ly);
}
