/**
 * Float error analysis of one OT-transformer layer (spec ot-transformer-sorting.md §2, §7; Higham 2002, §3):
 * the error of a head logit, of one layer's potential update, and the floor of d_H(P_ℓ, P*) it leaves.
 */
import type { OTTransformerBatch } from '../../impl/capabilities/ot-transformer.js';
import { tokenLayout } from '../../impl/ot-transformer-prompt.js';
import { perturbedContraction, shiftedExpSumError, type ArithmeticAccuracy } from '../tolerance.js';

/** Largest |value| of the prompt terms that enter a logit: ‖x‖², 2|⟨x,y⟩|, ‖y‖² of instance b. */
function geometryScale(batch: OTTransformerBatch, b: number): number {
  const { n, d } = batch;
  let xx = 0;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    let sx = 0;
    let sy = 0;
    for (let k = 0; k < d; k++) {
      sx += batch.x[(b * n + i) * d + k]! ** 2;
      sy += batch.y[(b * n + i) * d + k]! ** 2;
    }
    xx = Math.max(xx, sx);
    yy = Math.max(yy, sy);
  }
  return xx + 2 * Math.sqrt(xx * yy) + yy;
}

/**
 * Error of one head logit A_ij = z_i W_QK z_jᵀ in precision u (Higham 2002, §3.1, dot products): Z W_QK
 * then (Z W_QK)z_jᵀ are two dot products of length ≤ F over terms bounded by the geometry (‖x‖², 2⟨x,y⟩,
 * ‖y‖²), the potentials |u| + |v| (or sink potentials) and λ, all divided by λ; each dot product of length
 * F errs by ≤ F·u·Σ|terms|, and the entries of W (1/λ, 2/λ) are rounded once more:
 *   δ_logit ≤ (2F + 2)·u·(geometry + 2·max|potential| + λ)/λ.
 */
export function logitError(
  acc: ArithmeticAccuracy,
  batch: OTTransformerBatch,
  b: number,
  potentialMax: number,
): number {
  const u = acc.u;
  const F = tokenLayout(batch.d).F;
  const lambda = batch.lambda[b]!;
  return ((2 * F + 2) * u * (geometryScale(batch, b) + 2 * potentialMax + lambda)) / lambda;
}

/**
 * Error of one layer's potential update u⁺ = u − γ·g, g = Σ_j S_ij·value_j with S the row softmax of T = n + 1
 * logits (spec §2). The softmax turns logit errors δ into errors ≤ 2δ + (T + 2)u of the S_ij (shift, exp,
 * sum of T terms, division; with exp's error weighted by S_ij as in shiftedExpSumError, the division's
 * beyond one op); g sums T products with |value| ≤ 1, adding T·u; the residual adds the rounding of γ·g
 * and of the subtraction: |err u⁺| ≤ γ·(2δ + (2T + 3)u) + u·(|u| + γ) in IEEE arithmetic.
 */
export function layerStepError(
  acc: ArithmeticAccuracy,
  n: number,
  gamma: number,
  delta: number,
  potentialMax: number,
): number {
  const T = n + 1;
  const u = acc.u;
  const softmax = 2 * delta + (T + 1) * u + shiftedExpSumError(acc, Infinity, T) + (acc.div - u);
  return gamma * (softmax + (T + 1) * u) + u * (potentialMax + gamma);
}

/**
 * Analysed floor of d_H(P_ℓ, P*) for a model in precision u after `steps` layers (perturbed contraction,
 * properties/tolerance.ts): every layer adds ≤ ε (layerStepError) to each potential, which moves
 * d_H = [osc(u − u*) + osc(v − v*)]/λ by ≤ 4ε/λ; the exact iteration contracts d_H near P* by the per-layer
 * factor ρ measured on the float64 oracle (the condition of the problem). The plan logits add 2δ_logit.
 */
export function hilbertFloor(
  acc: ArithmeticAccuracy,
  batch: OTTransformerBatch,
  b: number,
  potentialMax: number,
  rho: number,
  steps: number,
): number {
  const delta = logitError(acc, batch, b, potentialMax);
  const eps = layerStepError(acc, batch.n, batch.gamma[b]!, delta, potentialMax);
  return perturbedContraction(rho, steps, 0, (4 * eps) / batch.lambda[b]!) + 2 * delta;
}
