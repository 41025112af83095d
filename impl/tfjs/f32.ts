/** Host data to float32 tensors, shared by the tfjs implementations. */
import * as tf from '@tensorflow/tfjs-core';

/** A float32 tensor of `shape` from host (float64) data, each entry rounded once to float32. */
export function f32(data: ArrayLike<number>, shape: number[]): tf.Tensor {
  return tf.tensor(Float32Array.from(data), shape, 'float32');
}
