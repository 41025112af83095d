/**
 * The Schrödinger-bridge attention capability: what an implementation under test must provide for
 * the `heat.*` claims. Plain typed arrays only, so a user's implementation need not use tfjs.
 *
 * Conventions (spec heat-flow-limit §1.1, §3.2; Agarwal, Harchaoui, Mulcahy & Pal, arXiv 2406.10823):
 *  - a particle set is the measure ρ̂ = Σ_i w_i δ_{x_i} (uniform w_i = 1/n unless weights are given);
 *  - the same-marginal Schrödinger bridge at temperature ε is the entropic OT plan of ρ̂ with itself for
 *    the cost C_ij = ½|x_i − x_j|² and regularisation ε·KL, whose Gibbs kernel e^{−|x−y|²/(2ε)} is the
 *    Brownian transition kernel over time ε;
 *  - it is computed by the symmetric damped log-domain Sinkhorn iteration
 *      g ← ½(g − LSE_j[log w_j + g_j − C_ij/ε]),   log P_ij = log w_i + log w_j + g_i + g_j − C_ij/ε,
 *    with g = f/ε the log-potential, stopped when max_i |Δf_i| = ε·max_i |Δg_i| < tolerance;
 *  - barycentric projection B_i = Σ_j P_ij x_j / Σ_j P_ij; SB step x_i ↦ 2x_i − B_i; k steps reach time t = kε
 *    of ∂ρ/∂t = ½Δρ.
 * All arrays are row-major.
 *
 * Validation: `options` is required for every method ({tolerance, maxIterations}, plus steps for iterate,
 * iterations for sinkformer; initLogPotential a Float64Array [B, n]). Every returned array has its declared
 * length and finite entries (weights are > 0, so log P has no −∞); iteration counts are integers in
 * [0, maxIterations]; residuals are ≥ 0; recordedSteps is 0, every recordEvery-th step and K. A float32
 * implementation needs max ½|x_i − x_j|²/ε (Sinkformer: max |(W_Q x_i)ᵀ(W_K x_j)|/ε) ≤ FLOAT32_LOG_DOMAIN_MAX
 * and throws a NumericalError naming the argument beyond it.
 */
import type { NumericCapability } from './arithmetic.js';

/** B independent particle sets of one shape [B, n, d], d ∈ {1, 2, 3} in the claims (any d ≥ 1 is accepted). */
export interface ParticleBatch {
  readonly B: number;
  readonly n: number;
  readonly d: number;
  /** Positions, shape [B, n, d]. */
  readonly x: Float64Array;
  /** Temperature ε > 0 per instance, shape [B]. */
  readonly eps: Float64Array;
  /** Optional probability weights, shape [B, n], entries > 0 (a weighted grid); default uniform 1/n. */
  readonly weights?: Float64Array;
}

export interface SBSolveOptions {
  /** Stop when ε·max_i |Δg_i| < tolerance in every instance (cost units). */
  readonly tolerance: number;
  /** Cap on symmetric iterations; reaching it is reported through `iterations` and `residual`. */
  readonly maxIterations: number;
  /** Log-potentials to start from, shape [B, n] (a warm start); default 0. */
  readonly initLogPotential?: Float64Array;
}

/** The symmetric Sinkhorn solution: the SB plan of each instance. */
export interface SBPlan {
  readonly B: number;
  readonly n: number;
  /** g = f/ε, shape [B, n]. */
  readonly logPotential: Float64Array;
  /** log P_ij, shape [B, n, n]. */
  readonly logPlan: Float64Array;
  /** Symmetric iterations performed per instance, shape [B]. */
  readonly iterations: Float64Array;
  /** The last ε·max_i |Δg_i| per instance, shape [B]. */
  readonly residual: Float64Array;
}

/** One SB step: the barycentric projection and the updated positions. */
export interface SBStepResult {
  /** B_ε(x_i), shape [B, n, d]. */
  readonly barycentre: Float64Array;
  /** 2x_i − B_ε(x_i), shape [B, n, d]. */
  readonly x: Float64Array;
  readonly iterations: Float64Array;
  readonly residual: Float64Array;
}

export interface SBIterateOptions extends SBSolveOptions {
  /** Number K of SB steps (time T = Kε). */
  readonly steps: number;
  /** Keep positions every `recordEvery` steps (and at 0 and K); default: only 0 and K. */
  readonly recordEvery?: number;
}

export interface SBTrajectory {
  readonly B: number;
  readonly n: number;
  readonly d: number;
  /** Step indices of the stored snapshots (0 first, K last). */
  readonly recordedSteps: readonly number[];
  /** Positions at the recorded steps, shape [B, recordedSteps.length, n, d]. */
  readonly x: Float64Array;
  /** Sinkhorn iterations per step, shape [B, K]. */
  readonly iterations: Float64Array;
  /** Max over the steps of the final residual, per instance, shape [B]. */
  readonly residual: Float64Array;
}

/**
 * A Sinkformer layer as in the seed (Sander, Ablin, Blondel & Peyré 2022, arXiv 2110.11773, §3):
 * C_ij = (W_Q x_i)ᵀ(W_K x_j), K = Sinkhorn(C/ε) (the entropic plan of cost −C, uniform marginals,
 * times n, after `iterations` alternating row/column steps and a final row normalisation), and the
 * residual update x_i ← x_i + Σ_j K_ij W_V (x_j − x_i) = (I − W_V)x_i + Σ_j K_ij W_V x_j (rows of K sum to 1).
 * With W_QᵀW_K = I = −W_V and iterations → ∞ this is the SB step x ↦ 2x − B_ε(x) (spec §1.2).
 */
export interface SinkformerBatch {
  readonly B: number;
  readonly n: number;
  readonly d: number;
  /** Tokens, shape [B, n, d]. */
  readonly x: Float64Array;
  /** W_Q, W_K, W_V per instance, shape [B, d, d] each (row-major: (W x)_r = Σ_c W_rc x_c). */
  readonly WQ: Float64Array;
  readonly WK: Float64Array;
  readonly WV: Float64Array;
  /** Temperature ε > 0 per instance, shape [B]. */
  readonly eps: Float64Array;
}

export interface SinkformerOptions {
  /** Alternating Sinkhorn iterations per layer (Sinkformers' max_iter; 1 row step only = softmax). */
  readonly iterations: number;
  /** Number of layers k (weights shared across layers); default 1. */
  readonly layers?: number;
}

export interface SinkformerOutput {
  /** Tokens after the last layer, shape [B, n, d]. */
  readonly x: Float64Array;
  /** The attention K of the last layer (rows sum to 1), shape [B, n, n]. */
  readonly attention: Float64Array;
}

/** Batched SB attention under test. */
export interface SBAttention extends NumericCapability {
  /** The symmetric damped log-domain Sinkhorn solution (SB plan). */
  plan(batch: ParticleBatch, options: SBSolveOptions): Promise<SBPlan>;
  /** One SB step x ↦ 2x − B_ε(x), with the barycentric projection. */
  step(batch: ParticleBatch, options: SBSolveOptions): Promise<SBStepResult>;
  /** K SB steps (each step re-solves the bridge of the current particles, warm-started). */
  iterate(batch: ParticleBatch, options: SBIterateOptions): Promise<SBTrajectory>;
  /** k Sinkformer layers as written in the seed. */
  sinkformer(batch: SinkformerBatch, options: SinkformerOptions): Promise<SinkformerOutput>;
}
