/**
 * sinkhorn.birkhoff-contraction (spec P9): d_H(Kv, Kv′) ≤ κ(K)·d_H(v, v′), κ = tanh(Δ(K)/4)
 * (Birkhoff 1957; Peyré & Cuturi 2019, Thm 4.1). The products Kv are taken through the solver
 * under test: one row half-step from log v^{(0)} = log v gives u^{(1)} = a ⊘ Kv, and d_H is blind to
 * the division by a and to inversion, so d_H(u^{(1)}, u′^{(1)}) = d_H(Kv, Kv′) on the support of a.
 */
import { hilbertDistanceLog } from '../../impl/reference/hilbert.js';
import { fixedCase, PEER_CASES, sinkhornCase, type SinkhornCase } from '../arbitraries/sinkhorn-batch.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { SINKHORN_CASE_REPORTING } from './cases.js';
import { coverageOf, doubled, halfStepNoise, instanceOracle, solverOf, traceSlice } from './common.js';
import { defineProperty } from '../define.js';
import { birkhoffContraction } from '../../theorems/sinkhorn-hilbert/index.js';

const N_MAX = 16;
/** log v entries are drawn in [−LOG_SPREAD, LOG_SPREAD]. */
const LOG_SPREAD = 3;

function logVectors(c: SinkhornCase): Float64Array {
  const { B, m } = c.batch;
  const init = new Float64Array(2 * B * m);
  for (let i = 0; i < B; i++) {
    for (let j = 0; j < m; j++) {
      init[i * m + j] = Math.fround((2 * c.extra[i]![j]! - 1) * LOG_SPREAD);
      init[(B + i) * m + j] = Math.fround((2 * c.extra[i]![N_MAX + j]! - 1) * LOG_SPREAD);
    }
  }
  return init;
}

export const birkhoffContractionProperty = defineProperty<SinkhornCase>(birkhoffContraction, {
  arbitrary: (budget) =>
    sinkhornCase(
      { nMax: N_MAX, mMax: N_MAX, batchMax: budget === 'quick' ? 8 : 32, epsMin: 0.1, epsMax: 2 },
      2 * N_MAX,
    ),
  runs: { quick: 5, ci: 70, thorough: 600 },
  ...SINKHORN_CASE_REPORTING,
  examples: PEER_CASES.T19.map((p) =>
    fixedCase(
      p,
      Array.from({ length: 2 * N_MAX }, (_, k) => ((k * 7) % 11) / 11),
    ),
  ),
  async run(c, ctx): Promise<BatchOutcome> {
    const solver = solverOf(ctx);
    const { B, m } = c.batch;
    const initLogV = logVectors(c);
    const trace = await solver.solve(doubled(c.batch), { iterations: 1, domain: 'log', initLogV });
    const measurements: Measurement[] = [];
    const coverage = [];
    for (let i = 0; i < B; i++) {
      const o = instanceOracle(c.batch, i);
      const v = initLogV.subarray(i * m, (i + 1) * m);
      const v2 = initLogV.subarray((B + i) * m, (B + i + 1) * m);
      const u = traceSlice(trace, 'logU', i, 1);
      const u2 = traceSlice(trace, 'logU', B + i, 1);
      const dv = hilbertDistanceLog(v, v2);
      const du = hilbertDistanceLog(u, u2);
      // each computed u carries ≤ δ absolute error per entry, so d_H moves by ≤ 2δ per vector: 4δ
      const delta = halfStepNoise(solver, c.batch, i, [v, v2]);
      measurements.push(measure(i, 'd_H(Kv, Kv′) ≤ κ(K)·d_H(v, v′)', du, '<=', o.kappa * dv, 4 * delta));
      coverage.push(coverageOf(c, i, o));
    }
    return { instances: B, measurements, coverage };
  },
});
