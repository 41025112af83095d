/**
 * The float64 reference exposed through the SinkhornSolver capability, so every claim can also be
 * run against the oracle itself (`--impl reference`): in float64 the tolerances shrink by 2⁻²⁹ and
 * the claims are checked as mathematics rather than as float32 software.
 */
import type { SinkhornBatch, SinkhornOptions, SinkhornSolver, SinkhornTrace } from '../capabilities/sinkhorn.js';
import { validateSinkhornInput } from '../sinkhorn-input.js';
import { logPlanFrom, sinkhornKernel, sinkhornLog, type OTProblem } from './sinkhorn.js';

/** The i-th problem of a batch, as views (no copy). */
function instanceOf(batch: SinkhornBatch, i: number): OTProblem {
  const { n, m } = batch;
  return {
    n,
    m,
    a: batch.a.subarray(i * n, (i + 1) * n),
    b: batch.b.subarray(i * m, (i + 1) * m),
    C: batch.C.subarray(i * n * m, (i + 1) * n * m),
    eps: batch.eps[i]!,
  };
}

/** Batched float64 Sinkhorn solver built on the reference (Peyré & Cuturi 2019, eq. 4.15 / Rem. 4.22). */
export function createReferenceSinkhorn(): SinkhornSolver {
  return {
    name: 'reference',
    precision: 'float64',
    async solve(batch: SinkhornBatch, options: SinkhornOptions): Promise<SinkhornTrace> {
      validateSinkhornInput(batch, options);
      const { B, n, m } = batch;
      const L = options.iterations;
      const stored = options.record ? L + 1 : 2;
      const logU = new Float64Array(B * stored * n);
      const logV = new Float64Array(B * stored * m);
      const logPlan = new Float64Array(B * n * m);
      for (let i = 0; i < B; i++) {
        const p = instanceOf(batch, i);
        const init = options.initLogV?.subarray(i * m, (i + 1) * m);
        // 'stabilized' (absorption) equals the log domain in exact arithmetic; float64 needs no absorption
        const t = options.domain === 'kernel' ? sinkhornKernel(p, L, init) : sinkhornLog(p, L, init);
        const slots = options.record ? [...Array(L + 1).keys()] : [0, L];
        slots.forEach((l, s) => {
          logU.set(t.logU.subarray(l * n, (l + 1) * n), (i * stored + s) * n);
          logV.set(t.logV.subarray(l * m, (l + 1) * m), (i * stored + s) * m);
        });
        logPlan.set(logPlanFrom(p, t.logU, L * n, t.logV, L * m), i * n * m);
      }
      return { B, n, m, iterations: L, stored, logU, logV, logPlan };
    },
  };
}
