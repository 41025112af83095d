/**
 * sinkhorn.tv-hilbert-bound (spec P12): for probability vectors, TV(p, q) = ½‖p − q‖₁ ≤ tanh(d_H(p, q)/4)
 * (standard; tight — 2·10⁵ random pairs reached a ratio of 1 − 3e-13, spec §5). Checked on the
 * normalised Sinkhorn iterates P^{(ℓ)}/ΣP^{(ℓ)} of the solver under test against P*, evaluated in float64.
 */
import { hilbertDistanceLog } from '../../impl/reference/hilbert.js';
import { logSumExp } from '../../impl/reference/logsumexp.js';
import { logPlanFrom } from '../../impl/reference/sinkhorn.js';
import type { SinkhornCase } from '../arbitraries/sinkhorn-batch.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { convergenceSetting, SINKHORN_CASE_REPORTING } from './cases.js';
import { coverageOf, exactPlan, instanceOracle, recordedLogTrace, traceSlice } from './common.js';
import { IEEE_FLOAT64 } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { tvHilbertBound } from '../../theorems/sinkhorn-hilbert/index.js';

const ITERATIONS = 12;

/** ½‖p − q‖₁ for the normalised exponentials of two log-plans, in float64. */
function totalVariationOfLogs(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const zx = logSumExp(x, 0, x.length);
  const zy = logSumExp(y, 0, y.length);
  let s = 0;
  for (let k = 0; k < x.length; k++) s += Math.abs(Math.exp(x[k]! - zx) - Math.exp(y[k]! - zy));
  return s / 2;
}

export const tvHilbertBoundProperty = defineProperty<SinkhornCase>(tvHilbertBound, {
  ...convergenceSetting(0.05),
  ...SINKHORN_CASE_REPORTING,
  async run(c, ctx): Promise<BatchOutcome> {
    const { trace } = await recordedLogTrace(ctx, c.batch, ITERATIONS);
    const { B, n, m } = c.batch;
    const measurements: Measurement[] = [];
    const coverage = [];
    // float64 evaluation: each of the n·m terms has relative error ≲ u64·(|log p| + log nm + 4); the sum adds nm·u64
    const u64 = IEEE_FLOAT64.u;
    for (let i = 0; i < B; i++) {
      const o = instanceOracle(c.batch, i);
      const star = exactPlan(o);
      for (let l = 1; l <= ITERATIONS; l++) {
        const logP = logPlanFrom(o.problem, traceSlice(trace, 'logU', i, l), 0, traceSlice(trace, 'logV', i, l), 0);
        const tv = totalVariationOfLogs(logP, star.logPlan);
        const dH = hilbertDistanceLog(logP, star.logPlan);
        measurements.push(
          measure(i, 'TV(P_ℓ/ΣP_ℓ, P*) ≤ tanh(d_H/4)', tv, '<=', Math.tanh(dH / 4), 64 * n * m * u64 * (1 + dH)),
        );
      }
      coverage.push(coverageOf(c, i, o));
    }
    return { instances: B, measurements, coverage };
  },
});
