/**
 * Accuracy table of the tfjs kernels on the backend in use: WGSL's on webgpu, IEEE round-to-nearest on
 * cpu, wasm and tensorflow (impl/capabilities/arithmetic.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ArithmeticName } from '../capabilities/arithmetic.js';

export function tfjsArithmetic(): ArithmeticName {
  return tf.getBackend() === 'webgpu' ? 'wgsl' : 'ieee-754';
}
