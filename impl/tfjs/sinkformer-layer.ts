/**
 * The Sinkformer layer of the seed on tfjs tensors (Sander et al., arXiv 2110.11773, §3), batched [B, n, d]
 * in float32: logits C_ij/ε = (W_Q x_i/√ε)ᵀ(W_K x_j/√ε), K = Sinkhorn(C/ε) with the foundation's log-domain
 * half-steps logRowStep / logColumnStep, then x_i + Σ_j K_ij W_V (x_j − x_i).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SinkformerBatch, SinkformerOptions, SinkformerOutput } from '../capabilities/sb-attention.js';
import { NumericalError } from '../errors.js';
import { FLOAT32_MAX, sci } from '../float32-range.js';
import { validateSinkformerBatch } from '../sb-input.js';
import { f32 } from './f32.js';
import { assertSinkformerRange, invSqrtEpsOf } from './float32-input.js';
import { rowNormalize, type TfjsSBHooks } from './sb-bridge.js';
import { logColumnStep, logRowStep } from './sinkhorn-log-domain.js';

/** k Sinkformer layers of the batch; `hooks.rowOnly` stops Sinkhorn after one row normalisation (softmax). */
export async function sinkformerLayers(
  batch: SinkformerBatch,
  options: SinkformerOptions,
  hooks: TfjsSBHooks,
): Promise<SinkformerOutput> {
  validateSinkformerBatch(batch, options);
  assertSinkformerRange(batch);
  const { B, n, d } = batch;
  const WQ = f32(batch.WQ, [B, d, d]);
  const WK = f32(batch.WK, [B, d, d]);
  const WV = f32(batch.WV, [B, d, d]);
  const invSqrtEps = f32(invSqrtEpsOf(batch.eps), [B, 1, 1]);
  const logA = tf.fill([B, n], -Math.log(n));
  let x = f32(batch.x, [B, n, d]);
  let K: tf.Tensor = tf.zeros([B, n, n]);
  const halfSteps = hooks.rowOnly ? 1 : options.iterations;
  try {
    for (let l = 0; l < (options.layers ?? 1); l++) {
      const nextK = tf.tidy(() => {
        // logits C_ij/ε = (W_Q x_i/√ε)ᵀ(W_K x_j/√ε) (scaled before the product); K = Sinkhorn(C/ε), cost −C
        const q = tf.mul(tf.matMul(x, WQ, false, true), invSqrtEps);
        const k = tf.mul(tf.matMul(x, WK, false, true), invSqrtEps);
        const M = tf.matMul(q, k, false, true);
        let logU = tf.zeros([B, n]);
        let logV = tf.zeros([B, n]);
        for (let h = 1; h <= halfSteps; h++) {
          if (h % 2 === 1) logU = logRowStep(M, logA, logV);
          else logV = logColumnStep(M, logA, logU);
        }
        let logP = tf.add(tf.add(tf.expandDims(logU, 2), tf.expandDims(logV, 1)), M);
        if (hooks.transposePlan) logP = tf.transpose(logP, [0, 2, 1]);
        return rowNormalize(logP);
      });
      const nextX = tf.tidy(() => {
        const v = tf.matMul(x, WV, false, true);
        // x_i + Σ_j K_ij W_V (x_j − x_i), rows of K summing to 1
        return tf.add(x, tf.sub(tf.matMul(nextK, v), v));
      });
      tf.dispose([K, x]);
      K = nextK;
      x = nextX;
    }
    const [xs, ks] = await Promise.all([x.data(), K.data()]);
    if (!xs.every(Number.isFinite) || !ks.every(Number.isFinite)) {
      throw new NumericalError(
        `tfjs Sinkformer: a layer's tokens or logits left the float32 range ` +
          `(largest finite float32 ${sci(FLOAT32_MAX)}); ` +
          'the weights grow the tokens across layers: use fewer layers or a float64 implementation',
      );
    }
    return { x: Float64Array.from(xs), attention: Float64Array.from(ks) };
  } finally {
    tf.dispose([WQ, WK, WV, invSqrtEps, logA, x, K]);
  }
}
