/**
 * The standard normal distribution in float64: density φ, CDF Φ and quantile Φ⁻¹, accurate to ~1e-15
 * absolute (Φ) — the W2 oracles of spec heat-flow-limit §2.4 need more than the usual 1e-7
 * approximations. erf by its everywhere-positive series erf(x) = (2x/√π)e^{−x²}Σ(2x²)ⁿ/(1·3···(2n+1))
 * (Abramowitz & Stegun 7.1.6) for |x| < 3, erfc by its continued fraction (A&S 7.1.14) beyond.
 */

const SQRT_PI = Math.sqrt(Math.PI);

/** erfc(x) for x ≥ 0. */
function erfcNonNegative(x: number): number {
  if (x < 3) {
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let k = 1; k < 200; k++) {
      term *= (2 * x2) / (2 * k + 1);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-x2) * sum;
  }
  // Lentz's method on erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
  const tiny = 1e-300;
  let f = x;
  let C = x;
  let D = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    D = x + a * D;
    D = Math.abs(D) < tiny ? 1 / tiny : 1 / D;
    C = x + a / C;
    if (Math.abs(C) < tiny) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (SQRT_PI * f);
}

/** Standard normal density φ(z). */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** Standard normal CDF Φ(z) = ½ erfc(−z/√2). */
export function normalCdf(z: number): number {
  const x = z / Math.SQRT2;
  return x >= 0 ? 1 - 0.5 * erfcNonNegative(x) : 0.5 * erfcNonNegative(-x);
}

/** Φ⁻¹(p) for p ∈ (0, 1): bisection bracket then Newton on Φ, to ~1e-14 relative in z. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p <= 0 ? -Infinity : Infinity;
  let lo = -40;
  let hi = 40;
  for (let k = 0; k < 60; k++) {
    const mid = 0.5 * (lo + hi);
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  let z = 0.5 * (lo + hi);
  for (let k = 0; k < 3; k++) {
    const dens = normalPdf(z);
    if (dens <= 0) break;
    z -= (normalCdf(z) - p) / dens;
  }
  return z;
}
