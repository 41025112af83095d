/**
 * The interaction energy of self-attention dynamics in its three normalisations (GLPR, arXiv 2312.10794;
 * spec attention-dynamics-clustering §2.1 — they are never mixed: the normalisation is an explicit argument),
 * its exact time-derivative along the dynamics (spec §2.2), and its extreme values (Prop. 3.4, spec §2.3).
 * Float64 oracles.
 */
import type { AttentionNormalization, EnergyNormalization } from '../capabilities/sphere-dynamics.js';
import gammaln from '@stdlib/math-base-special-gammaln';
import { applyMatrixRows, attentionPartition } from './sphere.js';

/**
 * Interaction energy of one configuration x ∈ (S^{d−1})^n (row-major [n, d]):
 * - 'mean-field': E_β(X) = 1/(2βn²) Σ_{i,j} e^{β⟨x_i,x_j⟩} (eq. 3.5 at μ = (1/n)Σδ_{x_i}; Remark 3.8);
 * - 'modified-metric': 𝖤_β(X) = 1/(2β) Σ_{i,j} e^{β⟨Vx_i,x_j⟩} (§3.4.1; V = identity when omitted);
 * - 'shifted': 1/(2β) Σ_{i,j} expm1(β⟨x_i,x_j⟩) (Appendix C), = ½Σ⟨x_i,x_j⟩ at β = 0.
 * The diagonal i = j is included in all three.
 */
export function interactionEnergy(
  x: ArrayLike<number>,
  n: number,
  d: number,
  beta: number,
  normalization: EnergyNormalization,
  V?: ArrayLike<number>,
  offset = 0,
): number {
  const xs =
    x instanceof Float64Array && offset === 0 && x.length === n * d
      ? x
      : Float64Array.from({ length: n * d }, (_, k) => x[offset + k]!);
  const left = normalization === 'modified-metric' && V ? applyMatrixRows(V, xs, n, d) : xs;
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let g = 0;
      for (let k = 0; k < d; k++) g += left[i * d + k]! * xs[j * d + k]!;
      const term = normalization === 'shifted' ? (beta === 0 ? g : Math.expm1(beta * g)) : Math.exp(beta * g);
      const t = sum + term;
      comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
    }
  }
  sum += comp;
  if (normalization === 'mean-field') return sum / (2 * beta * n * n);
  return beta === 0 ? sum / 2 : sum / (2 * beta);
}

/** The dynamics whose energy rate {@link energyRate} evaluates. */
export interface EnergyRateModel {
  readonly normalization: AttentionNormalization;
  /** +1 for V = I (or V = B symmetric with the modified-metric energy), −1 for V = −I (spec §2.2 d). */
  readonly sign: 1 | -1;
  /** B = V symmetric (modified-metric case, §3.4.1); identity when omitted. */
  readonly V?: ArrayLike<number>;
}

/**
 * The exact rate d/dt E along the dynamics, from the velocity F (spec §2.2, [D] particle forms):
 *  - mean-field E, USA: ±(1/n) Σ‖F_i‖² (Lemma 3.7 / eq. 3.11); SA: ±(1/n²) Σ Z_i‖F_i‖² (eq. 3.6);
 *  - shifted E: n² times the mean-field rate (same sum without 1/n²);
 *  - modified-metric 𝖤 with V = B symmetric, SA: Σ Z_i‖F_i‖², Z_i = Σ_j e^{β⟨Vx_i,x_j⟩} (§3.4.1, metric 3.12).
 * The ± is `model.sign` (V = −I reverses the flow of energy).
 */
export function energyRate(
  x: Float64Array,
  F: ArrayLike<number>,
  n: number,
  d: number,
  beta: number,
  energy: EnergyNormalization,
  model: EnergyRateModel,
): number {
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += F[i * d + k]! ** 2;
    norms[i] = s;
  }
  let rate = 0;
  if (model.normalization === 'unnormalized') {
    if (energy === 'modified-metric')
      throw new Error('energyRate: the modified-metric identity is stated for SA only (§3.4.1)');
    for (let i = 0; i < n; i++) rate += norms[i]!;
    rate *= n; // Σ_i n‖F_i‖² = n²·(1/n)Σ‖F_i‖²: the rate of the un-normalised sums (shifted, modified-metric scale)
  } else {
    const z = attentionPartition(x, n, d, beta, energy === 'modified-metric' ? model.V : undefined);
    for (let i = 0; i < n; i++) rate += z[i]! * norms[i]!;
  }
  if (energy === 'mean-field') rate /= n * n;
  return model.sign * rate;
}

/**
 * Modified Bessel function of the first kind I_ν(x), ν ≥ 0, x ≥ 0, by its power series
 * Σ_k (x/2)^{2k+ν}/(k! Γ(k+ν+1)) (DLMF 10.25.2), summed in log scale; relative error ~1e-15 for x ≤ 50.
 */
function besselI(nu: number, x: number): number {
  if (x === 0) return nu === 0 ? 1 : 0;
  const lx = Math.log(x / 2);
  let sum = 0;
  let term0 = -Infinity;
  for (let k = 0; k < 500; k++) {
    const lt = (2 * k + nu) * lx - gammaln(k + 1) - gammaln(k + nu + 1);
    if (k === 0) term0 = lt;
    const t = Math.exp(lt - term0);
    sum += t;
    if (k > x && t < 1e-17 * sum) break;
  }
  return Math.exp(term0) * sum;
}

/**
 * E_β[σ_d], the mean-field energy of the uniform measure on S^{d−1} (spec §2.3 [D]):
 *   E_β[σ_d] = Γ(d/2)(2/β)^{d/2−1} I_{d/2−1}(β) / (2β);   d = 2: I_0(β)/(2β), d = 3: sinh β/(2β²).
 * By Prop. 3.4 (σ_d is the unique minimiser over P(S^{d−1})) every n-point configuration has
 * E_β(X) ≥ E_β[σ_d] (the diagonal included).
 */
export function uniformMeasureEnergy(beta: number, d: number): number {
  const nu = d / 2 - 1;
  const logPrefactor = gammaln(d / 2) + nu * Math.log(2 / beta);
  return (Math.exp(logPrefactor) * besselI(nu, beta)) / (2 * beta);
}

/** e^β/(2β): the maximum of the mean-field energy, attained exactly at Dirac configurations (Prop. 3.4; spec §2.2 e). */
export function diracEnergy(beta: number): number {
  return Math.exp(beta) / (2 * beta);
}
