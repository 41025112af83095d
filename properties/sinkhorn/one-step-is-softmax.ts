/**
 * sinkhorn.one-step-is-softmax (peer case T18; Sander et al. 2022, Sinkformers, §3): one row
 * normalisation from log v^{(0)} gives P^{(½)} = diag(a)·rowsoftmax(−C/ε + log v^{(0)}); with uniform
 * a = 1/n and v^{(0)} = 1, n·P^{(½)} is the softmax attention matrix of −C/ε. The bridge from Sinkhorn
 * to attention: Sinkhorn attention with one iteration is the original Transformer's attention.
 */
import fc from 'fast-check';
import { SINKHORN_DOMAINS } from '../../impl/capabilities/sinkhorn.js';
import { logSumExp } from '../../impl/reference/logsumexp.js';
import { fixedCase, PEER_CASES, sinkhornCase, type SinkhornCase } from '../arbitraries/sinkhorn-batch.js';
import { maxAbsFinite, UNIT_ROUNDOFF_F64 } from '../../impl/reference/numeric.js';
import { measure } from '../measure.js';
import { logPlanScale } from '../oracle.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { SINKHORN_CASE_REPORTING } from './cases.js';
import { coverageOf, halfStepNoise, instanceOracle, solverOf, traceSlice } from './common.js';
import { defineProperty } from '../define.js';
import { oneStepIsSoftmax } from '../../theorems/sinkhorn-hilbert/index.js';

const M_MAX = 16;
/**
 * Kernel-domain limit of one row half-step: e^{−C/ε + log v⁰} with |log v⁰| ≤ 2 stays a normal float32
 * (≥ 2⁻¹²⁶ ≈ e^{−87.3}) while max C/ε + 2 ≤ 80, and u = a ⊘ K v⁰ ≤ 100·e^{80} stays finite for masses ≤ 100.
 */
const KERNEL_ONE_STEP_MAX = 78;

/** log of a_i·softmax_j(−C_ij/ε + log v_j), in float64. */
function logRowSoftmaxPlan(
  a: ArrayLike<number>,
  C: ArrayLike<number>,
  logV: ArrayLike<number>,
  n: number,
  m: number,
  eps: number,
): Float64Array {
  const out = new Float64Array(n * m);
  const row = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) row[j] = -C[i * m + j]! / eps + logV[j]!;
    const z = logSumExp(row, 0, m);
    for (let j = 0; j < m; j++) out[i * m + j] = Math.log(a[i]!) + row[j]! - z;
  }
  return out;
}

export const oneStepIsSoftmaxProperty = defineProperty<SinkhornCase>(oneStepIsSoftmax, {
  // two regimes: max C/ε up to the kernel domain's limit (every domain runs), and up to 5000 with negative costs
  // (the kernel domain is skipped there; log and stabilised must still give the softmax)
  arbitrary: (budget) => {
    const base = { nMax: M_MAX, mMax: M_MAX, batchMax: budget === 'quick' ? 8 : 32, epsMin: 0.05, epsMax: 2 };
    return fc.oneof(
      sinkhornCase({ ...base, costOverEps: [0.5, KERNEL_ONE_STEP_MAX] }, M_MAX),
      sinkhornCase({ ...base, costOverEps: [0.5, 5000], shiftCosts: true }, M_MAX),
    );
  },
  runs: { quick: 5, ci: 70, thorough: 600 },
  ...SINKHORN_CASE_REPORTING,
  // T18 (Sinkformers' test_sinkhorn.py): uniform a, v⁰ = 1 — n·P^{(½)} is exactly softmax attention
  examples: [
    fixedCase({ ...PEER_CASES.T1, C: [0.1, 0.9, 0.4, 0.3], eps: 0.5 }, new Array<number>(M_MAX).fill(0)),
    fixedCase(PEER_CASES.constantCost, new Array<number>(M_MAX).fill(0)),
  ],
  async run(c, ctx): Promise<BatchOutcome> {
    const solver = solverOf(ctx);
    const { B, n, m } = c.batch;
    // half of the batches start from v⁽⁰⁾ = 1 (the Transformer case), the others from a random v⁽⁰⁾
    const random = c.extra[0]!.length > 0 && c.extra[0]![0]! >= 0.5;
    const initLogV = new Float64Array(B * m);
    if (random)
      for (let i = 0; i < B; i++)
        for (let j = 0; j < m; j++) initLogV[i * m + j] = Math.fround(4 * c.extra[i]![j]! - 2);
    const measurements: Measurement[] = [];
    const coverage = [];
    // every domain from the same v⁽⁰⁾ (a solver that ignores initLogV in one domain is caught); the kernel domain
    // only where e^{−C/ε + log v} stays a normal float32 (C/ε + |log v| ≤ 80 < 87)
    const kernelSafe = Array.from(
      { length: B },
      (_, i) => maxAbsFinite(c.batch.C.subarray(i * n * m, (i + 1) * n * m)) / c.batch.eps[i]! <= KERNEL_ONE_STEP_MAX,
    );
    const oracles = Array.from({ length: B }, (_, i) => instanceOracle(c.batch, i));
    for (const domain of SINKHORN_DOMAINS) {
      if (domain === 'kernel' && !kernelSafe.every(Boolean)) continue;
      const trace = await solver.solve(c.batch, { iterations: 1, domain, initLogV });
      for (let i = 0; i < B; i++) {
        const o = oracles[i]!;
        const v0 = initLogV.subarray(i * m, (i + 1) * m);
        const logU = traceSlice(trace, 'logU', i, 1);
        const expected = logRowSoftmaxPlan(o.problem.a, o.problem.C, v0, n, m, o.problem.eps);
        let worst = 0;
        for (let r = 0; r < n; r++) {
          for (let j = 0; j < m; j++) {
            const e = expected[r * m + j]!;
            const got = logU[r]! + v0[j]! - o.problem.C[r * m + j]! / o.problem.eps;
            if (e === -Infinity && got === -Infinity) continue;
            worst = Math.max(worst, Math.abs(got - e));
          }
        }
        // one half-step error δ (log-sum-exp or its kernel form, properties/tolerance.ts), plus the float64
        // re-assembly of log P (exact up to 4·u64·scale)
        const delta = halfStepNoise(solver, c.batch, i, [v0]);
        const scale = logPlanScale(o.problem, { logU, logV: v0 });
        measurements.push(
          measure(
            i,
            `max |log P^{(½)} − log(diag(a)·softmax(−C/ε + log v⁰))| — ${domain}`,
            worst,
            '<=',
            0,
            delta + 4 * UNIT_ROUNDOFF_F64 * scale,
          ),
        );
        if (domain === 'log')
          coverage.push({
            ...coverageOf(c, i, o),
            start: random ? 'random v⁰' : 'v⁰ = 1',
            kernel: kernelSafe.every(Boolean) ? 'run' : 'skipped',
          });
      }
    }
    return { instances: B, measurements, coverage };
  },
});
