/**
 * sinkhorn.hilbert-identity (spec P11, derived from Peyré & Cuturi 2019, Rem. 4.12): two scalings of
 * one kernel satisfy d_H(diag(u)K diag(v), diag(u′)K diag(v′)) = osc(log u − log u′) + osc(log v − log v′)
 * (= [osc Δf + osc Δg]/ε in potentials). Checked between the solver's own plan after L iterations and
 * the exact plan P*: the plan the implementation returns must be the scaling its potentials describe.
 */
import { hilbertDistanceLog, oscillation } from '../../impl/reference/hilbert.js';
import fc from 'fast-check';
import { fixedCase, PEER_CASES, sinkhornCase } from '../arbitraries/sinkhorn-batch.js';
import { logPlanScale } from '../oracle.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { describeIterated, SINKHORN_COVERAGE_BINS, type IteratedCase } from './cases.js';
import { coverageOf, exactPlan, instanceOracle, planSlice, solverOf, traceSlice } from './common.js';
import { accuracyOf } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { hilbertIdentity } from '../../theorems/sinkhorn-hilbert/index.js';

/** osc(x − y) over entries finite in both (zero weights are outside the support). */
function oscDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const d = new Float64Array(x.length);
  for (let k = 0; k < x.length; k++) d[k] = x[k]! === -Infinity && y[k]! === -Infinity ? NaN : x[k]! - y[k]!;
  return oscillation(Array.from(d).filter((v) => !Number.isNaN(v)));
}

export const hilbertIdentityProperty = defineProperty<IteratedCase>(hilbertIdentity, {
  arbitrary: (budget) =>
    fc.record({
      case: sinkhornCase({ nMax: 16, mMax: 16, batchMax: budget === 'quick' ? 8 : 32, epsMin: 0.05, epsMax: 2 }),
      iterations: fc.integer({ min: 1, max: 30 }),
    }),
  runs: { quick: 5, ci: 70, thorough: 600 },
  coverageBins: { ...SINKHORN_COVERAGE_BINS, iterations: [1, 2, 5, 10, 20, 31] },
  examples: [PEER_CASES.T1, ...PEER_CASES.T19].map((p) => ({ case: fixedCase(p), iterations: 3 })),
  describe: describeIterated,
  async run({ case: c, iterations }, ctx): Promise<BatchOutcome> {
    const solver = solverOf(ctx);
    const { B } = c.batch;
    const trace = await solver.solve(c.batch, { iterations, domain: 'log' });
    const u = accuracyOf(solver).u;
    const measurements: Measurement[] = [];
    const coverage = [];
    for (let i = 0; i < B; i++) {
      const o = instanceOracle(c.batch, i);
      const star = exactPlan(o);
      const logU = traceSlice(trace, 'logU', i, 1);
      const logV = traceSlice(trace, 'logV', i, 1);
      const lhs = hilbertDistanceLog(planSlice(trace, i), star.logPlan);
      const rhs = oscDiff(logU, star.logU) + oscDiff(logV, star.logV);
      // the implementation forms log P = (log u ⊕ log v) − C/ε with ≤ 3 roundings of magnitude
      // ≤ |log u| + |log v| + C/ε per entry; osc doubles it. Float64 oracle error: 1e-12 relative.
      const scale = logPlanScale(o.problem, { logU, logV });
      measurements.push(
        measure(
          i,
          'd_H(P_L, P*) = osc(log u_L − log u*) + osc(log v_L − log v*)',
          lhs,
          '==',
          rhs,
          2 * 3 * u * scale + 1e-12 * (1 + rhs),
        ),
      );
      coverage.push({ ...coverageOf(c, i, o), iterations });
    }
    return { instances: B, measurements, coverage };
  },
});
