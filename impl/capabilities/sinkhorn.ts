/**
 * The Sinkhorn capability: what an implementation under test must provide for the
 * `sinkhorn.*` claims. Plain typed arrays only, so a user's implementation need not use tfjs.
 *
 * Conventions (Peyré & Cuturi 2019, §4.2; Franklin & Lorenz 1989):
 *   K = exp(−C/ε),  u^{(ℓ)} = a ⊘ (K v^{(ℓ−1)}),  v^{(ℓ)} = b ⊘ (Kᵀ u^{(ℓ)}),  ℓ = 1..L,
 *   P^{(ℓ)} = diag(u^{(ℓ)}) K diag(v^{(ℓ)}).
 * Scalings are exchanged as logarithms (log u, log v); the potentials are f = ε log u, g = ε log v.
 *
 * Validation: `options` is required ({iterations ≥ 1, domain}; record a boolean, initLogV a Float64Array
 * [B, m]). The trace's B, n, m, iterations and stored must match the call; logU, logV, logPlan are finite
 * except −∞ exactly where the weight is zero (log u_i where a_i = 0, log v_j where b_j = 0, log P_ij where
 * either is); +∞ and NaN never. A float32 solver needs max |C/ε| ≤ FLOAT32_LOG_DOMAIN_MAX (≈ 8.5e37) per
 * instance; beyond it it throws a NumericalError naming eps.
 */
import type { NumericCapability } from './arithmetic.js';

/** A batch of B entropic OT problems of one shape. All arrays are row-major. */
export interface SinkhornBatch {
  readonly B: number;
  readonly n: number;
  readonly m: number;
  /** Source weights, shape [B, n], entries ≥ 0 (zero weights allowed). */
  readonly a: Float64Array;
  /** Target weights, shape [B, m], same total mass as `a` per instance. */
  readonly b: Float64Array;
  /** Costs, shape [B, n, m]. */
  readonly C: Float64Array;
  /** Regularisation ε > 0 per instance, shape [B]. */
  readonly eps: Float64Array;
}

/**
 * 'log': log-sum-exp half-steps (the claims' reference path); 'kernel': matrix products with
 * K = exp(−C/ε) (underflows for large C/ε); 'stabilized': kernel products on K̃ = exp((f ⊕ g − C)/ε)
 * with the scalings absorbed into the log potentials f, g whenever they leave [e^{−τ}, e^{τ}]
 * (Schmitzer 2019, POT `sinkhorn_stabilized`): the same iterates in exact arithmetic, log-domain safe.
 */
export type SinkhornDomain = 'log' | 'kernel' | 'stabilized';

/** Every accepted domain, for validation and benchmarks. */
export const SINKHORN_DOMAINS: readonly SinkhornDomain[] = ['log', 'kernel', 'stabilized'];

export interface SinkhornOptions {
  /** Number L of full (u, v) iterations. */
  readonly iterations: number;
  /** 'log': log-sum-exp updates (stable for small ε); 'kernel': matrix products with K = exp(−C/ε). */
  readonly domain: SinkhornDomain;
  /** log v^{(0)}, shape [B, m]; defaults to 0 (v^{(0)} = 1). */
  readonly initLogV?: Float64Array;
  /** Keep every iterate (shape [B, L+1, ·]); otherwise only ℓ = 0 and ℓ = L are kept (shape [B, 2, ·]). */
  readonly record?: boolean;
}

export interface SinkhornTrace {
  readonly B: number;
  readonly n: number;
  readonly m: number;
  readonly iterations: number;
  /** Number of stored iterates per instance: L+1 when recorded, else 2 (ℓ = 0 and ℓ = L). */
  readonly stored: number;
  /** log u^{(ℓ)}, shape [B, stored, n]; slot 0 holds log u^{(0)} = 0 by convention. −∞ where a_i = 0. */
  readonly logU: Float64Array;
  /** log v^{(ℓ)}, shape [B, stored, m]; slot 0 holds the initial log v^{(0)}. −∞ where b_j = 0. */
  readonly logV: Float64Array;
  /** log P^{(L)} = log u^{(L)} ⊕ log v^{(L)} − C/ε as computed by the implementation, shape [B, n, m]. */
  readonly logPlan: Float64Array;
  /** 'stabilized' domain only: how many times the kernel was re-formed from the potentials (absorptions). */
  readonly absorptions?: number;
}

/** A batched Sinkhorn solver under test. */
export interface SinkhornSolver extends NumericCapability {
  solve(batch: SinkhornBatch, options: SinkhornOptions): Promise<SinkhornTrace>;
}
