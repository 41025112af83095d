/**
 * Shared pieces of the `ot-transformer.*` and `sorting.*` properties (spec ot-transformer-sorting.md §2, §5, §7):
 * the model under test, the float64 oracle per instance (exact P*_λ by log-domain Sinkhorn), scale-free
 * comparisons (Hilbert metric from logits, row-normalised readout), the float error analysis of one layer,
 * and depth runs that continue unconverged instances in chunks.
 */
import type { OTTransformer, OTTransformerBatch, OTTransformerTrace } from '../../impl/capabilities/ot-transformer.js';
import { costOf, tokenLayout } from '../../impl/ot-transformer-prompt.js';
import { entropicPlan } from '../../impl/reference/entropic-plan.js';
import { dualGradientStep, type DualState } from '../../impl/reference/ot-transformer.js';
import { hilbertDistanceLog } from '../../impl/reference/hilbert.js';
import { logSumExp } from '../../impl/reference/logsumexp.js';
import { assertExactPlan } from '../oracle.js';
import { perturbedContraction, shiftedExpSumError, type ArithmeticAccuracy } from '../tolerance.js';
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

/** max_ij |M_ℓ − nP*ᵀ_λ| at recorded slot s. */
export function readoutError(t: OTTransformerTrace, b: number, s: number, o: OTOracle): number {
  const M = view.readout(t, b, s);
  let m = 0;
  for (let k = 0; k < M.length; k++) {
    const e = Math.abs(M[k]! - o.readoutLimit[k]!);
    if (Number.isNaN(e)) return NaN;
    m = Math.max(m, e);
  }
  return m;
}

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

/** max |x| over arrays (finite entries). */
export function maxAbsOf(...xs: ArrayLike<number>[]): number {
  let m = 0;
  for (const x of xs) for (let k = 0; k < x.length; k++) if (Number.isFinite(x[k]!)) m = Math.max(m, Math.abs(x[k]!));
  return m;
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

/** The instance subset `idx` of a batch, starting from the potentials at slot q of a trace (continuation). */
function continueFrom(
  batch: OTTransformerBatch,
  idx: readonly number[],
  t: OTTransformerTrace,
  q: number,
  map: readonly number[],
): OTTransformerBatch {
  const { n, d } = batch;
  const B = idx.length;
  const pick = (arr: Float64Array, w: number): Float64Array => {
    const out = new Float64Array(B * w);
    idx.forEach((b, k) => out.set(arr.subarray(b * w, (b + 1) * w), k * w));
    return out;
  };
  const u0 = new Float64Array(B * n);
  const v0 = new Float64Array(B * n);
  const sinkU0 = new Float64Array(B);
  const sinkV0 = new Float64Array(B);
  idx.forEach((b, k) => {
    const tb = map[b]!;
    u0.set(view.u(t, tb, q), k * n);
    v0.set(view.v(t, tb, q), k * n);
    sinkU0[k] = view.sinkU(t, tb, q);
    sinkV0[k] = view.sinkV(t, tb, q);
  });
  // a model without a sink token reports NaN sink potentials: its continuation starts from the default
  const hasSink = [...sinkU0, ...sinkV0].every(Number.isFinite);
  return {
    B,
    n,
    d,
    x: pick(batch.x, n * d),
    y: pick(batch.y, n * d),
    lambda: pick(batch.lambda, 1),
    gamma: pick(batch.gamma, 1),
    u0,
    v0,
    ...(hasSink ? { sinkU0, sinkV0 } : {}),
  };
}

/** Per-instance result of a depth run. */
export interface DepthRun {
  /** Layers run when the target was reached, or the maximum. */
  readonly layers: number[];
  /** d_H(P_ℓ, P*) at the checkpoints (ℓ = chunk, 2·chunk, …) per instance. */
  readonly curve: Array<Array<[number, number]>>;
  readonly finalHilbert: number[];
  readonly finalReadoutError: number[];
  /** max |potential| seen (for the float floor). */
  readonly potentialMax: number[];
  /** Sink potentials at the end. */
  readonly sinkU: number[];
  readonly sinkV: number[];
  /** Sorting outputs M_L·x at the end (n·d per instance). */
  readonly sorted: Float64Array[];
}

/**
 * Run the model in chunks of `chunk` layers up to `maxLayers`, continuing only the instances whose
 * d_H(P_ℓ, P*) is still above `target` (the state of the model is the potentials: every other token column
 * is constant, spec §2 — so a continuation is the same forward pass). Each chunk is one batched forward.
 */
export async function runToDepth(
  model: OTTransformer,
  batch: OTTransformerBatch,
  oracles: readonly OTOracle[],
  target: number,
  chunk: number,
  maxLayers: number,
): Promise<DepthRun> {
  const B = batch.B;
  const layers = new Array<number>(B).fill(0);
  const curve: Array<Array<[number, number]>> = Array.from({ length: B }, () => []);
  const finalHilbert = new Array<number>(B).fill(NaN);
  const finalReadoutError = new Array<number>(B).fill(NaN);
  const potentialMax = new Array<number>(B).fill(0);
  const sinkU = new Array<number>(B).fill(NaN);
  const sinkV = new Array<number>(B).fill(NaN);
  const sorted: Float64Array[] = Array.from({ length: B }, () => new Float64Array(0));
  let active = [...Array(B).keys()];
  let current = batch;
  // ten checkpoints per chunk: the curve of d_H along depth for the report and the rate fit
  const checkpoints = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => Math.round((k * chunk) / 10));
  const last = checkpoints.length - 1;
  while (active.length > 0) {
    const t = await model.forward(current, { layers: chunk, record: checkpoints });
    const still: number[] = [];
    active.forEach((b, k) => {
      checkpoints.forEach((l, s) => curve[b]!.push([layers[b]! + l, hilbertToPlan(t, k, s, oracles[b]!)]));
      layers[b] = layers[b]! + chunk;
      const dh = hilbertToPlan(t, k, last, oracles[b]!);
      finalHilbert[b] = dh;
      finalReadoutError[b] = readoutError(t, k, last, oracles[b]!);
      for (let s = 0; s <= last; s++) {
        potentialMax[b] = Math.max(
          potentialMax[b]!,
          maxAbsOf(view.u(t, k, s), view.v(t, k, s), [view.sinkU(t, k, s), view.sinkV(t, k, s)]),
        );
      }
      sinkU[b] = view.sinkU(t, k, last);
      sinkV[b] = view.sinkV(t, k, last);
      sorted[b] = Float64Array.from(view.sorted(t, k, last));
      // continue while above the target and still making progress over the chunk (a stall or a divergence
      // over `chunk` layers ends the run: non-convergence is decided by the final distance)
      const start =
        curve[b]!.length > checkpoints.length ? curve[b]![curve[b]!.length - checkpoints.length - 1]![1] : Infinity;
      if (dh > target && layers[b] < maxLayers && Number.isFinite(dh) && dh < 0.999 * start) still.push(b);
    });
    if (still.length === 0) break;
    const local = still.map((b) => active.indexOf(b));
    current = continueFrom(current, local, t, last, [...Array(active.length).keys()]);
    active = still;
  }
  return { layers, curve, finalHilbert, finalReadoutError, potentialMax, sinkU, sinkV, sorted };
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
