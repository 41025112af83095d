import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from './impl/backend.js';
import { createTfjsSphereDynamics } from './impl/tfjs/sphere-dynamics.js';
import { seededSpherePoints } from './properties/arbitraries/sphere.js';
await initBackend('wasm');
const dyn = createTfjsSphereDynamics();
const n = 32;
for (const [d, B, steps, integ] of [[128, 80, 60, 'euler-renormalize'], [8, 80, 100, 'euler-renormalize'], [2, 80, 100, 'euler-renormalize'], [2, 320, 100, 'euler-renormalize'], [128, 80, 20, 'rk4']] as const) {
  const x = seededSpherePoints(1, B * n, d);
  const beta = new Float64Array(B).fill(3);
  const t0 = performance.now();
  await dyn.simulate({ B, n, d, x, beta }, { normalization: 'softmax', integrator: integ, dt: 0.1, steps, recordEvery: 2, record: 'gram' });
  const ms = performance.now() - t0;
  const stages = integ === 'rk4' ? 4 : 1;
  const flop = B * steps * stages * 4 * n * n * d;
  console.log(`d=${d} B=${B} ${integ}: ${(ms / steps).toFixed(2)} ms/step, ${(flop / ms / 1e6).toFixed(2)} GFLOP/s, per realisation-step ${(ms * 1000 / steps / B).toFixed(1)} µs`);
}
console.log(tf.memory().numTensors);
