/**
 * 2-Wasserstein distances used as oracles (spec heat-flow-limit §2.4). Float64.
 *  - 1-D equal-size empirical measures: W2² = (1/n)Σ(x_(i) − y_(i))² (sorted samples).
 *  - Gaussians (Bures): W2² = |m₁ − m₂|² + tr Σ₁ + tr Σ₂ − 2 tr(Σ₁^{1/2}Σ₂Σ₁^{1/2})^{1/2}; for commuting
 *    covariances Σ(√λ_i − √λ′_i)², evaluated as (λ − λ′)/(√λ + √λ′) to avoid cancellation.
 *  - 1-D empirical vs a Gaussian mixture, exact [DERIVED, spec §2.4]: with u_i = i/n, q_i = F⁻¹(u_i),
 *    W2² = (1/n)Σx_(i)² − 2Σ_i x_(i)∫_{u_{i−1}}^{u_i}F⁻¹ + ∫y²dν, and for a mixture
 *    ∫_{u_{i−1}}^{u_i}F⁻¹ = Σ_k w_k[m_k(Φ(z_{k,i}) − Φ(z_{k,i−1})) + s_k(φ(z_{k,i−1}) − φ(z_{k,i}))], z_{k,i} = (q_i − m_k)/s_k.
 */
import type { GaussianMixture } from './heat-flow.js';
import { mixtureQuantile1D } from './heat-flow.js';
import { normalCdf, normalPdf } from './normal-distribution.js';
import { matMul, symmetricFunction } from './symmetric-eigen.js';

/** W2 between two 1-D empirical measures with n equally weighted atoms each (sorted matching). */
export function w2Empirical1D(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new Error('w2Empirical1D: equal sizes required');
  const a = Float64Array.from(x).sort();
  const b = Float64Array.from(y).sort();
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(s / a.length);
}

/** W2 between 1-D weighted point sets given by maps T, S of one weighted grid (w), both monotone: ‖T − S‖_{L²(w)}. */
export function w2MonotoneMaps1D(T: ArrayLike<number>, S: ArrayLike<number>, w: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < T.length; i++) s += w[i]! * (T[i]! - S[i]!) ** 2;
  return Math.sqrt(s);
}

/** Bures–Wasserstein distance between N(m₁, Σ₁) and N(m₂, Σ₂) (trace form; cancels below ~1e-8·tr Σ). */
export function w2Gaussian(
  m1: ArrayLike<number>,
  S1: Float64Array,
  m2: ArrayLike<number>,
  S2: Float64Array,
  d: number,
): number {
  let s = 0;
  for (let r = 0; r < d; r++) s += (m1[r]! - m2[r]!) ** 2;
  const R = symmetricFunction(S1, d, Math.sqrt);
  const cross = symmetricFunction(matMul(matMul(R, S2, d), R, d), d, (l) => Math.sqrt(Math.max(l, 0)));
  for (let r = 0; r < d; r++) s += S1[r * d + r]! + S2[r * d + r]! - 2 * cross[r * d + r]!;
  return Math.sqrt(Math.max(s, 0));
}

/** Bures distance for commuting covariances given by paired eigenvalues, without cancellation. */
export function w2CommutingGaussians(lambda: ArrayLike<number>, mu: ArrayLike<number>, meanGap2 = 0): number {
  let s = meanGap2;
  for (let k = 0; k < lambda.length; k++) {
    const diff = (lambda[k]! - mu[k]!) / (Math.sqrt(lambda[k]!) + Math.sqrt(mu[k]!));
    s += diff * diff;
  }
  return Math.sqrt(s);
}

/** Exact W2 between the empirical measure of x (1-D, n atoms) and a 1-D Gaussian mixture (spec §2.4). */
export function w2EmpiricalMixture1D(x: ArrayLike<number>, m: GaussianMixture): number {
  const xs = Float64Array.from(x).sort();
  const n = xs.length;
  const K = m.weights.length;
  const sd = m.variances.map(Math.sqrt);
  let second = 0;
  for (let k = 0; k < K; k++) second += m.weights[k]! * (m.means[k]! ** 2 + m.variances[k]!);
  let sx2 = 0;
  for (const v of xs) sx2 += v * v;
  // partial integrals of F⁻¹ over [u_{i−1}, u_i]
  const Phi = new Float64Array(K); // Φ(z_{k,i−1}), starting at Φ(−∞) = 0
  const phi = new Float64Array(K); // φ(z_{k,i−1}), starting at φ(−∞) = 0
  let cross = 0;
  for (let i = 1; i <= n; i++) {
    let integral = 0;
    const q = i === n ? Infinity : mixtureQuantile1D(m, i / n);
    for (let k = 0; k < K; k++) {
      let P: number;
      let p: number;
      if (i === n) {
        P = 1;
        p = 0;
      } else {
        const z = (q - m.means[k]!) / sd[k]!;
        P = normalCdf(z);
        p = normalPdf(z);
      }
      integral += m.weights[k]! * (m.means[k]! * (P - Phi[k]!) + sd[k]! * (phi[k]! - p));
      Phi[k] = P;
      phi[k] = p;
    }
    cross += xs[i - 1]! * integral;
  }
  return Math.sqrt(Math.max(sx2 / n - 2 * cross + second, 0));
}
