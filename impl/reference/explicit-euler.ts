/**
 * The explicit-Euler (EE) step of ∂ρ/∂t = ½Δρ = ∇·(ρ·½∇log ρ) with the exact score
 * (spec heat-flow-limit §1.1: the seed's S¹_ε(ρ) = (id − ½ε∇log ρ)_# ρ):
 *
 *   x ↦ x − (ε/2)∇log ρ(x).
 *
 * Gaussian: ∇log ρ(x) = −Σ⁻¹(x − m), so the map is m + (I + (ε/2)Σ⁻¹)(x − m) and the covariance
 * becomes (I + (ε/2)Σ⁻¹)Σ(I + (ε/2)Σ⁻¹) (each eigenvalue λ ↦ λ + ε + ε²/(4λ); spec §2.2).
 * Mixture: the score is the responsibility-weighted component score. Float64.
 */
import type { Gaussian, GaussianMixture } from './heat-flow.js';
import { addIdentity, matMul, symmetricFunction } from './symmetric-eigen.js';
import { logSumExp } from './logsumexp.js';

/** ∇log ρ at one point of an isotropic mixture: Σ_k r_k(x)·(m_k − x)/s_k², r the responsibilities. */
export function mixtureScore(m: GaussianMixture, x: ArrayLike<number>, off = 0): Float64Array {
  const { d } = m;
  const K = m.weights.length;
  const logr = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const s2 = m.variances[k]!;
    let q = 0;
    for (let r = 0; r < d; r++) q += (x[off + r]! - m.means[k * d + r]!) ** 2;
    logr[k] = Math.log(m.weights[k]!) - 0.5 * d * Math.log(s2) - q / (2 * s2);
  }
  const lse = logSumExp(logr, 0, K);
  const out = new Float64Array(d);
  for (let k = 0; k < K; k++) {
    const r = Math.exp(logr[k]! - lse);
    for (let c = 0; c < d; c++) out[c] = out[c]! + (r * (m.means[k * d + c]! - x[off + c]!)) / m.variances[k]!;
  }
  return out;
}

/** EE step of every point of x [n, d] for an isotropic mixture. */
export function mixtureEulerStep(m: GaussianMixture, x: ArrayLike<number>, n: number, eps: number): Float64Array {
  const { d } = m;
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const s = mixtureScore(m, x, i * d);
    for (let c = 0; c < d; c++) out[i * d + c] = x[i * d + c]! - 0.5 * eps * s[c]!;
  }
  return out;
}

/** The EE map matrix I + (ε/2)Σ⁻¹ of a Gaussian (x ↦ m + M(x − m)). */
function gaussianEulerMatrix(g: Gaussian, eps: number): Float64Array {
  return addIdentity(
    symmetricFunction(g.cov, g.d, (l) => (0.5 * eps) / l),
    g.d,
    1,
  );
}

/** EE step of a Gaussian: N(m, MΣM), M = I + (ε/2)Σ⁻¹. */
export function gaussianEulerStep(g: Gaussian, eps: number): Gaussian {
  const M = gaussianEulerMatrix(g, eps);
  return { d: g.d, mean: Float64Array.from(g.mean), cov: matMul(matMul(M, g.cov, g.d), M, g.d) };
}
