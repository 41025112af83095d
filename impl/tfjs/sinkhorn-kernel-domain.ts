/**
 * The kernel domain of the tfjs Sinkhorn (Peyré & Cuturi 2019, eq. 4.15): u = a ⊘ K v, v = b ⊘ Kᵀu with
 * K = exp(−C/ε), which underflows once C/ε ≳ 87. Logs are taken only at the end (or when iterates are
 * recorded): an exp costs ~10 ns/entry on wasm where a batched mat-vec costs ~1 ns/entry.
 */
import * as tf from '@tensorflow/tfjs-core';
import { f32 } from './f32.js';
import type { SinkhornIterate, SinkhornIteration } from './sinkhorn-iteration.js';
import type { TensorPool } from './tensor-pool.js';
import { batchedMatVec } from './batched-mat-vec.js';

/**
 * 1 where a weight is 0 and 0 elsewhere, of `shape` (kept in `pool`); undefined when no weight is 0. Added to
 * the denominator of u_i = a_i/((Kv)_i + 1) it keeps u_i = 0 where a_i = 0, whose (Kv)_i may underflow to 0
 * (0/0 would be NaN).
 */
export function zeroWeightIndicator(pool: TensorPool, w: Float64Array, shape: number[]): tf.Tensor | undefined {
  return w.includes(0)
    ? pool.keep(
        f32(
          w.map((x) => (x === 0 ? 1 : 0)),
          shape,
        ),
      )
    : undefined;
}

/** L kernel-domain iterations from (u⁽⁰⁾, v⁽⁰⁾ = e^{initLogV}). */
export function kernelDomainIterations(s: SinkhornIteration): SinkhornIterate {
  const { batch, pool, M, v0, skip, record } = s;
  const { B, n, m } = batch;
  const K = pool.keep(tf.tidy(() => tf.exp(M)));
  // each mat-vec as a depthwise convolution (large n) or a broadcast product summed over the last axis:
  // wasm's batched matMul runs a matrix–vector product at ~1.6 GFLOP/s, slower than either
  const Kv = batchedMatVec(K, { fallback: 'broadcast' });
  const KTu = batchedMatVec(K, { transposed: true, fallback: 'broadcast' });
  pool.onDispose(() => {
    Kv.dispose();
    KTu.dispose();
  });
  const a = pool.keep(f32(batch.a, [B, n]));
  const b = pool.keep(f32(batch.b, [B, m]));
  const zA = zeroWeightIndicator(pool, batch.a, [B, n]);
  const zB = zeroWeightIndicator(pool, batch.b, [B, m]);
  const guarded = (t: tf.Tensor, z: tf.Tensor | undefined): tf.Tensor => (z ? tf.add(t, z) : t);
  let v = pool.temp(tf.exp(v0));
  let u: tf.Tensor | undefined;
  const logOf = (x: tf.Tensor): tf.Tensor => tf.log(x);
  for (let l = 1; l <= s.L; l++) {
    const vNow = v;
    const uNew = pool.temp(tf.tidy(() => tf.div(a, guarded(Kv.apply(vNow), zA))));
    pool.drop(u);
    u = uNew;
    if (!skip) {
      const vNew = pool.temp(tf.tidy(() => tf.div(b, guarded(KTu.apply(uNew), zB))));
      pool.drop(v);
      v = vNew;
    }
    if (record) s.remember(pool.temp(logOf(u)), skip ? v0 : pool.temp(logOf(v)));
  }
  if (record) return { logU: s.us.at(-1)!, logV: s.vs.at(-1)! };
  return { logU: pool.keep(logOf(u!)), logV: skip ? v0 : pool.keep(logOf(v)) };
}
