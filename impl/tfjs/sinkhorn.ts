/**
 * Batched Sinkhorn on tfjs tensors [B, n, m] in three domains (Peyré & Cuturi 2019, eq. 4.15,
 * Remarks 4.22–4.23; Schmitzer 2019, §3.1):
 *  - 'log': log-sum-exp half-steps (the claims' reference path);
 *  - 'kernel': u = a ⊘ K v, v = b ⊘ Kᵀu with K = exp(−C/ε) (underflows once C/ε ≳ 87);
 *  - 'stabilized': the kernel iteration on K̃ = exp(M + α ⊕ β), M = −C/ε, with the scalings absorbed
 *    into the log potentials (α, β) = (f, g)/ε whenever they leave [e^{−τ}, e^{τ}].
 * Every iterate's scalings can be kept for the Hilbert-metric claims. float32 only: tolerances
 * come from properties/tolerance.ts.
 *
 * Throughput (wasm is single-threaded SIMD in Node, and an exp costs ~10 ns/entry while
 * a batched mat-vec costs ~1 ns/entry): the log domain precomputes Mᵀ so both half-steps reduce
 * over the last axis (a reduction over a non-last axis transposes [B, n, m] inside tfjs), and its
 * log-sum-exp goes through one fused softmax kernel (logsumexp.ts); the kernel and stabilised
 * domains take logs only at the end (or when iterates are recorded).
 *
 * This module sets up a solve and reads its trace back; the iterations of each domain live in
 * sinkhorn-log-domain.ts, sinkhorn-kernel-domain.ts and sinkhorn-stabilized-domain.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SinkhornBatch, SinkhornOptions, SinkhornSolver, SinkhornTrace } from '../capabilities/sinkhorn.js';
import { assertFloat32Range, assertLogDomainRange, sci } from '../float32-range.js';
import { validateSinkhornInput } from '../sinkhorn-input.js';
import { tfjsArithmetic } from './arithmetic.js';
import { f32 } from './f32.js';
import { assertKernelFinite } from './sinkhorn-checks.js';
import type { SinkhornIterate, SinkhornIteration, TfjsSinkhornHooks } from './sinkhorn-iteration.js';
import { kernelDomainIterations } from './sinkhorn-kernel-domain.js';
import { fastLogHalfStep, logDomainIterations } from './sinkhorn-log-domain.js';
import { stabilizedDomainIterations } from './sinkhorn-stabilized-domain.js';
import { TensorPool } from './tensor-pool.js';

/**
 * M = −C/ε of every instance, formed in float64 (so that C and ε themselves never leave the float32 range),
 * checked against the float32 log-domain limit and rounded to float32 as it is stored.
 */
function negCostOverEps(batch: SinkhornBatch): Float32Array {
  const { B, n, m, C } = batch;
  const M = new Float32Array(B * n * m);
  for (let b = 0; b < B; b++) {
    const eps = batch.eps[b]!;
    let worst = 0;
    const end = (b + 1) * n * m;
    for (let k = b * n * m; k < end; k++) {
      const x = C[k]! / eps;
      M[k] = -x;
      const size = x < 0 ? -x : x;
      if (size > worst) worst = size;
    }
    assertLogDomainRange('eps', `max |C/ε| (ε = ${sci(eps)})`, b, worst);
  }
  return M;
}

/** The domain's iterations (options.domain). */
function iterations(s: SinkhornIteration, options: SinkhornOptions): SinkhornIterate | Promise<SinkhornIterate> {
  if (options.domain === 'log') return logDomainIterations(s);
  if (options.domain === 'kernel') return kernelDomainIterations(s);
  return stabilizedDomainIterations(s);
}

async function solve(batch: SinkhornBatch, options: SinkhornOptions, hooks: TfjsSinkhornHooks): Promise<SinkhornTrace> {
  validateSinkhornInput(batch, options);
  if (options.initLogV) assertFloat32Range('initLogV', options.initLogV);
  if (options.domain !== 'log') {
    // the kernel and stabilised domains multiply by the weights themselves
    assertFloat32Range('a', batch.a, true);
    assertFloat32Range('b', batch.b, true);
  }
  const { B, n, m } = batch;
  const L = options.iterations;
  const record = options.record ?? false;
  const pool = new TensorPool();
  try {
    const M = pool.keep(tf.tensor(negCostOverEps(batch), [B, n, m], 'float32'));
    // logs of the weights in float64: a weight below the float32 range keeps a finite log
    const logA = pool.keep(f32(batch.a.map(Math.log), [B, n]));
    const logB = pool.keep(f32(batch.b.map(Math.log), [B, m]));
    const v0 = pool.keep(options.initLogV ? f32(options.initLogV, [B, m]) : tf.zeros([B, m]));
    const u0 = pool.keep(tf.zeros([B, n]));
    let Mt: tf.Tensor | undefined;
    const transposedCost = (): tf.Tensor => (Mt ??= pool.keep(tf.transpose(M, [0, 2, 1])));
    const us: tf.Tensor[] = [u0];
    const vs: tf.Tensor[] = [v0];
    const s: SinkhornIteration = {
      batch,
      hooks,
      L,
      record,
      skip: hooks.skipColumnUpdate ?? false,
      pool,
      M,
      u0,
      v0,
      // the log-domain half-steps: the mutants' hooks when given, else the fast path
      rowStep: (lv) => (hooks.rowStep ? hooks.rowStep(M, logA, lv) : fastLogHalfStep(M, logA, lv)),
      columnStep: (lu) =>
        hooks.columnStep ? hooks.columnStep(M, logB, lu) : fastLogHalfStep(transposedCost(), logB, lu),
      us,
      vs,
      remember: (lu, lv) => {
        pool.promote(lu);
        pool.promote(lv);
        us.push(lu);
        vs.push(lv);
      },
    };
    const { logU, logV, absorptions } = await iterations(s, options);
    if (!record) {
      us.push(logU);
      vs.push(logV);
    }
    const U = pool.keep(tf.stack(us, 1));
    const V = pool.keep(tf.stack(vs, 1));
    const P = pool.keep(tf.tidy(() => tf.add(tf.add(tf.expandDims(logU, 2), tf.expandDims(logV, 1)), M)));
    const [u, v, p] = await Promise.all([U.data(), V.data(), P.data()]);
    const trace: SinkhornTrace = {
      B,
      n,
      m,
      iterations: L,
      stored: us.length,
      logU: new Float64Array(u),
      logV: new Float64Array(v),
      logPlan: new Float64Array(p),
      ...(absorptions === undefined ? {} : { absorptions }),
    };
    if (options.domain === 'kernel') assertKernelFinite(batch, trace);
    return trace;
  } finally {
    pool.dispose();
  }
}

/** The tfjs Sinkhorn solver (float32), optionally with planted bugs for the mutant catalogue. */
export function createTfjsSinkhorn(name = 'tfjs', hooks: TfjsSinkhornHooks = {}): SinkhornSolver {
  return {
    name,
    precision: 'float32',
    get arithmetic() {
      return tfjsArithmetic();
    },
    solve: (batch, options) => solve(batch, options, hooks),
  };
}
