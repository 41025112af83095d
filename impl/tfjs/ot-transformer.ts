/**
 * The OT transformer on tfjs tensors (Daneshmand 2024, arXiv 2410.19931; spec ot-transformer-sorting.md §2):
 * n + 1 tokens [B, n+1, F] (the sink token carries −1/n), two softmax heads with the same weights in
 * every layer, independent of n, and the residual update Z ← Z − γ Σ_h S(Z W_QK^h Zᵀ) Z W_OV^h with a
 * row-max-stabilised softmax. Both heads run together in every product ([B, 2T, ·]); per-instance λ enters
 * W_QK, γ the residual. Two exact routes form the logits: 'direct', (Z W_QK) Zᵀ with Z carried whole, and, on
 * large batches, 'rank-one': the residual writes only the nonzero columns of W_OV (u and v), so only those
 * columns are carried and the logits are a static part formed once plus rank-one terms in them (see forward).
 * Each layer runs inside one tf.tidy; only the recorded layers are downloaded. Measured: L = 1000, B = 64,
 * n = 32 on wasm in the test tests/ot-transformer/speed.test.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import type {
  OTTransformer,
  OTTransformerBatch,
  OTTransformerOptions,
  OTTransformerTrace,
} from '../capabilities/ot-transformer.js';
import { assertOTTransformerRange } from './float32-input.js';
import {
  layerWeights,
  promptTokens,
  recordedLayers,
  tokenLayout,
  validateOTTransformerInput,
  type WeightVariant,
} from '../ot-transformer-prompt.js';
import { tfjsArithmetic } from './arithmetic.js';
import { layerPlan, logitsRouteFor } from './ot-transformer-plan.js';
import { potentialsFromStack, tokensFromStack } from './ot-transformer-readback.js';
import { probeSoftmaxKernel, stableSoftmax } from './row-softmax.js';

/** Planted-bug knobs (impl/mutants/ot-transformer.ts); the defaults give the construction of spec §2. */
export interface TfjsOTTransformerHooks {
  /** Weight variants (logit scale, head-2 value sign). */
  readonly weights?: WeightVariant;
  /** false drops the sink token (n tokens only). */
  readonly sinkToken?: boolean;
  /** Replaces the row softmax (both heads and the readout). */
  readonly softmax?: (logits: tf.Tensor) => tf.Tensor;
  /** true builds the weights of every instance from λ of instance 0. */
  readonly firstLambdaOnly?: boolean;
  /** true takes the residual step γ = λ instead of the given γ. */
  readonly stepIsLambda?: boolean;
  /** The head whose attention is read out as M_ℓ (1 in spec §2). */
  readonly readoutHead?: 0 | 1;
  /** The sink token's value entry as a function of n (−1/n in spec §2). */
  readonly sinkValue?: (n: number) => number;
  /** How the logits are formed (both exact; default by size: ot-transformer-plan.ts logitsRouteFor). */
  readonly logitsRoute?: 'direct' | 'rank-one';
}

function f32(data: ArrayLike<number>, shape: number[]): tf.Tensor {
  return tf.tensor(Float32Array.from(data), shape, 'float32');
}

async function forward(
  batch: OTTransformerBatch,
  options: OTTransformerOptions,
  hooks: TfjsOTTransformerHooks,
): Promise<OTTransformerTrace> {
  validateOTTransformerInput(batch, options);
  assertOTTransformerRange(batch, options.layers);
  await probeSoftmaxKernel();
  const { B, n, d } = batch;
  const L = options.layers;
  const sink = hooks.sinkToken ?? true;
  const softmax = hooks.softmax ?? stableSoftmax;
  const recorded = recordedLayers(options);
  const allPotentials = options.potentials === 'all';
  const potentialLayers = allPotentials ? [...Array(L + 1).keys()] : recorded;
  const t = tokenLayout(d);
  const F = t.F;
  const T = n + (sink ? 1 : 0);

  // prompt and weights (float64 → float32 once)
  const Z0 = new Float64Array(B * T * F);
  const lambdaOf = (b: number): number => batch.lambda[hooks.firstLambdaOnly ? 0 : b]!;
  const uniformLambda = batch.lambda.every((_, b) => lambdaOf(b) === lambdaOf(0));
  const P = uniformLambda ? 1 : B; // weight sets: one when λ is the same in every instance
  const qk: (readonly [Float64Array, Float64Array])[] = [];
  let ov: readonly Float64Array[] = [];
  for (let b = 0; b < B; b++) {
    Z0.set(promptTokens(batch, b, sink), b * T * F);
    if (sink && hooks.sinkValue) Z0[(b * T + n) * F + t.value] = hooks.sinkValue(n);
    if (b >= P) continue;
    const W = layerWeights(lambdaOf(b), d, hooks.weights);
    qk.push(W.qk);
    ov = W.ov;
  }
  const rankOne = logitsRouteFor(B, T, hooks.logitsRoute) === 'rank-one';
  const { R, C, stateColumns, WOV, WQK, K, GL, ML, GR, MR, E, Zs } = layerPlan(qk, ov, F, Z0, rankOne);
  const w = C.length;
  const ws = stateColumns.length;
  const owned: tf.Tensor[] = [];
  const keep = <X extends tf.Tensor>(x: X): X => {
    owned.push(x);
    return x;
  };
  try {
    /** X [B, T, m] times a shared [m, k] or per-instance [B, m, k] matrix, as [B, T, k]. */
    const times = (x: tf.Tensor, m: tf.Tensor | Float64Array, k: number): tf.Tensor => {
      const mm = m instanceof tf.Tensor ? m : f32(m, uniformLambda ? [m.length / k, k] : [B, m.length / (B * k), k]);
      if (mm.rank === 2) return tf.reshape(tf.matMul(tf.reshape(x, [B * T, -1]), mm), [B, T, k]);
      return tf.matMul(x, mm);
    };
    const rows = keep(tf.tensor1d([...R], 'int32'));
    const wov = keep(f32(WOV, [2 * R.length, ws]));
    const step = hooks.stepIsLambda ? batch.lambda : batch.gamma;
    const negGamma = keep(
      f32(
        step.map((g) => -g),
        [B, 1, 1],
      ),
    );
    const zs = keep(f32(Zs, [B, T, F]));
    const xPoints = keep(tf.tidy(() => tf.slice(zs, [0, 0, t.x], [B, n, d])));
    const constantValues = R.every((a) => !C.includes(a));
    const values0 = constantValues ? keep(tf.gather(zs, rows, 2)) : undefined;

    /**
     * The route's state and operations: the first state, Z of a state (the state itself on the direct route,
     * so a recorded Z is a clone there), and both heads' logits Z Wʰ Zᵀ as [B, 2T, T] (row 2t + h: query token
     * t of head h). Each route forms only its own tensors.
     */
    interface Route {
      readonly state0: tf.Tensor;
      readonly zOf: (a: tf.Tensor) => tf.Tensor;
      readonly recordedZ: (a: tf.Tensor) => tf.Tensor;
      readonly logitsOf: (a: tf.Tensor) => tf.Tensor;
    }
    const direct = (): Route => {
      const wqk = keep(f32(WQK, uniformLambda ? [F, 2 * F] : [B, F, 2 * F]));
      return {
        state0: f32(Z0, [B, T, F]),
        zOf: (a) => a,
        recordedZ: (a) => tf.clone(a),
        logitsOf: (a) => tf.matMul(tf.reshape(times(a, wqk, 2 * F), [B, 2 * T, F]), a, false, true),
      };
    };
    const rankOneRoute = (): Route => {
      const embed = keep(f32(E, [w, F]));
      const gl = keep(f32(GL, uniformLambda ? [w, 2 * K] : [B, w, 2 * K]));
      const gr = keep(f32(GR, uniformLambda ? [w, 2 * K] : [B, w, 2 * K]));
      // Z = Z_s + A Eᵀ, [B, T, F] (exact: each entry is one term plus zeros); when C is one run of columns
      // (u, v in the construction), the static columns on either side and A joined in one concat
      const contiguous = w > 0 && C[w - 1]! - C[0]! === w - 1;
      const sides = contiguous
        ? [
            ...(C[0]! > 0 ? [keep(tf.slice(zs, [0, 0, 0], [B, T, C[0]!]))] : []),
            ...(C[w - 1]! < F - 1 ? [keep(tf.slice(zs, [0, 0, C[w - 1]! + 1], [B, T, F - 1 - C[w - 1]!]))] : []),
          ]
        : [];
      const tokensOf = (a: tf.Tensor): tf.Tensor => {
        if (w === 0) return tf.clone(zs);
        if (!contiguous) return tf.add(zs, times(a, embed, F));
        const parts = C[0]! > 0 ? [sides[0]!, a, ...sides.slice(1)] : [a, ...sides];
        return parts.length === 1 ? tf.clone(a) : tf.concat(parts, 2);
      };
      // the static parts: Z_s Wʰ Z_sᵀ as [B, T, 2, T] (entry (t, h, s): query token t of head h), Z_s·ML, Z_s·MR
      const [staticLogits, staticLeft, staticRight] = tf
        .tidy(() => [
          tf.reshape(tf.matMul(tf.reshape(times(zs, WQK, 2 * F), [B, 2 * T, F]), zs, false, true), [B, T, 2, T]),
          times(zs, ML, 2 * K),
          times(zs, MR, 2 * K),
        ])
        .map(keep);
      return {
        state0: tf.tidy(() => tf.gather(f32(Z0, [B, T, F]), tf.tensor1d([...C], 'int32'), 2)),
        zOf: tokensOf,
        recordedZ: tokensOf,
        logitsOf: (a) => {
          if (K === 0) return tf.reshape(staticLogits!, [B, 2 * T, T]);
          const left = tf.reshape(tf.add(staticLeft!, times(a, gl, 2 * K)), [B, T, 2, K]);
          const right = tf.reshape(tf.transpose(tf.add(staticRight!, times(a, gr, 2 * K)), [0, 2, 1]), [B, K, 2, T]);
          let logits: tf.Tensor = staticLogits!;
          for (let k = 0; k < K; k++) {
            const outer = tf.mul(
              tf.slice(left, [0, 0, 0, k], [B, T, 2, 1]),
              tf.slice(right, [0, k, 0, 0], [B, 1, 2, T]),
            );
            logits = tf.add(logits, outer);
          }
          return tf.reshape(logits, [B, 2 * T, T]);
        },
      };
    };
    const { state0, zOf, recordedZ, logitsOf } = rankOne ? rankOneRoute() : direct();
    let state = keep(state0);
    /** Logits of head h on the point tokens, [B, n, n]. */
    const headBlock = (logits: tf.Tensor, h: number): tf.Tensor =>
      tf.reshape(tf.slice(tf.reshape(logits, [B, T, 2, T]), [0, 0, h, 0], [B, n, 1, n]), [B, n, n]);
    /** The layer-ℓ readout from the logits: log P_ℓ, M_ℓ (masked head 2), M_ℓ·x. */
    const readoutOf = (logits: tf.Tensor): tf.Tensor[] => {
      const M = softmax(headBlock(logits, hooks.readoutHead ?? 1));
      return [headBlock(logits, 0), M, tf.matMul(M, xPoints)];
    };
    // the potential columns u, v straight from the state when they are two adjacent columns of it
    const uInState = stateColumns.indexOf(t.u);
    const potentialsInState = uInState >= 0 && stateColumns[uInState + 1] === t.v;
    const potentialsOf = (a: tf.Tensor): tf.Tensor =>
      tf.slice(potentialsInState ? a : zOf(a), [0, 0, potentialsInState ? uInState : t.u], [B, T, 2]);
    /** state − γ Σ_h (S_h Z[:, R]) W_OV^h[R, state columns]: (S Z[:, R]) as [B, 2T, |R|] → [B·T, 2|R|]. */
    const updateOf = (logits: tf.Tensor, a: tf.Tensor): tf.Tensor => {
      const values = values0 ?? tf.gather(zOf(a), rows, 2);
      const sz = tf.reshape(tf.matMul(softmax(logits), values), [B * T, 2 * R.length]);
      return tf.add(a, tf.mul(tf.reshape(tf.matMul(sz, wov), [B, T, ws]), negGamma));
    };

    const pots: tf.Tensor[] = [];
    const reads: tf.Tensor[][] = [];
    const toks: tf.Tensor[] = [];
    let r = 0;
    for (let l = 0; l <= L; l++) {
      const isRecorded = r < recorded.length && recorded[r] === l;
      if (isRecorded) r++;
      const a = state;
      const outs = tf.tidy(() => {
        const logits = logitsOf(a);
        const kept: tf.Tensor[] = [];
        if (isRecorded) kept.push(...readoutOf(logits));
        if (allPotentials || isRecorded) kept.push(potentialsOf(a));
        if (isRecorded && options.tokens) kept.push(recordedZ(a));
        if (l < L && w > 0) kept.push(updateOf(logits, a));
        return kept;
      });
      let k = 0;
      if (isRecorded) reads.push(outs.slice(k, (k += 3)).map(keep));
      if (allPotentials || isRecorded) pots.push(keep(outs[k++]!));
      if (isRecorded && options.tokens) toks.push(keep(outs[k++]!));
      if (l < L && w > 0) {
        state = keep(outs[k]!);
        // the previous state is no longer needed
        owned.splice(owned.indexOf(a), 1);
        a.dispose();
      }
    }
    const potStack = keep(tf.stack(pots, 1)); // [B, Q, T, 2]
    const [planStack, readStack, sortStack] = [0, 1, 2].map((i) =>
      keep(
        tf.stack(
          reads.map((x) => x[i]!),
          1,
        ),
      ),
    );
    const tokStack = options.tokens ? keep(tf.stack(toks, 1)) : undefined;
    const [pd, pl, rd, sd, td] = await Promise.all([
      potStack.data(),
      planStack!.data(),
      readStack!.data(),
      sortStack!.data(),
      tokStack?.data(),
    ]);
    const { u, v, sinkU, sinkV } = potentialsFromStack(pd, { B, Q: potentialLayers.length, T, n, sink });
    const tokens = td ? tokensFromStack(td, { B, S: recorded.length, T, n, F }) : undefined;
    return {
      B,
      n,
      d,
      layers: L,
      recorded,
      potentialLayers,
      features: F,
      u,
      v,
      sinkU,
      sinkV,
      planLogits: Float64Array.from(pl),
      readout: Float64Array.from(rd),
      sorted: Float64Array.from(sd),
      tokens,
    };
  } finally {
    tf.dispose(owned);
  }
}

/** The tfjs OT transformer (float32), optionally with planted bugs for the mutant catalogue. */
export function createTfjsOTTransformer(name = 'tfjs', hooks: TfjsOTTransformerHooks = {}): OTTransformer {
  return {
    name,
    precision: 'float32',
    get arithmetic() {
      return tfjsArithmetic();
    },
    forward: (batch, options) => forward(batch, options, hooks),
  };
}
