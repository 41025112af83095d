/**
 * The exact Schrödinger-bridge step of a Gaussian (spec heat-flow-limit §2.2).
 *
 * Janati, Muzellec, Peyré & Cuturi (NeurIPS 2020, arXiv 2006.02572; code closed_forms.py): for
 * min ∫|x−y|²dπ + 2σ²KL(π‖α⊗β), α = N(a, A), β = N(b, B), the plan is Gaussian with cross-covariance
 *   C_σ = ½(A^{1/2} D_σ A^{−1/2} − σ²I),   D_σ = (4A^{1/2} B A^{1/2} + σ⁴I)^{1/2}.
 * AHMP24's bridge (cost ½|x−y|², regularisation ε·KL) is this problem with σ² = ε. With A = B = Σ:
 *   Γ = (Σ² + ε²/4·I)^{1/2} − (ε/2)I,  B_{ρ,ε}(x) = m + Σ⁻¹Γ(x − m),  SB¹_ε(ρ) = N(m, MΣM), M = 2I − Σ⁻¹Γ,
 * and each eigenvalue evolves by λ ↦ (2 − c(λ))²λ with c(λ) = (√(λ² + ε²/4) − ε/2)/λ — the authors'
 * C_{η²} (simulations.pdf eq. (1); AHMP24 §5.1).
 *
 * The surrogate step (spec §1.1, a reconstruction consistent with the seed, not the paper's definition):
 * SB¹_ε(ρ) := (2I − B_{σ_ε})_# ρ with σ_ε = N(m, Σ − (ε/4)I).
 */
import type { Gaussian } from './heat-flow.js';
import { addIdentity, matMul, symmetricFunction } from './symmetric-eigen.js';

/** The authors' C_{η²} = (√(η⁴ + ε²/4) − ε/2)/η² (simulations.pdf eq. (1)). */
export function authorsContraction(eta2: number, eps: number): number {
  return (Math.sqrt(eta2 * eta2 + (eps * eps) / 4) - eps / 2) / eta2;
}

/** Janati et al.'s cross-covariance C_σ for N(·, A) → N(·, B) at 2σ²-regularisation (closed_forms.py). */
export function janatiCrossCovariance(A: Float64Array, Bcov: Float64Array, sigma2: number, d: number): Float64Array {
  const As = symmetricFunction(A, d, Math.sqrt);
  const Ais = symmetricFunction(A, d, (l) => 1 / Math.sqrt(l));
  const inner = matMul(matMul(As, Bcov, d), As, d);
  for (let k = 0; k < d * d; k++) inner[k] = 4 * inner[k]!;
  const D = symmetricFunction(addIdentity(inner, d, sigma2 * sigma2), d, Math.sqrt);
  const C = matMul(matMul(As, D, d), Ais, d);
  for (let k = 0; k < d * d; k++) C[k] = 0.5 * C[k]!;
  return addIdentity(C, d, -0.5 * sigma2);
}

/** Γ = (Σ² + ε²/4 I)^{1/2} − (ε/2)I, the same-marginal cross-covariance, by the eigen-formula. */
export function sbCrossCovariance(cov: Float64Array, eps: number, d: number): Float64Array {
  return symmetricFunction(cov, d, (l) => Math.sqrt(l * l + (eps * eps) / 4) - eps / 2);
}

/** The barycentric-projection matrix Σ⁻¹Γ: B(x) = m + Σ⁻¹Γ(x − m). Eigenvalues c(λ). */
export function sbProjectionMatrix(cov: Float64Array, eps: number, d: number): Float64Array {
  return symmetricFunction(cov, d, (l) => authorsContraction(l, eps));
}

/** The SB step map matrix M = 2I − Σ⁻¹Γ (x ↦ m + M(x − m)). */
export function sbStepMatrix(cov: Float64Array, eps: number, d: number): Float64Array {
  return symmetricFunction(cov, d, (l) => 2 - authorsContraction(l, eps));
}

/** SB¹_ε(N(m, Σ)) = N(m, MΣM). */
export function gaussianSBStep(g: Gaussian, eps: number): Gaussian {
  const M = sbStepMatrix(g.cov, eps, g.d);
  return { d: g.d, mean: Float64Array.from(g.mean), cov: matMul(matMul(M, g.cov, g.d), M, g.d) };
}

/**
 * The surrogate step map matrix 2I − Σ_ε⁻¹Γ_ε with σ_ε = N(m, Σ − (ε/4)I) (spec §1.1): the projection of the
 * surrogate's bridge applied to points of ρ. Needs every eigenvalue of Σ above ε/4.
 */
export function surrogateSBStepMatrix(cov: Float64Array, eps: number, d: number): Float64Array {
  return symmetricFunction(cov, d, (l) => 2 - authorsContraction(l - eps / 4, eps));
}

/** The variance after k exact SB steps of a 1-D Gaussian: α²_{k+1} = (2 − C_{α_k²})² α_k² (AHMP24 §5.1). */
export function sbVarianceRecursion(variance: number, eps: number, steps: number): number {
  let v = variance;
  for (let k = 0; k < steps; k++) v = (2 - authorsContraction(v, eps)) ** 2 * v;
  return v;
}
