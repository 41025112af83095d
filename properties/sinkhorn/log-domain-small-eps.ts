/**
 * sinkhorn.log-domain-small-eps (peer case T4, POT `test_sinkhorn_stabilization`; Peyré & Cuturi 2019,
 * Rem. 4.22–4.23): the log domain, and the stabilised kernel domain with absorption, stay exact where the kernel
 * exp(−C/ε) underflows — unnormalised costs up to 25 and ε ∈ [0.005, 0.05], i.e. C/ε up to 5000. Two checks
 * per instance:
 *  1. the plan after L iterations equals the float64 reference's (common.ts planAgainstReference);
 *  2. after the column half-step the column marginals are exact: |log Σ_i P_ij − log b_j| ≤ δ + the plan's
 *     rounding, a tight check that does not depend on κ.
 */
import fc from 'fast-check';
import type { SinkhornDomain } from '../../impl/capabilities/sinkhorn.js';
import { logSumExp } from '../../impl/reference/logsumexp.js';
import { sinkhornCase } from '../arbitraries/sinkhorn-batch.js';
import { maxAbsFinite } from '../../impl/reference/numeric.js';
import { logPlanScale } from '../oracle.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { describeIterated, type IteratedCase } from './cases.js';
import { coverageOf, halfStepNoise, planAgainstReference, planSlice, solverOf, traceSlice } from './common.js';
import { accuracyOf } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { logDomainSmallEps } from '../../theorems/sinkhorn-hilbert/index.js';

interface Input extends IteratedCase {
  /** The stabilised kernel domain (absorption into log potentials) instead of the log domain. */
  readonly stabilized: boolean;
}

const COST_SCALE = 25;

export const logDomainSmallEpsProperty = defineProperty<Input>(logDomainSmallEps, {
  arbitrary: (budget) =>
    fc.record({
      case: sinkhornCase({
        nMax: 24,
        mMax: 24,
        batchMax: budget === 'quick' ? 8 : 24,
        epsMin: 0.005,
        epsMax: 0.05,
        costScale: COST_SCALE,
        farRows: true,
      }),
      iterations: fc.integer({ min: 1, max: 20 }),
      stabilized: fc.boolean(),
    }),
  runs: { quick: 5, ci: 50, thorough: 400 },
  coverageBins: { n: [2, 4, 8, 16, 25], eps: [0.005, 0.01, 0.02, 0.05001], costOverEps: [0, 100, 1000, 5001] },
  describe: describeIterated,
  async run({ case: c, iterations, stabilized }, ctx): Promise<BatchOutcome> {
    const solver = solverOf(ctx);
    const { B, n, m } = c.batch;
    const domain: SinkhornDomain = stabilized ? 'stabilized' : 'log';
    const trace = await solver.solve(c.batch, { iterations, domain });
    const u = accuracyOf(solver).u;
    const measurements: Measurement[] = [];
    const coverage = [];
    for (let i = 0; i < B; i++) {
      const { deviation, tolerance, oracle } = planAgainstReference(solver, c.batch, i, trace, iterations, domain);
      measurements.push(
        measure(i, `max |log P_L − log P_L^ref| (${domain} domain, C/ε ≤ 5000)`, deviation, '<=', 0, tolerance),
      );
      // column marginals of the implementation's own plan: exact after the v-step up to δ + the plan's rounding
      const logU = traceSlice(trace, 'logU', i, 1);
      const logV = traceSlice(trace, 'logV', i, 1);
      const delta = halfStepNoise(solver, c.batch, i, [logU, logV]);
      const scale = logPlanScale(oracle.problem, { logU, logV });
      const planRounding = (stabilized ? 4 : 3) * u * scale + (stabilized ? u * (3 * scale + 1) : 0);
      const plan = planSlice(trace, i);
      let worst = 0;
      const col = new Float64Array(n);
      for (let j = 0; j < m; j++) {
        const bj = c.batch.b[i * m + j]!;
        if (bj === 0) continue;
        for (let r = 0; r < n; r++) col[r] = plan[r * m + j]!;
        const dev = Math.abs(logSumExp(col, 0, n) - Math.log(bj));
        worst = Number.isNaN(dev) ? NaN : Math.max(worst, dev);
      }
      measurements.push(
        measure(
          i,
          `max_j |log Σ_i P_ij − log b_j| after the v-step (${domain})`,
          worst,
          '<=',
          0,
          delta + planRounding + u * Math.log(n),
        ),
      );
      coverage.push({
        ...coverageOf(c, i, oracle),
        costOverEps: maxAbsFinite(oracle.problem.C) / oracle.problem.eps,
        iterations,
        domain,
      });
    }
    return { instances: B, measurements, coverage };
  },
});
