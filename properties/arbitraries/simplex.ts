/**
 * Marginal weights on the simplex, built from a block of unit floats so that shrinking a problem's
 * size keeps its leading weights. Families:
 *  - uniform: 1/n;
 *  - dirichlet: Dirichlet(1,…,1) via normalised exponentials −log(1 − U);
 *  - sparse: Dirichlet with some weights set to exactly 0 (the −∞ guard of log-domain Sinkhorn;
 *    OTT-JAX's fixture zeroes a[0] and b[3] for the same reason).
 * Values are rounded to float32; the masses are `mass` (default 1) up to float32 rounding.
 */
export type WeightFamily = 'uniform' | 'dirichlet' | 'sparse';

export const WEIGHT_FAMILIES: readonly WeightFamily[] = ['uniform', 'dirichlet', 'sparse'];

/** Weights of length n and total `mass` from `raw` (length ≥ n) for the family. At least one weight stays positive. */
export function simplexWeights(family: WeightFamily, raw: readonly number[], n: number, mass = 1): Float64Array {
  const w = new Float64Array(n);
  if (family === 'uniform') {
    w.fill(Math.fround(mass / n));
    return w;
  }
  for (let i = 0; i < n; i++) w[i] = -Math.log1p(-raw[i]!) + 1e-3;
  if (family === 'sparse' && n > 1) {
    // zero out the entries whose raw value falls in the lowest quarter, keeping the largest one
    let keep = 0;
    for (let i = 1; i < n; i++) if (w[i]! > w[keep]!) keep = i;
    for (let i = 0; i < n; i++) if (i !== keep && raw[i]! < 0.25) w[i] = 0;
  }
  const s = w.reduce((x, y) => x + y, 0);
  for (let i = 0; i < n; i++) w[i] = Math.fround((mass * w[i]!) / s);
  return w;
}
