/**
 * Batched Sinkhorn on tfjs tensors [B, n, m] in three domains (Peyré & Cuturi 2019, eq. 4.15,
 * Remarks 4.22–4.23; Schmitzer 2019, §3.1):
 *  - 'log': log-sum-exp half-steps (the claims' reference path);
 *  - 'kernel': u = a ⊘ K v, v = b ⊘ Kᵀu with K = exp(−C/ε) (underflows once C/ε ≳ 87);
 *  - 'stabilized': the kernel iteration on K̃ = exp(M + α ⊕ β), M = −C/ε, with the scalings absorbed
 *    into the log potentials (α, β) = (f, g)/ε whenever they leave [e^{−τ}, e^{τ}].
 * Every iterate's scalings can be kept for the Hilbert-metric claims. float32 only: tolerances
 * come from properties/tolerance.ts.
 *
 * Throughput (wasm is single-threaded SIMD in Node, and an exp costs ~10 ns/entry while
 * a batched mat-vec costs ~1 ns/entry): the log domain precomputes Mᵀ so both half-steps reduce
 * over the last axis (a reduction over a non-last axis transposes [B, n, m] inside tfjs), and its
 * log-sum-exp goes through one fused softmax kernel (logsumexp.ts); the kernel and stabilised
 * domains take logs only at the end (or when iterates are recorded).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SinkhornBatch, SinkhornOptions, SinkhornSolver, SinkhornTrace } from '../capabilities/sinkhorn.js';
import { assertFloat32Range, assertLogDomainRange, sci } from '../float32-range.js';
import { validateSinkhornInput } from '../sinkhorn-input.js';
import { lastAxisLogSumExp, safeLogSumExp } from './logsumexp.js';
import { tfjsArithmetic } from './arithmetic.js';
import { assertKernelFinite, scalingExcess } from './sinkhorn-checks.js';

/** A tensor of float32 values from float64 data. */
function f32(data: Float64Array, shape: number[]): tf.Tensor {
  return tf.tensor(Float32Array.from(data), shape, 'float32');
}

/**
 * M = −C/ε of every instance, formed in float64 (so that C and ε themselves never leave the float32 range)
 * and checked against the float32 log-domain limit before it is rounded to float32.
 */
function negCostOverEps(batch: SinkhornBatch): Float64Array {
  const { B, n, m } = batch;
  const M = new Float64Array(B * n * m);
  for (let b = 0; b < B; b++) {
    const eps = batch.eps[b]!;
    let worst = 0;
    for (let k = b * n * m; k < (b + 1) * n * m; k++) {
      M[k] = -batch.C[k]! / eps;
      worst = Math.max(worst, Math.abs(M[k]!));
    }
    assertLogDomainRange('eps', `max |C/ε| (ε = ${sci(eps)})`, b, worst);
  }
  return M;
}

/** Row half-step in the log domain: log u = log a − LSE_j(log v_j − C_ij/ε). */
export function logRowStep(negCostOverEps: tf.Tensor, logA: tf.Tensor, logV: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sub(logA, safeLogSumExp(tf.add(negCostOverEps, tf.expandDims(logV, 1)), 2)));
}

/** Column half-step in the log domain: log v = log b − LSE_i(log u_i − C_ij/ε). */
export function logColumnStep(negCostOverEps: tf.Tensor, logB: tf.Tensor, logU: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sub(logB, safeLogSumExp(tf.add(negCostOverEps, tf.expandDims(logU, 2)), 1)));
}

/**
 * The same half-step as {@link logRowStep} (and, given Mᵀ, {@link logColumnStep}) on the fast path:
 * the reduction runs over the last axis and the log-sum-exp is one fused softmax kernel.
 * `M` is [B, n, m] (or Mᵀ, [B, m, n]), `logW` [B, n], `logS` [B, m].
 */
function fastLogHalfStep(M: tf.Tensor, logW: tf.Tensor, logS: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sub(logW, lastAxisLogSumExp(tf.add(M, tf.expandDims(logS, 1)))));
}

/**
 * Absorption threshold τ of the stabilised domain: the scalings u, v stay in [e^{−30}, e^{30}].
 * Then every product K̃_ij v_j is far from float32 overflow (e^{88}), and a term lost to underflow
 * (< 2^{−126}) changes a row sum (K̃v)_i = a_i/u_i ≥ a_i e^{−30} by a relative ≤ m·2^{−126}e^{30}/a_i,
 * below 2⁻²⁴ for any weight a_i ≥ 1e-12·m: the kernel half-step keeps the log-domain error analysis.
 */
export const STABILIZED_LOG_TAU = 30;

/** Iterations of the stabilised domain run between two reads of the range check (no read per iteration). */
const ABSORPTION_WINDOW = 16;

/** The tensor solver; `mutation` hooks let impl/mutants derive wrong variants without copying it. */
export interface TfjsSinkhornHooks {
  rowStep?: typeof logRowStep;
  columnStep?: typeof logColumnStep;
  /** Skip the column update (a planted bug: v stays at v^{(0)}). */
  skipColumnUpdate?: boolean;
  /** Stabilised domain only: never absorb, whatever the range of the scalings (a planted bug). */
  neverAbsorb?: boolean;
}

async function solve(batch: SinkhornBatch, options: SinkhornOptions, hooks: TfjsSinkhornHooks): Promise<SinkhornTrace> {
  validateSinkhornInput(batch, options);
  if (options.initLogV) assertFloat32Range('initLogV', options.initLogV);
  if (options.domain !== 'log') {
    // the kernel and stabilised domains multiply by the weights themselves
    assertFloat32Range('a', batch.a, true);
    assertFloat32Range('b', batch.b, true);
  }
  const { B, n, m } = batch;
  const L = options.iterations;
  const record = options.record ?? false;
  const skip = hooks.skipColumnUpdate ?? false;
  const owned: tf.Tensor[] = [];
  const keep = <T extends tf.Tensor>(t: T): T => {
    owned.push(t);
    return t;
  };
  /** Temporaries of the loop: disposed when replaced (unless recorded) and, in any case, at the end. */
  const scratch = new Set<tf.Tensor>();
  const temp = <T extends tf.Tensor>(t: T): T => {
    scratch.add(t);
    return t;
  };
  const drop = (t: tf.Tensor | undefined): void => {
    if (t && scratch.delete(t)) t.dispose();
  };
  let absorptions: number | undefined;
  try {
    const M = keep(f32(negCostOverEps(batch), [B, n, m]));
    // logs of the weights in float64: a weight below the float32 range keeps a finite log
    const logA = keep(f32(batch.a.map(Math.log), [B, n]));
    const logB = keep(f32(batch.b.map(Math.log), [B, m]));
    const v0 = keep(options.initLogV ? f32(options.initLogV, [B, m]) : tf.zeros([B, m]));
    const u0 = keep(tf.zeros([B, n]));
    let Mt: tf.Tensor | undefined;
    const transposedCost = (): tf.Tensor => (Mt ??= keep(tf.transpose(M, [0, 2, 1])));
    // the log-domain half-steps: the mutants' hooks when given, else the fast path
    const rowStep = (lv: tf.Tensor): tf.Tensor =>
      hooks.rowStep ? hooks.rowStep(M, logA, lv) : fastLogHalfStep(M, logA, lv);
    const columnStep = (lu: tf.Tensor): tf.Tensor =>
      hooks.columnStep ? hooks.columnStep(M, logB, lu) : fastLogHalfStep(transposedCost(), logB, lu);
    const us: tf.Tensor[] = [u0];
    const vs: tf.Tensor[] = [v0];
    const remember = (lu: tf.Tensor, lv: tf.Tensor): void => {
      for (const t of [lu, lv]) if (scratch.delete(t)) owned.push(t);
      us.push(lu);
      vs.push(lv);
    };
    let logU = u0;
    let logV = v0;
    if (options.domain === 'log') {
      for (let l = 1; l <= L; l++) {
        const lu = temp(rowStep(logV));
        if (logU !== u0 && !record) drop(logU);
        logU = lu;
        if (!skip) {
          const lv = temp(columnStep(logU));
          if (!record) drop(logV);
          logV = lv;
        }
        if (record) remember(logU, logV);
      }
    } else if (options.domain === 'kernel') {
      const K = keep(tf.tidy(() => tf.exp(M)));
      // Kᵀ once, and each mat-vec as a broadcast product summed over the last axis: wasm's batched matMul runs a
      // matrix–vector product at ~1.6 GFLOP/s, slower than the streaming multiply and row sum
      const KT = keep(tf.transpose(K, [0, 2, 1]));
      const a = keep(f32(batch.a, [B, n]));
      const b = keep(f32(batch.b, [B, m]));
      const matVec = (A: tf.Tensor, x: tf.Tensor): tf.Tensor => tf.sum(tf.mul(A, tf.expandDims(x, 1)), 2);
      // zero weights: u_i = a_i/((Kv)_i + 1) = 0 where a_i = 0, whose (Kv)_i may underflow to 0 (0/0 would be NaN)
      const zA = batch.a.includes(0)
        ? keep(
            f32(
              batch.a.map((x) => (x === 0 ? 1 : 0)),
              [B, n],
            ),
          )
        : undefined;
      const zB = batch.b.includes(0)
        ? keep(
            f32(
              batch.b.map((x) => (x === 0 ? 1 : 0)),
              [B, m],
            ),
          )
        : undefined;
      const guarded = (s: tf.Tensor, z: tf.Tensor | undefined): tf.Tensor => (z ? tf.add(s, z) : s);
      let v = temp(tf.exp(v0));
      let u: tf.Tensor | undefined;
      const logOf = (x: tf.Tensor): tf.Tensor => tf.log(x);
      for (let l = 1; l <= L; l++) {
        const vNow = v;
        const uNew = temp(tf.tidy(() => tf.div(a, guarded(matVec(K, vNow), zA))));
        drop(u);
        u = uNew;
        if (!skip) {
          const vNew = temp(tf.tidy(() => tf.div(b, guarded(matVec(KT, uNew), zB))));
          drop(v);
          v = vNew;
        }
        if (record) remember(temp(logOf(u)), skip ? v0 : temp(logOf(v)));
      }
      if (!record) {
        logU = keep(logOf(u!));
        logV = skip ? v0 : keep(logOf(v));
      } else {
        logU = us.at(-1)!;
        logV = vs.at(-1)!;
      }
    } else {
      absorptions = 0;
      const a = keep(f32(batch.a, [B, n, 1]));
      const b = keep(f32(batch.b, [B, m, 1]));
      // zero weights: u_i = a_i/((K̃v)_i + 1) = 0 where a_i = 0 (K̃v may be 0 there), and the range check ignores them
      const zA = batch.a.includes(0)
        ? keep(
            f32(
              batch.a.map((x) => (x === 0 ? 1 : 0)),
              [B, n, 1],
            ),
          )
        : undefined;
      const zB = batch.b.includes(0)
        ? keep(
            f32(
              batch.b.map((x) => (x === 0 ? 1 : 0)),
              [B, m, 1],
            ),
          )
        : undefined;
      let alpha = temp(tf.zeros([B, n, 1]));
      let beta = temp(tf.reshape(v0, [B, 1, m]));
      const form = (): tf.Tensor => temp(tf.tidy(() => tf.exp(tf.add(tf.add(M, alpha), beta))));
      let Kt = form();
      let KtT = temp(tf.transpose(Kt, [0, 2, 1]));
      let u = temp(tf.ones([B, n, 1]));
      let v = temp(tf.ones([B, m, 1]));
      const potentials = (): [tf.Tensor, tf.Tensor] => [
        temp(tf.tidy(() => tf.reshape(tf.add(alpha, tf.log(u)), [B, n]))),
        temp(tf.tidy(() => tf.reshape(tf.add(beta, tf.reshape(tf.log(v), [B, 1, m])), [B, m]))),
      ];
      /** One kernel iteration on K̃ from (u, v): the new scalings (vNew is v itself when the column update is skipped). */
      const iterate = (u0: tf.Tensor, v0: tf.Tensor): [tf.Tensor, tf.Tensor] => {
        const uNew = temp(tf.tidy(() => tf.div(a, zA ? tf.add(tf.matMul(Kt, v0), zA) : tf.matMul(Kt, v0))));
        const vNew = skip
          ? v0
          : temp(tf.tidy(() => tf.div(b, zB ? tf.add(tf.matMul(KtT, uNew), zB) : tf.matMul(KtT, uNew))));
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
            if (su !== u) drop(su);
            if (sv !== v && sv !== vn) drop(sv);
            [su, sv] = [un, vn];
          }
          const clean = (await total!.data())[0] === 0;
          total!.dispose();
          if (clean) {
            drop(u);
            if (v !== sv) drop(v);
            [u, v] = [su, sv];
            l += w - 1;
            continue;
          }
          drop(su);
          if (sv !== v) drop(sv);
          checkedUntil = l + w - 1;
        }
        const [uNew, vNew] = iterate(u, v);
        const excess = scalingExcess(uNew, vNew, zA, zB);
        const inRange = hooks.neverAbsorb === true || (await excess.data())[0] === 0;
        excess.dispose();
        if (inRange) {
          drop(u);
          if (vNew !== v) drop(v);
          u = uNew;
          v = vNew;
        } else {
          // a scaling left [e^{−τ}, e^{τ}] (or over/underflowed): discard this iterate, absorb the last good
          // scalings into the potentials and redo the iteration exactly in the log domain, then re-form K̃.
          drop(uNew);
          if (vNew !== v) drop(vNew);
          const [f, g] = potentials();
          const fNew = temp(rowStep(g));
          const gNew = skip ? g : temp(columnStep(fNew));
          for (const t of [alpha, beta, Kt, KtT, u, v, f]) drop(t);
          if (gNew !== g) drop(g);
          alpha = temp(tf.reshape(fNew, [B, n, 1]));
          beta = temp(tf.reshape(gNew, [B, 1, m]));
          drop(fNew);
          drop(gNew);
          Kt = form();
          KtT = temp(tf.transpose(Kt, [0, 2, 1]));
          u = temp(tf.ones([B, n, 1]));
          v = temp(tf.ones([B, m, 1]));
          absorptions++;
        }
        if (record) remember(...potentials());
      }
      if (!record) {
        [logU, logV] = potentials();
        remember(logU, logV);
        us.pop();
        vs.pop();
      } else {
        logU = us.at(-1)!;
        logV = vs.at(-1)!;
      }
    }
    if (!record) {
      us.push(logU);
      vs.push(logV);
    }
    const U = keep(tf.stack(us, 1));
    const V = keep(tf.stack(vs, 1));
    const P = keep(tf.tidy(() => tf.add(tf.add(tf.expandDims(logU, 2), tf.expandDims(logV, 1)), M)));
    const [u, v, p] = await Promise.all([U.data(), V.data(), P.data()]);
    const trace: SinkhornTrace = {
      B,
      n,
      m,
      iterations: L,
      stored: us.length,
      logU: Float64Array.from(u),
      logV: Float64Array.from(v),
      logPlan: Float64Array.from(p),
      ...(absorptions === undefined ? {} : { absorptions }),
    };
    if (options.domain === 'kernel') assertKernelFinite(batch, trace);
    return trace;
  } finally {
    tf.dispose(owned);
    tf.dispose([...scratch]);
  }
}

/** The tfjs Sinkhorn solver (float32), optionally with planted bugs for the mutant catalogue. */
export function createTfjsSinkhorn(name = 'tfjs', hooks: TfjsSinkhornHooks = {}): SinkhornSolver {
  return {
    name,
    precision: 'float32',
    get arithmetic() {
      return tfjsArithmetic();
    },
    solve: (batch, options) => solve(batch, options, hooks),
  };
}
