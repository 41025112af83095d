/**
 * The stabilised domain of the tfjs Sinkhorn (Schmitzer 2019, §3.1; Peyré & Cuturi 2019, Remark 4.22): the
 * kernel iteration on K̃ = exp(M + α ⊕ β), M = −C/ε, with the scalings absorbed into the log potentials
 * (α, β) = (f, g)/ε whenever they leave [e^{−τ}, e^{τ}]. The range is read once per window of iterations,
 * not once per iteration; a window that left the range is replayed iteration by iteration.
 */
import * as tf from '@tensorflow/tfjs-core';
import { f32 } from './f32.js';
import { scalingExcess } from './sinkhorn-checks.js';
import type { SinkhornIterate, SinkhornIteration } from './sinkhorn-iteration.js';
import { zeroWeightIndicator } from './sinkhorn-kernel-domain.js';
import { batchedMatVec } from './batched-mat-vec.js';

/** Iterations of the stabilised domain run between two reads of the range check (no read per iteration). */
const ABSORPTION_WINDOW = 16;

/** L stabilised iterations from α = 0, β = log v⁽⁰⁾ and u = v = 1; counts the absorptions. */
export async function stabilizedDomainIterations(s: SinkhornIteration): Promise<SinkhornIterate> {
  const { batch, pool, M, skip, record, hooks } = s;
  const { B, n, m } = batch;
  const L = s.L;
  let absorptions = 0;
  const a = pool.keep(f32(batch.a, [B, n, 1]));
  const b = pool.keep(f32(batch.b, [B, m, 1]));
  // zero weights: u_i = a_i/((K̃v)_i + 1) = 0 where a_i = 0 (K̃v may be 0 there), and the range check ignores them
  const zA = zeroWeightIndicator(pool, batch.a, [B, n, 1]);
  const zB = zeroWeightIndicator(pool, batch.b, [B, m, 1]);
  let alpha = pool.temp(tf.zeros([B, n, 1]));
  let beta = pool.temp(tf.reshape(s.v0, [B, 1, m]));
  const form = (): tf.Tensor => pool.temp(tf.tidy(() => tf.exp(tf.add(tf.add(M, alpha), beta))));
  /** K̃ and its products x ↦ K̃x, K̃ᵀx on [B, ·, 1] columns (impl/tfjs/batched-mat-vec.ts). */
  const operators = (): {
    apply: (x: tf.Tensor) => tf.Tensor;
    applyT: (x: tf.Tensor) => tf.Tensor;
    release: () => void;
  } => {
    const K = form();
    const op = batchedMatVec(K, { fallback: 'matmul' });
    const opT = batchedMatVec(K, { transposed: true, fallback: 'matmul' });
    return {
      apply: (x) => tf.tidy(() => tf.reshape(op.apply(tf.reshape(x, [B, m])), [B, n, 1])),
      applyT: (x) => tf.tidy(() => tf.reshape(opT.apply(tf.reshape(x, [B, n])), [B, m, 1])),
      release: () => {
        op.dispose();
        opT.dispose();
        pool.drop(K);
      },
    };
  };
  let Kt = operators();
  pool.onDispose(() => Kt.release());
  let u = pool.temp(tf.ones([B, n, 1]));
  let v = pool.temp(tf.ones([B, m, 1]));
  const potentials = (): [tf.Tensor, tf.Tensor] => [
    pool.temp(tf.tidy(() => tf.reshape(tf.add(alpha, tf.log(u)), [B, n]))),
    pool.temp(tf.tidy(() => tf.reshape(tf.add(beta, tf.reshape(tf.log(v), [B, 1, m])), [B, m]))),
  ];
  /** One kernel iteration on K̃ from (u, v): the new scalings (vNew is v itself when the column update is skipped). */
  const iterate = (u0: tf.Tensor, v0: tf.Tensor): [tf.Tensor, tf.Tensor] => {
    const uNew = pool.temp(tf.tidy(() => tf.div(a, zA ? tf.add(Kt.apply(v0), zA) : Kt.apply(v0))));
    const vNew = skip ? v0 : pool.temp(tf.tidy(() => tf.div(b, zB ? tf.add(Kt.applyT(uNew), zB) : Kt.applyT(uNew))));
    return [uNew, vNew];
  };
  const speculate = !record && hooks.neverAbsorb !== true;
  let checkedUntil = 0;
  for (let l = 1; l <= L; l++) {
    if (speculate && l > checkedUntil) {
      // run a window of iterations with one read at its end: when every scaling stayed in range the
      // iterates equal the checked ones; otherwise the window is replayed iteration by iteration below
      const w = Math.min(ABSORPTION_WINDOW, L - l + 1);
      let [su, sv] = [u, v];
      let total: tf.Tensor | undefined;
      for (let k = 0; k < w; k++) {
        const [un, vn] = iterate(su, sv);
        const ex = scalingExcess(un, vn, zA, zB);
        const sum = total ? tf.add(total, ex) : ex;
        if (total) tf.dispose([total, ex]);
        total = sum;
        if (su !== u) pool.drop(su);
        if (sv !== v && sv !== vn) pool.drop(sv);
        [su, sv] = [un, vn];
      }
      const clean = (await total!.data())[0] === 0;
      total!.dispose();
      if (clean) {
        pool.drop(u);
        if (v !== sv) pool.drop(v);
        [u, v] = [su, sv];
        l += w - 1;
        continue;
      }
      pool.drop(su);
      if (sv !== v) pool.drop(sv);
      checkedUntil = l + w - 1;
    }
    const [uNew, vNew] = iterate(u, v);
    const excess = scalingExcess(uNew, vNew, zA, zB);
    const inRange = hooks.neverAbsorb === true || (await excess.data())[0] === 0;
    excess.dispose();
    if (inRange) {
      pool.drop(u);
      if (vNew !== v) pool.drop(v);
      u = uNew;
      v = vNew;
    } else {
      // a scaling left [e^{−τ}, e^{τ}] (or over/underflowed): discard this iterate, absorb the last good
      // scalings into the potentials and redo the iteration exactly in the log domain, then re-form K̃.
      pool.drop(uNew);
      if (vNew !== v) pool.drop(vNew);
      const [f, g] = potentials();
      const fNew = pool.temp(s.rowStep(g));
      const gNew = skip ? g : pool.temp(s.columnStep(fNew));
      for (const t of [alpha, beta, u, v, f]) pool.drop(t);
      Kt.release();
      if (gNew !== g) pool.drop(g);
      alpha = pool.temp(tf.reshape(fNew, [B, n, 1]));
      beta = pool.temp(tf.reshape(gNew, [B, 1, m]));
      pool.drop(fNew);
      pool.drop(gNew);
      Kt = operators();
      u = pool.temp(tf.ones([B, n, 1]));
      v = pool.temp(tf.ones([B, m, 1]));
      absorptions++;
    }
    if (record) s.remember(...potentials());
  }
  if (record) return { logU: s.us.at(-1)!, logV: s.vs.at(-1)!, absorptions };
  const [logU, logV] = potentials();
  pool.promote(logU);
  pool.promote(logV);
  return { logU, logV, absorptions };
}
