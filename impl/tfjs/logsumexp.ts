/**
 * Max-shifted log-sum-exp on tensors with the −∞ guard: tf.logSumExp of an all −∞ slice is NaN
 * (−∞ − (−∞)); here such a slice gives −∞, as it must for zero marginal weights.
 */
import * as tf from '@tensorflow/tfjs-core';

export function safeLogSumExp(x: tf.Tensor, axis: number): tf.Tensor {
  return tf.tidy(() => {
    const max = tf.max(x, axis, true);
    const shift = tf.where(tf.isFinite(max), max, tf.zerosLike(max));
    const lse = tf.add(tf.log(tf.sum(tf.exp(tf.sub(x, shift)), axis, true)), shift);
    return tf.squeeze(lse, [axis]);
  });
}
