/**
 * sinkhorn.log-domain-small-eps (peer case T4, POT `test_sinkhorn_stabilization`; Peyré & Cuturi 2019,
 * Rem. 4.22–4.23): in the log domain Sinkhorn stays exact where the kernel exp(−C/ε) underflows —
 * unnormalised costs up to 25 and ε ∈ [0.005, 0.05], i.e. C/ε up to 5000. Two checks per instance:
 *  1. the plan after L iterations equals the float64 reference's (perturbed-contraction tolerance);
 *  2. after the column half-step the column marginals are exact: |log Σ_i P_ij − log b_j| ≤ δ, a tight
 *     check that does not depend on κ (δ = one half-step rounding error).
 */
import fc from 'fast-check';
import { logSumExp } from '../../impl/reference/logsumexp.js';
import { logPlanFrom, sinkhornLog } from '../../impl/reference/sinkhorn.js';
import { sinkhornCase, type SinkhornCase } from '../arbitraries/sinkhorn-batch.js';
import { measure, maxAbs } from '../measure.js';
import { perturbedContraction, unitRoundoff } from '../tolerance.js';
import type { BatchOutcome, ClaimProperty, Measurement } from '../types.js';
import { coverageOf, describeCase, halfStepNoise, instanceOracle, planSlice, solverOf, traceSlice } from './common.js';
import { maxLogPlanDeviation } from './plan-matches-reference.js';

interface Input {
  readonly case: SinkhornCase;
  readonly iterations: number;
}

const COST_SCALE = 25;

export const logDomainSmallEpsProperty: ClaimProperty<Input> = {
  claimId: 'sinkhorn.log-domain-small-eps',
  arbitrary: (budget) =>
    fc.record({
      case: sinkhornCase({ nMax: 24, mMax: 24, batchMax: budget === 'quick' ? 8 : 24, epsMin: 0.005, epsMax: 0.05, costScale: COST_SCALE }),
      iterations: fc.integer({ min: 1, max: 20 }),
    }),
  runs: { quick: 5, ci: 50, thorough: 400 },
  coverageBins: { n: [2, 4, 8, 16, 25], eps: [0.005, 0.01, 0.02, 0.05001], costOverEps: [0, 100, 1000, 5001] },
  describe: (x) => ({ iterations: x.iterations, ...(describeCase(x.case) as object) }),
  async run({ case: c, iterations }, ctx): Promise<BatchOutcome> {
    const solver = solverOf(ctx);
    const { B, n, m } = c.batch;
    const trace = await solver.solve(c.batch, { iterations, domain: 'log' });
    const u = unitRoundoff(solver.precision);
    const measurements: Measurement[] = [];
    const coverage = [];
    for (let i = 0; i < B; i++) {
      const o = instanceOracle(c.batch, i);
      const p = { ...o.problem, b: c.batch.b.subarray(i * m, (i + 1) * m) };
      const ref = sinkhornLog(p, iterations);
      const refPlan = logPlanFrom(p, ref.logU, iterations * n, ref.logV, iterations * m);
      const logU = traceSlice(trace, 'logU', i, 1);
      const logV = traceSlice(trace, 'logV', i, 1);
      const delta = halfStepNoise(solver, c.batch, i, [logU, logV]);
      const planRounding = 3 * u * (maxAbs(logU) + maxAbs(logV) + maxAbs(p.C) / p.eps);
      const k = o.kappa;
      const tol = 2 * perturbedContraction(k * k, iterations, 0, 2 * delta * (1 + k)) + delta + planRounding;
      const plan = planSlice(trace, i);
      measurements.push(measure(i, 'max |log P_L − log P_L^ref| (log domain, C/ε ≤ 5000)', maxLogPlanDeviation(plan, refPlan), '<=', 0, tol));
      // column marginals of the implementation's own plan: exact after the v-step up to δ + the plan's rounding
      let worst = 0;
      const col = new Float64Array(n);
      for (let j = 0; j < m; j++) {
        const bj = p.b[j]!;
        if (bj === 0) continue;
        for (let r = 0; r < n; r++) col[r] = plan[r * m + j]!;
        worst = Math.max(worst, Math.abs(logSumExp(col, 0, n) - Math.log(bj)));
      }
      measurements.push(measure(i, 'max_j |log Σ_i P_ij − log b_j| after the v-step', worst, '<=', 0, delta + planRounding + u * Math.log(n)));
      coverage.push({ ...coverageOf(c, i, o), costOverEps: maxAbs(p.C) / p.eps, iterations });
    }
    return { instances: B, measurements, coverage };
  },
};
