/**
 * Range checks of the tfjs Sinkhorn (sinkhorn.ts): the stabilised domain's scaling excess over [e^{−τ}, e^{τ}]
 * and the kernel domain's finiteness of its iterates.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SinkhornBatch, SinkhornTrace } from '../capabilities/sinkhorn.js';
import { NumericalError } from '../errors.js';
import { STABILIZED_LOG_TAU } from './sinkhorn.js';

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
