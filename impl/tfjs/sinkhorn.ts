/**
 * Batched Sinkhorn on tfjs tensors [B, n, m], in the log domain and in the kernel domain
 * (Peyré & Cuturi 2019, eq. 4.15 and Remark 4.22). Every iterate's scalings can be kept for
 * the Hilbert-metric claims. float32 only: tolerances come from properties/tolerance.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SinkhornBatch, SinkhornOptions, SinkhornSolver, SinkhornTrace } from '../capabilities/sinkhorn.js';
import { NumericalError } from '../errors.js';
import { validateSinkhornInput } from '../sinkhorn-input.js';
import { safeLogSumExp } from './logsumexp.js';

/** A tensor of float32 values from float64 data. */
function f32(data: Float64Array, shape: number[]): tf.Tensor {
  return tf.tensor(Float32Array.from(data), shape, 'float32');
}

/** Row half-step in the log domain: log u = log a − LSE_j(log v_j − C_ij/ε). */
export function logRowStep(negCostOverEps: tf.Tensor, logA: tf.Tensor, logV: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sub(logA, safeLogSumExp(tf.add(negCostOverEps, tf.expandDims(logV, 1)), 2)));
}

/** Column half-step in the log domain: log v = log b − LSE_i(log u_i − C_ij/ε). */
export function logColumnStep(negCostOverEps: tf.Tensor, logB: tf.Tensor, logU: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sub(logB, safeLogSumExp(tf.add(negCostOverEps, tf.expandDims(logU, 2)), 1)));
}

/** The tensor solver; `mutation` hooks let impl/mutants derive wrong variants without copying it. */
export interface TfjsSinkhornHooks {
  rowStep?: typeof logRowStep;
  columnStep?: typeof logColumnStep;
  /** Skip the column update (a planted bug: v stays at v^{(0)}). */
  skipColumnUpdate?: boolean;
}

async function solve(batch: SinkhornBatch, options: SinkhornOptions, hooks: TfjsSinkhornHooks): Promise<SinkhornTrace> {
  validateSinkhornInput(batch, options);
  const { B, n, m } = batch;
  const L = options.iterations;
  const record = options.record ?? false;
  const rowStep = hooks.rowStep ?? logRowStep;
  const columnStep = hooks.columnStep ?? logColumnStep;
  const owned: tf.Tensor[] = [];
  const keep = <T extends tf.Tensor>(t: T): T => {
    owned.push(t);
    return t;
  };
  try {
    const negCostOverEps = keep(
      tf.tidy(() => tf.neg(tf.div(f32(batch.C, [B, n, m]), tf.reshape(f32(batch.eps, [B]), [B, 1, 1])))),
    );
    const logA = keep(tf.tidy(() => tf.log(f32(batch.a, [B, n]))));
    const logB = keep(tf.tidy(() => tf.log(f32(batch.b, [B, m]))));
    const v0 = keep(options.initLogV ? f32(options.initLogV, [B, m]) : tf.zeros([B, m]));
    const u0 = keep(tf.zeros([B, n]));
    const us: tf.Tensor[] = [u0];
    const vs: tf.Tensor[] = [v0];
    let logU = u0;
    let logV = v0;
    if (options.domain === 'log') {
      for (let l = 1; l <= L; l++) {
        logU = keep(rowStep(negCostOverEps, logA, logV));
        if (!hooks.skipColumnUpdate) logV = keep(columnStep(negCostOverEps, logB, logU));
        if (record) {
          us.push(logU);
          vs.push(logV);
        }
      }
    } else {
      const K = keep(tf.tidy(() => tf.exp(negCostOverEps)));
      const a = keep(f32(batch.a, [B, n, 1]));
      const b = keep(f32(batch.b, [B, m, 1]));
      let v = keep(tf.tidy(() => tf.exp(tf.expandDims(v0, 2))));
      for (let l = 1; l <= L; l++) {
        const u = keep(tf.tidy(() => tf.div(a, tf.matMul(K, v))));
        if (!hooks.skipColumnUpdate) v = keep(tf.tidy(() => tf.div(b, tf.matMul(K, u, true, false))));
        logU = keep(tf.tidy(() => tf.squeeze(tf.log(u), [2])));
        logV = hooks.skipColumnUpdate ? logV : keep(tf.tidy(() => tf.squeeze(tf.log(v), [2])));
        if (record) {
          us.push(logU);
          vs.push(logV);
        }
      }
    }
    if (!record) {
      us.push(logU);
      vs.push(logV);
    }
    const U = keep(tf.stack(us, 1));
    const V = keep(tf.stack(vs, 1));
    const P = keep(tf.tidy(() => tf.add(tf.add(tf.expandDims(logU, 2), tf.expandDims(logV, 1)), negCostOverEps)));
    const [u, v, p] = await Promise.all([U.data(), V.data(), P.data()]);
    const trace: SinkhornTrace = {
      B, n, m, iterations: L, stored: us.length,
      logU: Float64Array.from(u), logV: Float64Array.from(v), logPlan: Float64Array.from(p),
    };
    if (options.domain === 'kernel') assertKernelFinite(batch, trace);
    return trace;
  } finally {
    tf.dispose(owned);
  }
}

/** Kernel-domain iterates must stay finite wherever the weight is positive; otherwise K·v underflowed. */
function assertKernelFinite(batch: SinkhornBatch, trace: SinkhornTrace): void {
  const { B, n } = batch;
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < n; i++) {
      const v = trace.logU[(b * trace.stored + trace.stored - 1) * n + i]!;
      if (batch.a[b * n + i]! > 0 && !Number.isFinite(v)) {
        let maxC = 0;
        for (let k = 0; k < n * batch.m; k++) maxC = Math.max(maxC, batch.C[b * n * batch.m + k]!);
        throw new NumericalError(
          `kernel-domain Sinkhorn overflowed/underflowed in instance ${b} (max C/ε = ${(maxC / batch.eps[b]!).toFixed(1)}; ` +
            `float32 exp underflows past 87): use domain 'log'`,
        );
      }
    }
  }
}

/** The tfjs Sinkhorn solver (float32), optionally with planted bugs for the mutant catalogue. */
export function createTfjsSinkhorn(name = 'tfjs', hooks: TfjsSinkhornHooks = {}): SinkhornSolver {
  return { name, precision: 'float32', solve: (batch, options) => solve(batch, options, hooks) };
}
