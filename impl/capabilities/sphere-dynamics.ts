/**
 * The sphere-dynamics capability: what an implementation under test must provide for the `energy.*`,
 * `dynamics.*` and `clustering.*` claims (Geshkovski, Letrouit, Polyanskiy & Rigollet, "A mathematical
 * perspective on Transformers", arXiv 2312.10794, §2–§6). Plain typed arrays only, so a user's
 * implementation need not use tfjs.
 *
 * Model (GLPR eqs. 2.3–2.6), for every instance b of a batch and particle i:
 *   ẋ_i = P⊥_{x_i}( Σ_j A_ij V x_j ),   A_ij = e^{β⟨B x_i, x_j⟩} / Z_i   (SA, 'softmax', Z_i = Σ_k e^{β⟨Bx_i,x_k⟩})
 *                                        A_ij = e^{β⟨B x_i, x_j⟩} / n     (USA, 'unnormalized', §3.3)
 * with B = KᵀQ (so that ⟨Qx_i, Kx_j⟩ = ⟨Bx_i, x_j⟩) and V the value matrix, both the identity when
 * omitted; β = 0 gives the mean-field consensus dynamics (4.1); V = −I the repulsive case (§3.2).
 *
 * Validation: simulate's `options` object and velocity's / energy's normalisation are required, sampleUniform
 * needs an integer seed. Results have their declared lengths ([B, n, d] velocities, [B, stored, ·] states or
 * Gram matrices with stored and stepIndex as the options give, [B] energies, [count, d] samples), all finite.
 * Under USA the field carries the factor e^{β⟨Bx_i,x_j⟩}/n, beyond float32 past β ≈ 88.7: a float32
 * implementation returns it from the log scale (impl/tfjs/usa-log-scale.ts) or throws a NumericalError.
 */
import type { NumericCapability } from './arithmetic.js';

/** 'softmax': SA (eq. 2.6); 'unnormalized': USA (§3.3, Z replaced by n). */
export type AttentionNormalization = 'softmax' | 'unnormalized';

/**
 * - 'euler-renormalize': the authors' scheme (borjanG/2023-transformers-rotf, phase-diagrams.py):
 *   x ← (x + dt·Σ_j A_ij V x_j)/‖·‖, no tangent projection (spec §1.3);
 * - 'rk4': classical RK4 on the projected field, renormalised after every step (spec §5, "Integrator").
 */
export type SphereIntegrator = 'euler-renormalize' | 'rk4';

/**
 * The three normalisations of the interaction energy (spec §2.1; never mixed):
 * - 'mean-field': E_β(X) = 1/(2βn²) Σ_{i,j} e^{β⟨x_i,x_j⟩}, diagonal included (eq. 3.5 at the empirical
 *   measure; Remark 3.8). Needs β > 0.
 * - 'modified-metric': 𝖤_β(X) = 1/(2β) Σ_{i,j} e^{β⟨Vx_i,x_j⟩}, no 1/n² (§3.4.1). Needs β > 0.
 * - 'shifted': 1/(2β) Σ_{i,j} (e^{β⟨x_i,x_j⟩} − 1) (Appendix C), whose β → 0 limit ½Σ⟨x_i,x_j⟩ is used at β = 0.
 */
export type EnergyNormalization = 'mean-field' | 'modified-metric' | 'shifted';

/** A batch of B particle systems of one shape (n particles in S^{d−1}). All arrays are row-major. */
export interface SphereBatch {
  readonly B: number;
  readonly n: number;
  readonly d: number;
  /** Particles, shape [B, n, d]; every row on the unit sphere (|‖x_i‖ − 1| ≤ 1e-5). */
  readonly x: Float64Array;
  /** Inverse temperature β ≥ 0 per instance, shape [B]. */
  readonly beta: Float64Array;
  /** Bilinear form B = KᵀQ per instance, shape [B, d, d]; identity when omitted. */
  readonly bilinear?: Float64Array;
  /** Value matrix V per instance, shape [B, d, d]; identity when omitted. */
  readonly value?: Float64Array;
}

export interface SimulateOptions {
  readonly normalization: AttentionNormalization;
  readonly integrator: SphereIntegrator;
  /** Step size dt > 0. */
  readonly dt: number;
  /** Number of steps ≥ 0; the horizon is steps·dt. */
  readonly steps: number;
  /** Keep every `recordEvery`-th state (and always the first and the last); default: only the first and the last. */
  readonly recordEvery?: number;
  /** What is kept per stored state: the particles ('states', default) or their Gram matrix ⟨x_i, x_j⟩ ('gram'). */
  readonly record?: 'states' | 'gram';
}

export interface SphereTrajectory {
  readonly B: number;
  readonly n: number;
  readonly d: number;
  /** Number of stored states per instance. */
  readonly stored: number;
  /** Step index of each stored state, shape [stored] (time = step·dt). */
  readonly stepIndex: Int32Array;
  /** Stored particles, shape [B, stored, n, d] (when record = 'states'). */
  readonly states?: Float64Array;
  /** Stored Gram matrices, shape [B, stored, n, n] (when record = 'gram'). */
  readonly gram?: Float64Array;
}

/** A batched self-attention dynamics on the sphere under test. */
export interface SphereDynamics extends NumericCapability {
  /** The projected field ẋ_i = P⊥_{x_i}(Σ_j A_ij V x_j) at the batch's configurations, shape [B, n, d]. */
  velocity(batch: SphereBatch, normalization: AttentionNormalization): Promise<Float64Array>;
  /** Integrate from batch.x and return the stored states (or Gram matrices). */
  simulate(batch: SphereBatch, options: SimulateOptions): Promise<SphereTrajectory>;
  /** Interaction energy of every configuration of the batch in the given normalisation, shape [B]. */
  energy(batch: SphereBatch, normalization: EnergyNormalization): Promise<Float64Array>;
  /**
   * Optional: the implementation's own initialiser, `count` i.i.d. uniform points on S^{d−1} ([count, d]),
   * deterministic in `seed` — the hypothesis of the clustering theorems; checked by dynamics.uniform-initialisation.
   */
  sampleUniform?(count: number, d: number, seed: number): Promise<Float64Array>;
}
