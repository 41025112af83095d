/**
 * Row softmax over the last axis on tfjs, as the OT transformer's heads and readout use it (Daneshmand 2024,
 * spec ot-transformer-sorting.md §2: S(A) row-wise), stabilised by the row maximum, and the unstabilised textbook
 * form the mutant catalogue plants.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Per backend: whether its Softmax kernel subtracts the row maximum itself. */
const kernelIsStable = new Map<string, boolean>();

/** Run the [0, 1000, −1e30] probe of {@link stableSoftmax} once per backend (an asynchronous read). */
export async function probeSoftmaxKernel(): Promise<void> {
  if (kernelIsStable.has(tf.getBackend())) return;
  const t = tf.tidy(() => tf.softmax(tf.tensor2d([[0, 1000, -1e30]])));
  const probe = await t.data();
  t.dispose();
  kernelIsStable.set(tf.getBackend(), probe[0] === 0 && probe[1] === 1 && probe[2] === 0);
}

/**
 * Row softmax over the last axis, stabilised by the row maximum (never overflows in float32). The
 * Softmax kernels of the tfjs backends (cpu, wasm/XNNPACK, webgl, webgpu, tensorflow) subtract the row
 * maximum themselves, and their fused kernel is 3–4× faster on wasm than max/sub/exp/sum/div; this is
 * checked once per process on a row [0, 1000, −1e30] (it must give [0, 1, 0]), and when a backend's
 * kernel fails the check the shift is done explicitly before it. Without a prior {@link probeSoftmaxKernel}
 * on the current backend the explicit shift is used.
 */
export function stableSoftmax(logits: tf.Tensor): tf.Tensor {
  if (kernelIsStable.get(tf.getBackend()) === true) return tf.softmax(logits);
  return tf.tidy(() => tf.softmax(tf.sub(logits, tf.max(logits, -1, true))));
}

/** The textbook softmax exp(x)/Σexp(x) without the shift: overflows once a logit exceeds ~88 in float32. */
export function unstabilizedSoftmax(logits: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const e = tf.exp(logits);
    return tf.div(e, tf.sum(e, -1, true));
  });
}
