/**
 * The log domain of the tfjs Sinkhorn (Peyré & Cuturi 2019, Remark 4.23): log-sum-exp half-steps on
 * M = −C/ε, the claims' reference path. The fast path precomputes Mᵀ so that both half-steps reduce over
 * the last axis (a reduction over a non-last axis transposes [B, n, m] inside tfjs) through one fused
 * softmax kernel (logsumexp.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { lastAxisLogSumExp, safeLogSumExp } from './logsumexp.js';
import type { SinkhornIterate, SinkhornIteration } from './sinkhorn-iteration.js';

/** Row half-step in the log domain: log u = log a − LSE_j(log v_j − C_ij/ε). */
export function logRowStep(negCostOverEps: tf.Tensor, logA: tf.Tensor, logV: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sub(logA, safeLogSumExp(tf.add(negCostOverEps, tf.expandDims(logV, 1)), 2)));
}

/** Column half-step in the log domain: log v = log b − LSE_i(log u_i − C_ij/ε). */
export function logColumnStep(negCostOverEps: tf.Tensor, logB: tf.Tensor, logU: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sub(logB, safeLogSumExp(tf.add(negCostOverEps, tf.expandDims(logU, 2)), 1)));
}

/**
 * The same half-step as {@link logRowStep} (and, given Mᵀ, {@link logColumnStep}) on the fast path:
 * the reduction runs over the last axis and the log-sum-exp is one fused softmax kernel.
 * `M` is [B, n, m] (or Mᵀ, [B, m, n]), `logW` [B, n], `logS` [B, m].
 */
export function fastLogHalfStep(M: tf.Tensor, logW: tf.Tensor, logS: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sub(logW, lastAxisLogSumExp(tf.add(M, tf.expandDims(logS, 1)))));
}

/** L log-domain iterations (Peyré & Cuturi eq. 4.15 in log form) from (u⁽⁰⁾, v⁽⁰⁾). */
export function logDomainIterations(s: SinkhornIteration): SinkhornIterate {
  const { pool, u0, record } = s;
  let logU = u0;
  let logV = s.v0;
  for (let l = 1; l <= s.L; l++) {
    const lu = pool.temp(s.rowStep(logV));
    if (logU !== u0 && !record) pool.drop(logU);
    logU = lu;
    if (!s.skip) {
      const lv = pool.temp(s.columnStep(logU));
      if (!record) pool.drop(logV);
      logV = lv;
    }
    if (record) s.remember(logU, logV);
  }
  return { logU, logV };
}
