/**
 * ot-transformer.fixed-point (spec P3, DERIVED with the CORRECTED closed form of §2): at ũ = ṽ = −2λ log n
 * and (u, v) with e^{(u_i+v_j−C_ij)/λ−1} = P*_ij/n² (marginals 1/n³, log-domain Sinkhorn in float64), one
 * layer leaves the potentials unchanged: the step's gradient (r − e^{ṽ/λ}/n)/(r + e^{ṽ/λ}) vanishes there.
 */
import { costOf } from '../../impl/ot-transformer-prompt.js';
import { entropicPlan } from '../../impl/reference/entropic-plan.js';
import { dualGradientStep, sinkPotentialLimit } from '../../impl/reference/ot-transformer.js';
import { assertExactPlan } from '../oracle.js';
import { otTransformerCase, type OTTransformerCase } from '../arbitraries/ot-transformer-batch.js';
import { maxAbsDiff } from '../../impl/reference/numeric.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { modelOf, potentialMagnitude, view } from './common.js';
import { layerStepError, logitError } from './layer-error.js';
import { OT_CASE_REPORTING } from './cases.js';
import { coverageOfCase } from './coverage.js';
import { accuracyOf } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { fixedPoint } from '../../theorems/daneshmand-2024/index.js';

export const fixedPointProperty = defineProperty<OTTransformerCase>(fixedPoint, {
  arbitrary: (budget) =>
    otTransformerCase({
      nMax: 16,
      dMax: 3,
      batchMax: budget === 'quick' ? 4 : 12,
      lambdaMin: 0.1,
      lambdaMax: 1,
      gammaOverLambda: [0.05, 0.5],
      families: ['unit-cube'],
      inits: ['zero'],
    }),
  runs: { quick: 3, ci: 10, thorough: 100 },
  ...OT_CASE_REPORTING,
  async run(c, ctx): Promise<BatchOutcome> {
    const model = modelOf(ctx);
    const { B, n } = c.batch;
    const round = model.precision === 'float32' ? Math.fround : (x: number): number => x;
    const u0 = new Float64Array(B * n);
    const v0 = new Float64Array(B * n);
    const sink = new Float64Array(B);
    const costs = [...Array(B).keys()].map((b) => costOf(c.batch, b));
    for (let b = 0; b < B; b++) {
      const lambda = c.batch.lambda[b]!;
      const w = new Float64Array(n).fill(1 / n ** 3);
      const problem = { n, m: n, a: w, b: w, C: costs[b]!, eps: lambda };
      const p = entropicPlan(problem);
      // the fixed point is only as good as P*: its marginals are checked here, independently of the oracle
      assertExactPlan('exact plan P*_λ (marginals 1/n³)', problem, p.logPlan, p);
      // P = diag(e^{logU}) e^{−C/λ} diag(e^{logV}) = e^{(u_i + v_j − C_ij)/λ − 1} with u = λ(logU + ½), v = λ(logV + ½)
      for (let i = 0; i < n; i++) {
        u0[b * n + i] = round(lambda * (p.logU[i]! + 0.5));
        v0[b * n + i] = round(lambda * (p.logV[i]! + 0.5));
      }
      sink[b] = round(sinkPotentialLimit(n, lambda));
    }
    const batch = { ...c.batch, u0, v0, sinkU0: sink, sinkV0: sink };
    const t = await model.forward(batch, { layers: 1, record: [0, 1] });
    const acc = accuracyOf(model);
    const measurements: Measurement[] = [];
    const coverage = [];
    for (let b = 0; b < B; b++) {
      const s0 = {
        u: u0.subarray(b * n, (b + 1) * n),
        v: v0.subarray(b * n, (b + 1) * n),
        sinkU: sink[b]!,
        sinkV: sink[b]!,
      };
      // the exact step at the (rounded) start: γ·(n+1)·(relative marginal error of the start), ~1e-13 in
      // float64, ~u·|u|/λ·n after rounding the start to float32; plus the one-layer error of P1
      const exact = dualGradientStep(s0, costs[b]!, n, c.batch.lambda[b]!, c.batch.gamma[b]!);
      const residual = Math.max(maxAbsDiff(exact.u, s0.u), maxAbsDiff(exact.v, s0.v), Math.abs(exact.sinkU - s0.sinkU));
      const pmax = potentialMagnitude([s0.u, s0.v], [s0.sinkU]);
      const tol =
        residual +
        layerStepError(acc, n, c.batch.gamma[b]!, logitError(acc, c.batch, b, pmax), pmax) +
        n * 1e-13 * c.batch.gamma[b]! * (n + 1);
      const du = Math.max(maxAbsDiff(view.u(t, b, 1), view.u(t, b, 0)), maxAbsDiff(view.v(t, b, 1), view.v(t, b, 0)));
      const ds = Math.max(
        Math.abs(view.sinkU(t, b, 1) - view.sinkU(t, b, 0)),
        Math.abs(view.sinkV(t, b, 1) - view.sinkV(t, b, 0)),
      );
      measurements.push(measure(b, '‖Δu‖∞, ‖Δv‖∞ at the fixed point', du, '<=', 0, tol));
      measurements.push(measure(b, '|Δũ|, |Δṽ| at ũ = ṽ = −2λ log n', Number.isNaN(ds) ? NaN : ds, '<=', 0, tol));
      coverage.push(coverageOfCase(c, b, { residual }));
    }
    return { instances: B, measurements, coverage };
  },
});
