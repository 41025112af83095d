/**
 * ot-transformer.layer-is-dual-gd (spec P1; Daneshmand 2024 slide 9, author's code; spec §2 CORRECTED closed
 * form): one token-level layer of the model equals the preconditioned dual gradient step with the sink
 * potentials, applied (in float64) to the model's own layer-0 state; all other token entries are unchanged.
 */
import { costOf, tokenLayout } from '../../impl/ot-transformer-prompt.js';
import { dualGradientStep } from '../../impl/reference/ot-transformer.js';
import type { OTTransformerCase } from '../arbitraries/ot-transformer-batch.js';
import { maxAbsDiff, maxAbsFinite } from '../../impl/reference/numeric.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { OT_CASE_REPORTING, singleLayerCase } from './cases.js';
import { coverageOfCase } from './coverage.js';
import { modelOf, potentialMagnitude, view } from './common.js';
import { layerStepError, logitError } from './layer-error.js';
import { accuracyOf } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { layerIsDualGd } from '../../theorems/daneshmand-2024/index.js';

export const layerIsDualGdProperty = defineProperty<OTTransformerCase>(layerIsDualGd, {
  arbitrary: (budget) => singleLayerCase(budget, ['unit-cube', 'paper-grid'], ['random']),
  runs: { quick: 4, ci: 20, thorough: 200 },
  ...OT_CASE_REPORTING,
  async run(c, ctx): Promise<BatchOutcome> {
    const model = modelOf(ctx);
    const { B, n, d } = c.batch;
    const t = await model.forward(c.batch, { layers: 1, record: [0, 1], tokens: true });
    const acc = accuracyOf(model);
    const u = acc.u;
    const lay = tokenLayout(d);
    const measurements: Measurement[] = [];
    const coverage = [];
    for (let b = 0; b < B; b++) {
      const lambda = c.batch.lambda[b]!;
      const gamma = c.batch.gamma[b]!;
      const s0 = { u: view.u(t, b, 0), v: view.v(t, b, 0), sinkU: view.sinkU(t, b, 0), sinkV: view.sinkV(t, b, 0) };
      const exact = dualGradientStep(s0, costOf(c.batch, b), n, lambda, gamma);
      const pmax = potentialMagnitude([s0.u, s0.v], [s0.sinkU, s0.sinkV]);
      const tol = layerStepError(acc, n, gamma, logitError(acc, c.batch, b, pmax), pmax);
      const dev = (x: ArrayLike<number>, y: ArrayLike<number>): number => maxAbsDiff(x, y);
      // the layer-0 readout is the input (float32-exact draws; one rounding of the token write allowed), so the
      // closed form below starts from the state that was asked for and a readout that swaps ũ and ṽ is seen
      const given = [
        ...(c.batch.u0?.subarray(b * n, (b + 1) * n) ?? new Float64Array(n)),
        ...(c.batch.v0?.subarray(b * n, (b + 1) * n) ?? new Float64Array(n)),
        c.batch.sinkU0?.[b] ?? 0,
        c.batch.sinkV0?.[b] ?? 0,
      ];
      const read = [...s0.u, ...s0.v, s0.sinkU, s0.sinkV];
      // a model without a sink token reports NaN sink potentials (capability contract): compare u, v only
      if (!Number.isFinite(s0.sinkU) && !Number.isFinite(s0.sinkV)) given.length = read.length = 2 * n;
      measurements.push(
        measure(
          b,
          'layer-0 readout (u, v, ũ, ṽ) − input',
          dev(read, given),
          '<=',
          0,
          u * Math.max(1, maxAbsFinite(given)),
        ),
      );
      measurements.push(measure(b, '‖u₁ − closed-form step‖∞', dev(view.u(t, b, 1), exact.u), '<=', 0, tol));
      measurements.push(measure(b, '‖v₁ − closed-form step‖∞', dev(view.v(t, b, 1), exact.v), '<=', 0, tol));
      measurements.push(
        measure(
          b,
          '|ũ₁ − closed-form sink step|, |ṽ₁ − …|',
          dev([view.sinkU(t, b, 1), view.sinkV(t, b, 1)], [exact.sinkU, exact.sinkV]),
          '<=',
          0,
          tol,
        ),
      );
      if (t.tokens) {
        // every column other than u, v (and the sink row's value channel −1/n) receives γ·0: unchanged exactly
        const T = n + 1;
        const F = t.features;
        const z0 = t.tokens.subarray(b * 2 * T * F, (b * 2 + 1) * T * F);
        const z1 = t.tokens.subarray((b * 2 + 1) * T * F, (b * 2 + 2) * T * F);
        let m = 0;
        for (let i = 0; i < T; i++) {
          for (let k = 0; k < F; k++) {
            if (k === lay.u || k === lay.v) continue;
            const e = Math.abs(z1[i * F + k]! - z0[i * F + k]!);
            m = Number.isNaN(e) ? NaN : Math.max(m, e);
          }
        }
        measurements.push(measure(b, 'max |ΔZ| outside the u, v columns', m, '<=', 0, 0));
        measurements.push(measure(b, 'sink value channel = −1/n', z0[n * F + lay.value]!, '==', -1 / n, u / n));
      }
      coverage.push(coverageOfCase(c, b));
    }
    return { instances: B, measurements, coverage };
  },
});
