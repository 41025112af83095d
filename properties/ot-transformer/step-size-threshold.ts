/**
 * ot-transformer.step-size-threshold (spec P13, negative control): with γ = 2λ, beyond the 2/λ curvature
 * of the preconditioned dual, the layers are expected not to converge; the check of P4 is applied and is
 * expected to fail in most cases. Reported, never asserted.
 */
import { otTransformerCase, type OTTransformerCase } from '../arbitraries/ot-transformer-batch.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { hilbertToPlan, modelOf, oracleOf } from './common.js';
import { OT_CASE_REPORTING } from './cases.js';
import { coverageOfCase } from './coverage.js';
import { depthTarget } from './depth.js';
import { defineProperty } from '../define.js';
import { stepSizeThreshold } from '../../theorems/daneshmand-2024/index.js';

const LAYERS = 1500;

export const stepSizeThresholdProperty = defineProperty<OTTransformerCase>(stepSizeThreshold, {
  arbitrary: (budget) =>
    otTransformerCase({
      nMax: 12,
      dMax: 3,
      batchMax: budget === 'quick' ? 4 : 10,
      lambdaMin: 0.05,
      lambdaMax: 0.2,
      gammaOverLambda: [2, 2],
      families: ['unit-cube'],
      inits: ['zero'],
    }),
  runs: { quick: 1, ci: 3, thorough: 30 },
  defaultSeed: 1313,
  ...OT_CASE_REPORTING,
  async run(c, ctx): Promise<BatchOutcome> {
    const model = modelOf(ctx);
    const t = await model.forward(c.batch, { layers: LAYERS, record: [LAYERS - 1, LAYERS] });
    const target = depthTarget(model);
    const measurements: Measurement[] = [];
    const coverage = [];
    const converged: number[] = [];
    for (let b = 0; b < c.batch.B; b++) {
      const o = oracleOf(c.batch, b);
      const dh = hilbertToPlan(t, b, 1, o);
      converged.push(dh <= target ? 1 : 0);
      measurements.push(
        measure(b, `d_H(P_L, P*) at L = ${LAYERS} with γ = 2λ (expected to exceed the target)`, dh, '<=', target, 0),
      );
      coverage.push(coverageOfCase(c, b, { oscillation: Math.abs(dh - hilbertToPlan(t, b, 0, o)) }));
    }
    return { instances: c.batch.B, measurements, coverage, data: { converged } };
  },
  summarize(outcomes) {
    const c = outcomes.flatMap((o) => o.data?.['converged'] ?? []);
    const k = c.filter((x) => x === 1).length;
    return {
      tables: [
        {
          title: 'γ = 2λ: instances that reached the P4 target (spec EMP: 0–2 of 30)',
          columns: ['converged', 'instances'],
          rows: [[k, c.length]],
        },
      ],
    };
  },
});
