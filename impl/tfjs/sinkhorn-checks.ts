/**
 * Range checks of the tfjs Sinkhorn (sinkhorn.ts): the stabilised domain's scaling excess over [e^{−τ}, e^{τ}]
 * and the kernel domain's finiteness of its iterates.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SinkhornBatch, SinkhornTrace } from '../capabilities/sinkhorn.js';
import { NumericalError } from '../errors.js';

/**
 * Absorption threshold τ of the stabilised domain: the scalings u, v stay in [e^{−30}, e^{30}].
 * Then every product K̃_ij v_j is far from float32 overflow (e^{88}), and a term lost to underflow
 * (< 2^{−126}) changes a row sum (K̃v)_i = a_i/u_i ≥ a_i e^{−30} by a relative ≤ m·2^{−126}e^{30}/a_i,
 * below 2⁻²⁴ for any weight a_i ≥ 1e-12·m: the kernel half-step keeps the log-domain error analysis.
 */
const STABILIZED_LOG_TAU = 30;

/** Σ relu(|log x| − τ) over the scalings: 0 iff every scaling is finite and within [e^{−τ}, e^{τ}]; NaN/∞ propagate. */
export function scalingExcess(
  u: tf.Tensor,
  v: tf.Tensor,
  zA: tf.Tensor | undefined,
  zB: tf.Tensor | undefined,
): tf.Tensor {
  return tf.tidy(() => {
    const [B] = u.shape as [number];
    const x = tf.concat([tf.reshape(zA ? tf.add(u, zA) : u, [B, -1]), tf.reshape(zB ? tf.add(v, zB) : v, [B, -1])], 1);
    return tf.sum(tf.relu(tf.sub(tf.abs(tf.log(x)), STABILIZED_LOG_TAU)));
  });
}

/** Kernel-domain iterates must stay finite wherever the weight is positive; otherwise K·v underflowed. */
export function assertKernelFinite(batch: SinkhornBatch, trace: SinkhornTrace): void {
  const { B, n } = batch;
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < n; i++) {
      const v = trace.logU[(b * trace.stored + trace.stored - 1) * n + i]!;
      if (batch.a[b * n + i]! > 0 && !Number.isFinite(v)) {
        let maxC = 0;
        for (let k = 0; k < n * batch.m; k++) maxC = Math.max(maxC, batch.C[b * n * batch.m + k]!);
        throw new NumericalError(
          `kernel-domain Sinkhorn overflowed/underflowed in instance ${b} (max C/ε = ${(maxC / batch.eps[b]!).toFixed(1)}; ` +
            `float32 exp underflows past 87): use domain 'log' or 'stabilized'`,
        );
      }
    }
  }
}
