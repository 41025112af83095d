/**
 * The batched mat-vec operator of the tfjs Sinkhorn (impl/tfjs/batched-mat-vec.ts): each route against the
 * float64 products, within the float32 bound of a length-m dot product, γ_m·Σ_j |M_ij x_j| (Higham 2002,
 * eq. 3.5, γ_m = m·u/(1 − m·u): products and sums, any order); the route chosen per size; no tensor leak.
 */
import * as tf from '@tensorflow/tfjs-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { batchedMatVec, depthwiseWorthIt } from '../../impl/tfjs/batched-mat-vec.js';
import { unitRoundoff } from '../../properties/tolerance.js';
import { liveTensors, setupBackend } from '../helpers.js';

/** A reproducible pseudo-random float32 in [−1, 1). */
const rand = (k: number): number => Math.fround(((k * 7919 + 13) % 1009) / 504.5 - 1);

async function check(B: number, n: number, m: number, transposed: boolean, fallback: 'broadcast' | 'matmul') {
  const M = Float64Array.from({ length: B * n * m }, (_, k) => rand(k));
  const [rows, cols] = transposed ? [m, n] : [n, m];
  const x = Float64Array.from({ length: B * cols }, (_, k) => rand(k + 50_000));
  const Mt = tf.tensor3d(Float32Array.from(M), [B, n, m]);
  const op = batchedMatVec(Mt, { transposed, fallback });
  const xt = tf.tensor2d(Float32Array.from(x), [B, cols]);
  const yt = op.apply(xt);
  assert.equal(yt.shape, [B, rows]);
  const y = await yt.data();
  tf.dispose([Mt, xt, yt]);
  op.dispose();
  const u = unitRoundoff('float32');
  const gamma = (cols * u) / (1 - cols * u);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < rows; i++) {
      let exact = 0;
      let magnitude = 0;
      for (let j = 0; j < cols; j++) {
        const Mij = transposed ? M[(b * n + j) * m + i]! : M[(b * n + i) * m + j]!;
        exact += Mij * x[b * cols + j]!;
        magnitude += Math.abs(Mij * x[b * cols + j]!);
      }
      const err = Math.abs(y[b * rows + i]! - exact);
      assert.ok(err <= gamma * magnitude, `${op.route} b=${b} i=${i}: ${err} > ${gamma * magnitude}`);
    }
  }
  return op.route;
}

test('each route computes M x and Mᵀ x within the float32 dot-product bound', async () => {
  await setupBackend();
  const before = liveTensors();
  const wasm = tf.getBackend() === 'wasm';
  for (const transposed of [false, true]) {
    assert.is(await check(3, 20, 30, transposed, 'broadcast'), 'broadcast');
    assert.is(await check(3, 20, 30, transposed, 'matmul'), 'matmul');
    assert.is(await check(3, 130, 140, transposed, 'broadcast'), wasm ? 'depthwise' : 'broadcast');
    assert.is(await check(2, 140, 120, transposed, 'matmul'), wasm ? 'depthwise' : 'matmul');
  }
  assert.is(liveTensors(), before, 'tensors leaked');
});

test('the depthwise route from n·m ≥ 128² on wasm only', async () => {
  await setupBackend();
  const wasm = tf.getBackend() === 'wasm';
  assert.is(depthwiseWorthIt(128, 128), wasm);
  assert.is(depthwiseWorthIt(127, 128), false);
  assert.is(depthwiseWorthIt(32, 1024), wasm);
});

test.run();
