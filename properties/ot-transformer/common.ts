/**
 * Shared pieces of the `ot-transformer.*` and `sorting.*` properties (spec ot-transformer-sorting.md §2, §5, §7):
 * the model under test, the float64 oracle per instance (exact P*_λ by log-domain Sinkhorn), views into a
 * trace, scale-free comparisons (Hilbert metric from logits, row-normalised readout) and the oracle's
 * per-layer contraction. The float error analysis of one layer is in layer-error.ts, chunked depth runs in
 * run-to-depth.ts.
 */
import type { OTTransformer, OTTransformerBatch, OTTransformerTrace } from '../../impl/capabilities/ot-transformer.js';
import { costOf } from '../../impl/ot-transformer-prompt.js';
import { entropicPlan } from '../../impl/reference/entropic-plan.js';
import { dualGradientStep, type DualState } from '../../impl/reference/ot-transformer.js';
import { hilbertDistanceLog } from '../../impl/reference/hilbert.js';
import { logSumExp } from '../../impl/reference/logsumexp.js';
import { maxAbsDiff, maxAbsFinite } from '../../impl/reference/numeric.js';
import { assertExactPlan } from '../oracle.js';
import type { PropertyContext } from '../types.js';
import { capabilityOf } from '../capability.js';

/** The OT transformer under test (the runner skips implementations without it first). */
export function modelOf(ctx: PropertyContext): OTTransformer {
  return capabilityOf(ctx, 'otTransformer');
}

/** The float64 oracle of one instance: the cost and the exact entropic plan with marginals 1/n. */
export interface OTOracle {
  readonly n: number;
  readonly lambda: number;
  readonly C: Float64Array;
  /** log P*_λ (marginals 1/n), row-major n×n, marginal error < 1e-13. */
  readonly logPlan: Float64Array;
  /** n·P*ᵀ_λ: the unit-marginal plan, transposed (the limit of the readout M_ℓ). */
  readonly readoutLimit: Float64Array;
}

/** Exact P*_λ for instance b (Cuturi 2013; Peyré & Cuturi Prop. 4.3), by log-domain Sinkhorn in float64. */
export function oracleOf(batch: OTTransformerBatch, b: number): OTOracle {
  const n = batch.n;
  const C = costOf(batch, b);
  const lambda = batch.lambda[b]!;
  const a = new Float64Array(n).fill(1 / n);
  const problem = { n, m: n, a, b: a, C, eps: lambda };
  const star = entropicPlan(problem);
  assertExactPlan('exact plan P*_λ', problem, star.logPlan, star);
  const readoutLimit = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) readoutLimit[i * n + j] = n * Math.exp(star.logPlan[j * n + i]!);
  return { n, lambda, C, logPlan: star.logPlan, readoutLimit };
}

/** log P(u, v) = (u_i + v_j − C_ij)/λ − 1 in float64 (spec §7: d_H from logits, never log(exp(·))). */
export function logPlanOf(
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  C: ArrayLike<number>,
  n: number,
  lambda: number,
): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = (u[i]! + v[j]! - C[i * n + j]!) / lambda - 1;
  return out;
}

/** d_H(P(u_ℓ, v_ℓ), P*) at potential slot q, from the potentials in float64 (spec §7). */
export function hilbertFromPotentials(t: OTTransformerTrace, b: number, q: number, o: OTOracle): number {
  return hilbertDistanceLog(logPlanOf(view.u(t, b, q), view.v(t, b, q), o.C, o.n, o.lambda), o.logPlan);
}

/** Views into a trace: slot s of the recorded layers, slot q of the potential layers. */
export const view = {
  planLogits: (t: OTTransformerTrace, b: number, s: number): Float64Array =>
    t.planLogits.subarray((b * t.recorded.length + s) * t.n * t.n, (b * t.recorded.length + s + 1) * t.n * t.n),
  readout: (t: OTTransformerTrace, b: number, s: number): Float64Array =>
    t.readout.subarray((b * t.recorded.length + s) * t.n * t.n, (b * t.recorded.length + s + 1) * t.n * t.n),
  sorted: (t: OTTransformerTrace, b: number, s: number): Float64Array =>
    t.sorted.subarray((b * t.recorded.length + s) * t.n * t.d, (b * t.recorded.length + s + 1) * t.n * t.d),
  u: (t: OTTransformerTrace, b: number, q: number): Float64Array =>
    t.u.subarray((b * t.potentialLayers.length + q) * t.n, (b * t.potentialLayers.length + q + 1) * t.n),
  v: (t: OTTransformerTrace, b: number, q: number): Float64Array =>
    t.v.subarray((b * t.potentialLayers.length + q) * t.n, (b * t.potentialLayers.length + q + 1) * t.n),
  sinkU: (t: OTTransformerTrace, b: number, q: number): number => t.sinkU[b * t.potentialLayers.length + q]!,
  sinkV: (t: OTTransformerTrace, b: number, q: number): number => t.sinkV[b * t.potentialLayers.length + q]!,
};

/** d_H(P_ℓ, P*_λ) from the model's own plan logits at recorded slot s (scale-free, spec §5). */
export function hilbertToPlan(t: OTTransformerTrace, b: number, s: number, o: OTOracle): number {
  return hilbertDistanceLog(view.planLogits(t, b, s), o.logPlan);
}

/** max_ij |M_ℓ − nP*ᵀ_λ| at recorded slot s (NaN propagates). */
export function readoutError(t: OTTransformerTrace, b: number, s: number, o: OTOracle): number {
  return maxAbsDiff(view.readout(t, b, s), o.readoutLimit);
}

/**
 * max |x| over potential arrays (NaN propagates, ±∞ skipped: numeric.ts maxAbsFinite) and the given sink
 * potentials, of which a NaN one is left out: a model without a sink token reports NaN there (capability contract).
 */
export function potentialMagnitude(potentials: readonly ArrayLike<number>[], sinks: readonly number[] = []): number {
  return maxAbsFinite(
    ...potentials,
    sinks.filter((x) => !Number.isNaN(x)),
  );
}

/**
 * Asymptotic per-layer contraction ρ of d_H on the float64 oracle: the closed-form dual step (spec §2) run
 * from the prompt's start until d_H < 1e-9, ρ = (d_H(ℓ₂)/d_H(ℓ₁))^{1/(ℓ₂−ℓ₁)} between d_H = 1e-4 and 1e-9
 * (1 when that range is not reached). This is the condition of the limit: rounding injected per layer is
 * amplified by ≤ 1/(1 − ρ). Also returns the oracle's depth to d_H < 1e-8.
 */
export function oracleContraction(
  batch: OTTransformerBatch,
  b: number,
  o: OTOracle,
  maxLayers: number,
): { rho: number; layersTo1e8: number } {
  const n = batch.n;
  let s: DualState = {
    u: Float64Array.from(batch.u0?.subarray(b * n, (b + 1) * n) ?? new Float64Array(n)),
    v: Float64Array.from(batch.v0?.subarray(b * n, (b + 1) * n) ?? new Float64Array(n)),
    sinkU: batch.sinkU0?.[b] ?? 0,
    sinkV: batch.sinkV0?.[b] ?? 0,
  };
  let l1 = -1;
  let d1 = NaN;
  let l2 = -1;
  let d2 = NaN;
  let layersTo1e8 = Infinity;
  for (let l = 0; l <= maxLayers; l++) {
    const dh = hilbertDistanceLog(logPlanOf(s.u, s.v, o.C, n, o.lambda), o.logPlan);
    if (l1 < 0 && dh < 1e-4) {
      l1 = l;
      d1 = dh;
    }
    if (layersTo1e8 === Infinity && dh < 1e-8) layersTo1e8 = l;
    if (dh < 1e-9) {
      l2 = l;
      d2 = dh;
      break;
    }
    s = dualGradientStep(s, o.C, n, o.lambda, batch.gamma[b]!);
  }
  const rho = l1 >= 0 && l2 > l1 ? Math.pow(d2 / d1, 1 / (l2 - l1)) : 1;
  return { rho, layersTo1e8 };
}

/** log Σ exp over a row-major block (float64). */
export function logMass(logP: ArrayLike<number>): number {
  return logSumExp(logP, 0, logP.length);
}
