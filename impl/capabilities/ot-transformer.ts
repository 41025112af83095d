/**
 * The OT-transformer capability: what an implementation under test must provide for the
 * `ot-transformer.*` and `sorting.*` claims (Daneshmand 2024, arXiv 2410.19931; spec
 * ot-transformer-sorting.md §2). Plain typed arrays only, so a user's implementation need not use tfjs.
 *
 * The model: n + 1 tokens (n point tokens carrying (x_i, y_i), one sink token carrying −1/n in the
 * value channel), two softmax-attention heads per layer with the same weights in every layer and
 * independent of n, and the residual update Z_{ℓ+1} = Z_ℓ − γ Σ_h S(Z_ℓ W_QK^h Z_ℓᵀ) Z_ℓ W_OV^h.
 * Layer ℓ ∈ [0, L] denotes the state Z_ℓ after ℓ updates (ℓ = 0 is the prompt). For every recorded
 * layer the implementation reports, computed from Z_ℓ by its own attention heads:
 *  - the dual potentials u_ℓ, v_ℓ (token columns u, v) and the sink potentials ũ_ℓ, ṽ_ℓ;
 *  - the plan logits log P_ℓ = head-1 logits on the point tokens, (u_i + v_j − ‖x_i − y_j‖²)/λ − 1;
 *  - the masked head-2 readout M_ℓ = row-softmax over point keys of the head-2 logits
 *    (rows indexed by y_i, columns by x_j; → nP*ᵀ_λ with depth);
 *  - the sorting output M_ℓ·x (the readout head with W_OV = E_{x, out}).
 *
 * Validation: `options` is required ({layers ≥ 0}; tokens a boolean). The trace's B, n, d, layers,
 * `recorded` (the options' layers, sorted) and `potentialLayers` must match the call; every array has its
 * declared length and finite entries, except sinkU/sinkV (NaN without a sink token) and the sink row of
 * `tokens` (NaN padding then).
 */
import type { NumericCapability } from './arithmetic.js';

/** A batch of B prompts of one shape (n points in R^d). All arrays are row-major. */
export interface OTTransformerBatch {
  readonly B: number;
  /** Number of points (n ≥ 2); the model has n + 1 tokens. */
  readonly n: number;
  /** Point dimension d ≥ 1 (the author's code has d = 1). */
  readonly d: number;
  /** Source points x, shape [B, n, d]. */
  readonly x: Float64Array;
  /** Target points y, shape [B, n, d]. */
  readonly y: Float64Array;
  /** Entropic regularisation λ > 0 per instance, shape [B] (the code's `eta`). */
  readonly lambda: Float64Array;
  /** Residual step γ > 0 per instance, shape [B]. */
  readonly gamma: Float64Array;
  /** Initial potentials u_0, shape [B, n]; default 0 (the slides' initialisation). */
  readonly u0?: Float64Array;
  /** Initial potentials v_0, shape [B, n]; default 0. */
  readonly v0?: Float64Array;
  /** Initial sink potentials ũ_0, shape [B]; default 0 (the prompt). */
  readonly sinkU0?: Float64Array;
  /** Initial sink potentials ṽ_0, shape [B]; default 0. */
  readonly sinkV0?: Float64Array;
}

export interface OTTransformerOptions {
  /** Depth L ≥ 0 (number of residual updates). */
  readonly layers: number;
  /**
   * Layers ℓ ∈ [0, L] whose full readout (plan logits, M_ℓ, M_ℓ·x, tokens) is recorded, in
   * increasing order; 'all' records every layer. Default [L].
   */
  readonly record?: readonly number[] | 'all';
  /** Potentials (u, v, ũ, ṽ) for every layer 0..L ('all', cheap) or only the recorded ones (default). */
  readonly potentials?: 'all' | 'recorded';
  /** Also return the whole token matrix Z_ℓ at the recorded layers (for the token-level identities). */
  readonly tokens?: boolean;
}

export interface OTTransformerTrace {
  readonly B: number;
  readonly n: number;
  readonly d: number;
  readonly layers: number;
  /** Recorded layers (increasing), length S. */
  readonly recorded: readonly number[];
  /** Layers whose potentials are stored (0..L or `recorded`), length Q. */
  readonly potentialLayers: readonly number[];
  /** u_ℓ, shape [B, Q, n]. */
  readonly u: Float64Array;
  /** v_ℓ, shape [B, Q, n]. */
  readonly v: Float64Array;
  /** ũ_ℓ (sink token, u column), shape [B, Q]. NaN when the implementation has no sink token. */
  readonly sinkU: Float64Array;
  /** ṽ_ℓ (sink token, v column), shape [B, Q]. */
  readonly sinkV: Float64Array;
  /** Head-1 logits between point tokens, log P_ℓ, shape [B, S, n, n] (rows x_i, columns y_j). */
  readonly planLogits: Float64Array;
  /** Masked head-2 readout M_ℓ, shape [B, S, n, n] (rows y_i, columns x_j; rows sum to 1). */
  readonly readout: Float64Array;
  /** Sorting output M_ℓ·x, shape [B, S, n, d]. */
  readonly sorted: Float64Array;
  /** Token matrices Z_ℓ, shape [B, S, n + 1, F] (only when options.tokens). */
  readonly tokens?: Float64Array;
  /** Feature width F of a token (3d + 8 for the construction of spec §2). */
  readonly features: number;
}

/** A batched OT transformer under test. */
export interface OTTransformer extends NumericCapability {
  forward(batch: OTTransformerBatch, options: OTTransformerOptions): Promise<OTTransformerTrace>;
}
