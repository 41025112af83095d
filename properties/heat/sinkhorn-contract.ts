/**
 * heat.sinkhorn-contract (spec heat-flow-limit §3.2, properties 5 and 10; Sinkformers §3): the symmetric
 * damped solver converges with exact marginals, a symmetric plan and spec(nP) ⊂ [0, 1]; the Sinkformer
 * layer matches the float64 layer at the same iteration cap; with W_QᵀW_K = I = −W_V and the cap → ∞ the
 * float64 layer is the SB step (spec §1.2).
 */
import fc from 'fast-check';
import type { SinkformerBatch } from '../../impl/capabilities/sb-attention.js';
import { sbStep } from '../../impl/reference/barycentric-projection.js';
import { halfSquaredDistances, logWeights, symmetricSinkhornMap } from '../../impl/reference/symmetric-sinkhorn.js';
import { attentionLogits, sinkformerUpdate, sinkhornAttention } from '../../impl/reference/sinkformer-layer.js';
import { symmetricEigen } from '../../impl/reference/symmetric-eigen.js';
import { OracleError } from '../../impl/errors.js';
import { gaussianOrMixture, particleCase, type ParticleCase } from '../arbitraries/gaussians.js';
import { logUniform, spreadUnitBlock } from '../arbitraries/scalars.js';
import { measure } from '../measure.js';
import { accuracyOf, halfStepError, IEEE_FLOAT64 } from '../tolerance.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { extent, HEAT_COVERAGE_BINS, sbOf, slice, stepErrorModel } from './common.js';
import { defineProperty } from '../define.js';
import { sinkhornContract } from '../../theorems/heat-flow/index.js';

interface LayerInstance {
  readonly x: readonly number[];
  readonly WQ: readonly number[];
  readonly WK: readonly number[];
  readonly WV: readonly number[];
  readonly eps: number;
}

interface Input {
  readonly particles: ParticleCase;
  readonly layer: {
    readonly n: number;
    readonly d: number;
    readonly cap: number;
    readonly layers: number;
    readonly instances: readonly LayerInstance[];
  };
}

const N_MAX = 24;
const MAX_ITERATIONS = 200;
/** Accuracy the float64 SB step (the oracle of the identity W_QᵀW_K = I = −W_V) is solved to, in cost units. */
const ORACLE_TOLERANCE = 1e-14;

const layerArb = fc
  .record({
    n: fc.integer({ min: 2, max: N_MAX }),
    d: fc.integer({ min: 1, max: 3 }),
    cap: fc.integer({ min: 1, max: 12 }),
    layers: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ n, d, cap, layers }) =>
    fc
      .array(
        fc.record({
          x: signedBlock(n * d),
          WQ: signedBlock(d * d),
          WK: signedBlock(d * d),
          WV: signedBlock(d * d),
          eps: logUniform(0.25, 1),
        }),
        { minLength: 1, maxLength: 3 },
      )
      .map((instances) => ({ n, d, cap, layers, instances })),
  );

/**
 * Entries uniform in [−1, 1) on the float32 grid, shrinking towards spread values (scalars.ts spreadUnitBlock): a
 * block shrunk to one value makes all tokens equal and W rank one, where a wrong layer hardly moves its output.
 */
function signedBlock(length: number): fc.Arbitrary<number[]> {
  return spreadUnitBlock(length).map((a) => a.map((t) => Math.fround(2 * t - 1)));
}

function identity(d: number, s = 1): number[] {
  return Array.from({ length: d * d }, (_, k) => (k % (d + 1) === 0 ? s : 0));
}

export const sinkhornContractProperty = defineProperty<Input>(sinkhornContract, {
  arbitrary: () =>
    fc.record({
      particles: particleCase({
        d: fc.integer({ min: 1, max: 3 }),
        n: fc.integer({ min: 2, max: 40 }),
        batchMax: 4,
        epsMin: 0.003,
        epsMax: 0.2,
        source: gaussianOrMixture,
      }),
      layer: layerArb,
    }),
  runs: { quick: 2, ci: 6, thorough: 80 },
  coverageBins: HEAT_COVERAGE_BINS,
  async run({ particles, layer }, ctx): Promise<BatchOutcome> {
    const sb = sbOf(ctx);
    const { batch } = particles;
    const { B, n, d } = batch;
    const model = stepErrorModel(accuracyOf(sb), n);
    const measurements: Measurement[] = [];
    // the heat-flow range ε ∈ [0.003, 0.2], and the same particles at 20ε ∈ [0.06, 4] (Sinkformer temperatures,
    // where the stopping rule ε·max|Δg| < τ differs from max|Δg| < τ in the direction that stops early); one
    // tolerance per solve, at the batch's smallest ε, so the ε range of one solve stays within a factor 67
    const iterations: number[] = [];
    // the float64 Sinkhorn map of each instance, shared by both scales (uniform weights)
    const costs = Array.from({ length: B }, (_, b) => halfSquaredDistances({ n, d, x: slice(batch.x, b, n * d) }, 1));
    const logW = logWeights({ n, d, x: batch.x });
    for (const scale of [1, 20]) {
      const suffix = scale === 1 ? '' : ' (20ε)';
      const batchS = scale === 1 ? batch : { ...batch, eps: batch.eps.map((e) => e * scale) };
      const tolerance = (e: number): number => (sb.precision === 'float64' ? e * 1e-12 : model.tolerance(e));
      let epsMin = Infinity;
      for (const e of batchS.eps) epsMin = Math.min(epsMin, e);
      const plan = await sb.plan(batchS, { tolerance: tolerance(epsMin), maxIterations: MAX_ITERATIONS });
      if (scale === 1) iterations.push(...plan.iterations);
      for (let b = 0; b < B; b++) {
        const e = batchS.eps[b]!;
        const lp = slice(plan.logPlan, b, n * n);
        // marginals: float64 1e-8 (spec property 10); float32 the analysed relative plan error
        const margTol = sb.precision === 'float64' ? 1e-8 : model.planError(e);
        let worst = 0;
        let asym = 0;
        for (let i = 0; i < n; i++) {
          let r = 0;
          let c = 0;
          for (let j = 0; j < n; j++) {
            r += Math.exp(lp[i * n + j]!);
            c += Math.exp(lp[j * n + i]!);
            asym = Math.max(asym, Math.abs(lp[i * n + j]! - lp[j * n + i]!));
          }
          worst = Math.max(worst, Math.abs(n * r - 1), Math.abs(n * c - 1));
        }
        measurements.push(measure(b, `max_i |n·Σ_j P_ij − 1| and |n·Σ_i P_ij − 1|${suffix}`, worst, '<=', 0, margTol));
        measurements.push(
          measure(
            b,
            `iterations to tolerance ≤ ${MAX_ITERATIONS}${suffix}`,
            plan.residual[b]! < tolerance(epsMin) ? plan.iterations[b]! : Infinity,
            '<=',
            MAX_ITERATIONS,
            0,
          ),
        );
        // the reported residual is the last ε·max|Δg|: the damped map g ↦ ½(g + T(g)) is non-expansive in sup norm
        // (T is a soft-min), so one more float64 step from the returned g moves it by at most that much, plus the
        // implementation's rounding of one step (δ per half-step, twice)
        const g = slice(plan.logPotential, b, n);
        const T = symmetricSinkhornMap(costs[b]!, logW, g, e, n);
        let next = 0;
        for (let i = 0; i < n; i++) next = Math.max(next, Math.abs(0.5 * (T[i]! - g[i]!)));
        measurements.push(
          measure(
            b,
            `ε·max|Δg| of one more float64 step ≤ reported residual${suffix}`,
            e * next,
            '<=',
            plan.residual[b]!,
            e * 2 * model.delta + 1e-15 * e,
          ),
        );
        // symmetry of log P: each entry carries ≤ 3u·E rounding (log w_i + log w_j + g_i + g_j − C_ij/ε)
        measurements.push(
          measure(
            b,
            `max |log P_ij − log P_ji|${suffix}`,
            asym,
            '<=',
            0,
            6 * model.u * (model.magnitude + maxCostOverEps(slice(batch.x, b, n * d), n, d, e)),
          ),
        );
        // spectrum of Q = nP: [0, 1] exactly; perturbation ≤ ‖ΔQ‖_F ≤ η·‖Q‖_F ≤ η·√n
        const Q = Float64Array.from(lp, (v) => n * Math.exp(v));
        const ev = symmetricEigen(Q, n).values;
        const specTol = 1e-12 + model.planError(e) * Math.sqrt(n);
        measurements.push(measure(b, `λ_min(nP) ≥ 0${suffix}`, ev[0]!, '>=', 0, specTol));
        measurements.push(measure(b, `λ_max(nP) ≤ 1${suffix}`, ev[n - 1]!, '<=', 1, specTol));
      }
    }
    // the Sinkformer layer against the float64 layer at the same cap
    // k shared-weight layers: the last layer is checked from the implementation's own output after k − 1 layers
    // (deterministic for the same call), so the composition is checked without the layers' amplification of rounding
    const { n: ln, d: ld, cap, layers, instances } = layer;
    const LB = instances.length;
    const lb: SinkformerBatch = {
      B: LB,
      n: ln,
      d: ld,
      x: Float64Array.from(instances.flatMap((i) => i.x)),
      WQ: Float64Array.from(instances.flatMap((i) => i.WQ)),
      WK: Float64Array.from(instances.flatMap((i) => i.WK)),
      WV: Float64Array.from(instances.flatMap((i) => i.WV)),
      eps: Float64Array.from(instances, (i) => i.eps),
    };
    const lo = await sb.sinkformer(lb, { iterations: cap, layers });
    const before = layers > 1 ? (await sb.sinkformer(lb, { iterations: cap, layers: layers - 1 })).x : lb.x;
    instances.forEach((ins, b) => {
      const x = Float64Array.from(before.subarray(b * ln * ld, (b + 1) * ln * ld));
      const logits = attentionLogits(x, ln, ld, ins.WQ, ins.WK);
      const K = sinkhornAttention(logits, ln, ins.eps, cap);
      const ref = sinkformerUpdate(x, ln, ld, K, ins.WV);
      let magnitude = 0;
      for (const v of logits) magnitude = Math.max(magnitude, Math.abs(v) / ins.eps);
      // each log-domain half-step errs by δ_h and is 1-Lipschitz in sup norm: log P errs by ≤ 2·cap·δ_h + 3u·magnitude,
      // the row-normalised K by twice that (relative); the update Σ_j K_ij W_V(x_j − x_i) by that × max|W_V(x_j − x_i)| + n·u
      const acc = accuracyOf(sb);
      const u = acc.u;
      const dh = halfStepError(acc, 2 * magnitude + Math.log(ln), ln, Math.log(ln));
      const etaK = 2 * (2 * cap * dh + 3 * u * (2 * magnitude + Math.log(ln)));
      const { diam } = extent(x, ln, ld);
      let wv = 0;
      for (const v of ins.WV) wv += v * v;
      const spread = Math.sqrt(wv) * diam;
      const tol = etaK * spread + (ln + 4) * u * (2 + spread);
      let err = 0;
      for (let k = 0; k < ln * ld; k++) err = Math.max(err, Math.abs(lo.x[b * ln * ld + k]! - ref[k]!));
      const what = `Sinkformer layer ${layers} vs float64 layer from layer ${layers - 1} (cap 1–12)`;
      measurements.push(measure(b, what, err, '<=', 0, tol));
      let rowErr = 0;
      for (let i = 0; i < ln; i++) {
        let r = 0;
        for (let j = 0; j < ln; j++) r += lo.attention[(b * ln + i) * ln + j]!;
        rowErr = Math.max(rowErr, Math.abs(r - 1));
      }
      measurements.push(measure(b, 'attention rows sum to 1', rowErr, '<=', 0, (ln + 2) * u * 2));
      if (b === 0) measurements.push(...identityLayerIsSbStep(b, Float64Array.from(ins.x), ln, ld, ins.eps));
    });
    return {
      instances: B + LB,
      measurements,
      coverage: [...Array(B).keys()].map((b) => ({ n, d, eps: batch.eps[b]! })),
      data: { iterations },
    };
  },
});

function maxCostOverEps(x: Float64Array, n: number, d: number, eps: number): number {
  let m = 0;
  for (const c of halfSquaredDistances({ n, d, x })) m = Math.max(m, c);
  return m / eps;
}

/**
 * The identity of spec §1.2 in float64: with W_QᵀW_K = I = −W_V, the layer's Sinkhorn normalisations iterated to
 * convergence give the SB step. Cold-started alternating normalisations converge like λ₂(nP)^{2t}, and λ₂ → 1 when
 * the tokens form groups whose cross-kernel e^{−|x_i−x_j|²/2ε} is small: two equal tokens and a third at distance
 * 1.76, ε = 0.25 (λ₂ ≈ 1 − 3e^{−6.2}) are still 8.5e-7 from the limit after 2000 normalisations and reach it after
 * 20000, and at C/ε = 24 (the domain's corner) 10¹¹ would be needed. No cap is long enough, so the limit is found
 * where the theory puts it: the bridge's plan P_ij = e^{log w_i + g_i − |x_i|²/2ε}·e^{log w_j + g_j − |x_j|²/2ε}·
 * e^{⟨x_i, x_j⟩/ε} is a diagonal scaling of the layer's kernel with uniform marginals, hence (Sinkhorn 1964,
 * uniqueness of the doubly stochastic scaling) the limit of the layer's normalisations from any start. The
 * damped symmetric solver contracts at rate ½, so its g is within e_g = τ/ε + 2δ of the fixed point. Started from
 * that scaling, the normalisations must stay put (measured: K after 1 and after 3 half-steps), and the layer at
 * that K must equal 2x − B. A wrong rewriting of logits as cost, or a wrong oracle, moves both.
 */
function identityLayerIsSbStep(b: number, x: Float64Array, n: number, d: number, eps: number): Measurement[] {
  const step = sbStep({ n, d, x }, eps, { tolerance: ORACLE_TOLERANCE, maxIterations: 1000 });
  if (!(step.residual < ORACLE_TOLERANCE)) {
    const what = `residual ${step.residual} ≥ ${ORACLE_TOLERANCE} after ${step.iterations} iterations`;
    throw new OracleError('float64 SB step', what);
  }
  const model = stepErrorModel(IEEE_FLOAT64, n);
  const { diam, xmax } = extent(x, n, d);
  const logits = attentionLogits(x, n, d, identity(d), identity(d));
  const init = Array.from({ length: n }, (_, j) => {
    let r2 = 0;
    for (let r = 0; r < d; r++) r2 += x[j * d + r]! ** 2;
    return -Math.log(n) + step.logPotential[j]! - r2 / (2 * eps);
  });
  const K1 = sinkhornAttention(logits, n, eps, 1, init);
  const K3 = sinkhornAttention(logits, n, eps, 3, init);
  // log-scaling error of the start: 2e_g from g (each g_j enters once, and the row step sees Σ), plus forming it
  // (3u·mag); each half-step is non-expansive and adds δ_h; K's log errs by twice its column scaling's error
  const mag = (2 * xmax * xmax * d) / eps + Math.log(n);
  const dh = halfStepError(IEEE_FLOAT64, 2 * mag, n, Math.log(n));
  const e0 = 2 * (ORACLE_TOLERANCE / eps + 2 * model.delta) + 3 * model.u * mag;
  let moved = 0;
  for (let k = 0; k < n * n; k++) moved = Math.max(moved, Math.abs(K3[k]! - K1[k]!));
  const out = [
    measure(
      b,
      'float64 layer normalisations from the SB bridge’s scaling (W_QᵀW_K = I): |K₃ − K₁|',
      moved,
      '<=',
      0,
      2 * (e0 + dh) + 2 * (e0 + 3 * dh),
    ),
  ];
  // the layer at K₃: weights err by η = 2(e0 + 3δ_h) + (n + 2)u, the update Σ_j K_ij(x_i − x_j) by
  // η·diam + (n + 4)u(2 + diam);
  // the oracle's 2x − B by its own analysed step error (common.ts)
  const layer = sinkformerUpdate(x, n, d, K3, identity(d, -1));
  let err = 0;
  for (let k = 0; k < n * d; k++) err = Math.max(err, Math.abs(layer[k]! - step.x[k]!));
  const eta = 2 * (e0 + 3 * dh) + (n + 2) * model.u;
  const tol = eta * diam + (n + 4) * model.u * (2 + diam) + model.stepError(eps, diam, xmax);
  out.push(measure(b, 'float64 layer (W_QᵀW_K = I = −W_V, converged normalisations) vs SB step', err, '<=', 0, tol));
  return out;
}
