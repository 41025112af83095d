/**
 * Exact heat flow ∂ρ/∂t = ½Δρ of Gaussians and Gaussian mixtures (spec heat-flow-limit §2.1, standard):
 * ρ_t = ρ_0 ∗ N(0, tI), so N(m, Σ) ↦ N(m, Σ + tI) and Σ_k w_k N(m_k, s_k² I) ↦ Σ_k w_k N(m_k, (s_k² + t) I).
 * Mean and covariance of any ρ_0 evolve as m ↦ m, Cov ↦ Cov + tI. In 1-D the optimal map ρ_0 → ρ_t is
 * F_t⁻¹ ∘ F_0. Float64.
 */
import { normalCdf, normalPdf, normalQuantile } from './normal-distribution.js';
import { logSumExp } from './logsumexp.js';

/** N(mean, cov) in R^d (cov row-major d×d, symmetric positive definite). */
export interface Gaussian {
  readonly d: number;
  readonly mean: Float64Array;
  readonly cov: Float64Array;
}

/** Σ_k w_k N(m_k, s_k² I) in R^d: weights sum to 1, means row-major [K, d], isotropic variances s_k². */
export interface GaussianMixture {
  readonly d: number;
  readonly weights: Float64Array;
  readonly means: Float64Array;
  readonly variances: Float64Array;
}

/** Heat flow of a Gaussian at time t: N(m, Σ + tI). */
export function gaussianHeatFlow(g: Gaussian, t: number): Gaussian {
  const cov = Float64Array.from(g.cov);
  for (let r = 0; r < g.d; r++) cov[r * g.d + r] = cov[r * g.d + r]! + t;
  return { d: g.d, mean: Float64Array.from(g.mean), cov };
}

/** Heat flow of an isotropic Gaussian mixture at time t: every component variance grows by t. */
export function mixtureHeatFlow(m: GaussianMixture, t: number): GaussianMixture {
  return {
    d: m.d,
    weights: Float64Array.from(m.weights),
    means: Float64Array.from(m.means),
    variances: m.variances.map((s) => s + t),
  };
}

/** Mean and covariance (row-major d×d) of a mixture: Cov = Σ w_k (s_k² I + m_k m_kᵀ) − m mᵀ. */
export function mixtureMoments(m: GaussianMixture): { mean: Float64Array; cov: Float64Array } {
  const { d } = m;
  const mean = new Float64Array(d);
  const K = m.weights.length;
  for (let k = 0; k < K; k++) for (let r = 0; r < d; r++) mean[r] = mean[r]! + m.weights[k]! * m.means[k * d + r]!;
  const cov = new Float64Array(d * d);
  for (let k = 0; k < K; k++) {
    for (let r = 0; r < d; r++) {
      cov[r * d + r] = cov[r * d + r]! + m.weights[k]! * m.variances[k]!;
      for (let c = 0; c < d; c++) {
        cov[r * d + c] =
          cov[r * d + c]! + m.weights[k]! * (m.means[k * d + r]! - mean[r]!) * (m.means[k * d + c]! - mean[c]!);
      }
    }
  }
  return { mean, cov };
}

/** log density of an isotropic mixture at a point x ∈ R^d (log-sum-exp over components). */
export function mixtureLogDensity(m: GaussianMixture, x: ArrayLike<number>, off = 0): number {
  const { d } = m;
  const K = m.weights.length;
  const terms = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const s2 = m.variances[k]!;
    let q = 0;
    for (let r = 0; r < d; r++) q += (x[off + r]! - m.means[k * d + r]!) ** 2;
    terms[k] = Math.log(m.weights[k]!) - 0.5 * d * Math.log(2 * Math.PI * s2) - q / (2 * s2);
  }
  return logSumExp(terms, 0, K);
}

/** CDF of a 1-D mixture. */
export function mixtureCdf1D(m: GaussianMixture, x: number): number {
  let s = 0;
  for (let k = 0; k < m.weights.length; k++)
    s += m.weights[k]! * normalCdf((x - m.means[k]!) / Math.sqrt(m.variances[k]!));
  return s;
}

/** Density of a 1-D mixture. */
export function mixturePdf1D(m: GaussianMixture, x: number): number {
  let s = 0;
  for (let k = 0; k < m.weights.length; k++) {
    const sd = Math.sqrt(m.variances[k]!);
    s += (m.weights[k]! * normalPdf((x - m.means[k]!) / sd)) / sd;
  }
  return s;
}

/** Quantile F⁻¹(p) of a 1-D mixture by bisection on the CDF (to ~1e-13 absolute; spec §2.4's root-find). */
export function mixtureQuantile1D(m: GaussianMixture, p: number): number {
  if (m.weights.length === 1) return m.means[0]! + Math.sqrt(m.variances[0]!) * normalQuantile(p);
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < m.weights.length; k++) {
    const sd = Math.sqrt(m.variances[k]!);
    lo = Math.min(lo, m.means[k]! - 40 * sd);
    hi = Math.max(hi, m.means[k]! + 40 * sd);
  }
  for (let it = 0; it < 200 && hi - lo > 1e-13 * Math.max(1, Math.abs(lo)); it++) {
    const mid = 0.5 * (lo + hi);
    if (mixtureCdf1D(m, mid) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** The 1-D Gaussian heat-flow map x ↦ m + (x − m)·√((λ + t)/λ). */
export function gaussianHeatMap1D(mean: number, variance: number, t: number, x: number): number {
  return mean + (x - mean) * Math.sqrt((variance + t) / variance);
}
