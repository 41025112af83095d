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
import { gaussianOrMixture, particleCase, type ParticleCase } from '../arbitraries/gaussians.js';
import { logUniform, uniformIn } from '../arbitraries/scalars.js';
import { measure } from '../measure.js';
import { halfStepError } from '../tolerance.js';
import type { BatchOutcome, ClaimProperty, Measurement } from '../types.js';
import { extent, HEAT_COVERAGE_BINS, sbOf, slice, stepErrorModel } from './common.js';

interface LayerInstance {
  readonly x: readonly number[];
  readonly WQ: readonly number[];
  readonly WK: readonly number[];
  readonly WV: readonly number[];
  readonly eps: number;
}

interface Input {
  readonly particles: ParticleCase;
  readonly layer: { readonly n: number; readonly d: number; readonly cap: number; readonly instances: readonly LayerInstance[] };
}

const N_MAX = 24;
const MAX_ITERATIONS = 200;
/** Half-steps for the float64 "cap → ∞" layer of the identity W_QᵀW_K = I = −W_V. */
const LONG_CAP = 2000;

const layerArb = fc.record({ n: fc.integer({ min: 2, max: N_MAX }), d: fc.integer({ min: 1, max: 3 }), cap: fc.integer({ min: 1, max: 12 }) }).chain(({ n, d, cap }) =>
  fc
    .array(
      fc.record({
        x: fc.array(uniformIn(-1, 1), { minLength: n * d, maxLength: n * d }),
        WQ: fc.array(uniformIn(-1, 1), { minLength: d * d, maxLength: d * d }),
        WK: fc.array(uniformIn(-1, 1), { minLength: d * d, maxLength: d * d }),
        WV: fc.array(uniformIn(-1, 1), { minLength: d * d, maxLength: d * d }),
        eps: logUniform(0.25, 1),
      }),
      { minLength: 1, maxLength: 3 },
    )
    .map((instances) => ({ n, d, cap, instances })),
);

function identity(d: number, s = 1): number[] {
  return Array.from({ length: d * d }, (_, k) => (k % (d + 1) === 0 ? s : 0));
}

export const sinkhornContractProperty: ClaimProperty<Input> = {
  claimId: 'heat.sinkhorn-contract',
  arbitrary: () =>
    fc.record({
      particles: particleCase({ d: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 2, max: 40 }), batchMax: 4, epsMin: 0.003, epsMax: 0.2, source: gaussianOrMixture }),
      layer: layerArb,
    }),
  runs: { quick: 2, ci: 6, thorough: 80 },
  coverageBins: HEAT_COVERAGE_BINS,
  async run({ particles, layer }, ctx): Promise<BatchOutcome> {
    const sb = sbOf(ctx);
    const { batch } = particles;
    const { B, n, d } = batch;
    const model = stepErrorModel(sb.precision, n);
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
        measurements.push(measure(b, `iterations to tolerance ≤ ${MAX_ITERATIONS}${suffix}`, plan.residual[b]! < tolerance(epsMin) ? plan.iterations[b]! : Infinity, '<=', MAX_ITERATIONS, 0));
        // the reported residual is the last ε·max|Δg|: the damped map g ↦ ½(g + T(g)) is non-expansive in sup norm
        // (T is a soft-min), so one more float64 step from the returned g moves it by at most that much, plus the
        // implementation's rounding of one step (δ per half-step, twice)
        const g = slice(plan.logPotential, b, n);
        const T = symmetricSinkhornMap(costs[b]!, logW, g, e, n);
        let next = 0;
        for (let i = 0; i < n; i++) next = Math.max(next, Math.abs(0.5 * (T[i]! - g[i]!)));
        measurements.push(measure(b, `ε·max|Δg| of one more float64 step ≤ reported residual${suffix}`, e * next, '<=', plan.residual[b]!, e * 2 * model.delta + 1e-15 * e));
        // symmetry of log P: each entry carries ≤ 3u·E rounding (log w_i + log w_j + g_i + g_j − C_ij/ε)
        measurements.push(measure(b, `max |log P_ij − log P_ji|${suffix}`, asym, '<=', 0, 6 * model.u * (model.magnitude + maxCostOverEps(slice(batch.x, b, n * d), n, d, e))));
        // spectrum of Q = nP: [0, 1] exactly; perturbation ≤ ‖ΔQ‖_F ≤ η·‖Q‖_F ≤ η·√n
        const Q = Float64Array.from(lp, (v) => n * Math.exp(v));
        const ev = symmetricEigen(Q, n).values;
        const specTol = 1e-12 + model.planError(e) * Math.sqrt(n);
        measurements.push(measure(b, `λ_min(nP) ≥ 0${suffix}`, ev[0]!, '>=', 0, specTol));
        measurements.push(measure(b, `λ_max(nP) ≤ 1${suffix}`, ev[n - 1]!, '<=', 1, specTol));
      }
    }
    // the Sinkformer layer against the float64 layer at the same cap
    const { n: ln, d: ld, cap, instances } = layer;
    const LB = instances.length;
    const lb: SinkformerBatch = {
      B: LB, n: ln, d: ld,
      x: Float64Array.from(instances.flatMap((i) => i.x)),
      WQ: Float64Array.from(instances.flatMap((i) => i.WQ)),
      WK: Float64Array.from(instances.flatMap((i) => i.WK)),
      WV: Float64Array.from(instances.flatMap((i) => i.WV)),
      eps: Float64Array.from(instances, (i) => i.eps),
    };
    const lo = await sb.sinkformer(lb, { iterations: cap });
    instances.forEach((ins, b) => {
      const x = Float64Array.from(ins.x);
      const logits = attentionLogits(x, ln, ld, ins.WQ, ins.WK);
      const K = sinkhornAttention(logits, ln, ins.eps, cap);
      const ref = sinkformerUpdate(x, ln, ld, K, ins.WV);
      let magnitude = 0;
      for (const v of logits) magnitude = Math.max(magnitude, Math.abs(v) / ins.eps);
      // each log-domain half-step errs by δ_h and is 1-Lipschitz in sup norm: log P errs by ≤ 2·cap·δ_h + 3u·magnitude,
      // the row-normalised K by twice that (relative); the update Σ_j K_ij W_V(x_j − x_i) by that × max|W_V(x_j − x_i)| + n·u
      const u = stepErrorModel(sb.precision, ln).u;
      const dh = halfStepError(u, 2 * magnitude + Math.log(ln), ln, Math.log(ln));
      const etaK = 2 * (2 * cap * dh + 3 * u * (2 * magnitude + Math.log(ln)));
      const { diam } = extent(x, ln, ld);
      let wv = 0;
      for (const v of ins.WV) wv += v * v;
      const spread = Math.sqrt(wv) * diam;
      const tol = etaK * spread + (ln + 4) * u * (2 + spread);
      let err = 0;
      for (let k = 0; k < ln * ld; k++) err = Math.max(err, Math.abs(lo.x[b * ln * ld + k]! - ref[k]!));
      measurements.push(measure(b, "Sinkformer layer vs float64 layer at the same cap (1–12 normalisations)", err, '<=', 0, tol));
      let rowErr = 0;
      for (let i = 0; i < ln; i++) {
        let r = 0;
        for (let j = 0; j < ln; j++) r += lo.attention[(b * ln + i) * ln + j]!;
        rowErr = Math.max(rowErr, Math.abs(r - 1));
      }
      measurements.push(measure(b, 'attention rows sum to 1', rowErr, '<=', 0, (ln + 2) * u * 2));
      // the float64 identity: W_QᵀW_K = I = −W_V and a long cap give the SB step (oracle-level)
      if (b === 0) {
        const Kid = sinkhornAttention(attentionLogits(x, ln, ld, identity(ld), identity(ld)), ln, ins.eps, LONG_CAP);
        const layerId = sinkformerUpdate(x, ln, ld, Kid, identity(ld, -1));
        const step = sbStep({ n: ln, d: ld, x }, ins.eps, { tolerance: 1e-14, maxIterations: 1000 }).x;
        let e2 = 0;
        for (let k = 0; k < ln * ld; k++) e2 = Math.max(e2, Math.abs(layerId[k]! - step[k]!));
        measurements.push(measure(b, `float64 layer (W_QᵀW_K = I = −W_V, ${LONG_CAP} normalisations) vs SB step`, e2, '<=', 0, 1e-9 * (1 + diam)));
      }
    });
    return {
      instances: B + LB,
      measurements,
      coverage: [...Array(B).keys()].map((b) => ({ n, d, eps: batch.eps[b]! })),
      data: { iterations },
    };
  },
};

function maxCostOverEps(x: Float64Array, n: number, d: number, eps: number): number {
  let m = 0;
  for (const c of halfSquaredDistances({ n, d, x })) m = Math.max(m, c);
  return m / eps;
}
