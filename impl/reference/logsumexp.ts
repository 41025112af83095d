/**
 * Float64 log-sum-exp with Neumaier-compensated summation, −∞-safe.
 * An all −∞ slice gives −∞ (not NaN): the guard docs/architecture.md asks for, needed for zero weights.
 */

/** log Σ_k exp(x[offset + k·stride]) for k < count. */
export function logSumExp(x: ArrayLike<number>, offset: number, count: number, stride = 1): number {
  let max = -Infinity;
  for (let k = 0; k < count; k++) {
    const v = x[offset + k * stride]!;
    if (v > max) max = v;
  }
  if (max === -Infinity) return -Infinity;
  if (!Number.isFinite(max)) return max;
  let sum = 0;
  let comp = 0;
  for (let k = 0; k < count; k++) {
    const term = Math.exp(x[offset + k * stride]! - max);
    const t = sum + term;
    comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  }
  return max + Math.log(sum + comp);
}
