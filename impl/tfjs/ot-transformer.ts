/**
 * The OT transformer on tfjs tensors (Daneshmand 2024, arXiv 2410.19931; spec ot-transformer-sorting.md §2):
 * n + 1 tokens [B, n+1, F] (the sink token carries −1/n), two softmax heads with the same weights in
 * every layer, independent of n, and the residual update Z ← Z − γ Σ_h S(Z W_QK^h Zᵀ) Z W_OV^h with a
 * row-max-stabilised softmax. Both heads run as one batched product per step ([B, 2, ·, ·]); per-instance
 * λ enters W_QK, γ the residual. Each layer is 4 matMuls (two of them 2D), a softmax and an add inside
 * one tf.tidy; only the recorded layers are downloaded. Measured: L = 1000, B = 64, n = 32 on wasm in the
 * test tests/ot-transformer/speed.test.ts.
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

/** Per backend: whether its Softmax kernel subtracts the row maximum itself. */
const kernelIsStable = new Map<string, boolean>();

/** Run the [0, 1000, −1e30] probe of {@link stableSoftmax} once per backend (an asynchronous read). */
async function probeSoftmaxKernel(): Promise<void> {
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
function stableSoftmax(logits: tf.Tensor): tf.Tensor {
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
  // W_QK of both heads side by side ([F, 2F], columns of head h at h·F); batched [B, F, 2F] when λ varies
  const lambdaOf = (b: number): number => batch.lambda[hooks.firstLambdaOnly ? 0 : b]!;
  const uniformLambda = batch.lambda.every((_, b) => lambdaOf(b) === lambdaOf(0));
  const WQK = new Float64Array((uniformLambda ? 1 : B) * F * 2 * F);
  let ov: readonly Float64Array[] = [];
  for (let b = 0; b < B; b++) {
    Z0.set(promptTokens(batch, b, sink), b * T * F);
    if (sink && hooks.sinkValue) Z0[(b * T + n) * F + t.value] = hooks.sinkValue(n);
    if (uniformLambda && b > 0) continue;
    const W = layerWeights(lambdaOf(b), d, hooks.weights);
    ov = W.ov;
    for (let h = 0; h < 2; h++) {
      for (let a = 0; a < F; a++) {
        for (let c = 0; c < F; c++) WQK[b * 2 * F * F + a * 2 * F + h * F + c] = W.qk[h]![a * F + c]!;
      }
    }
  }
  // W_OV does not depend on λ, γ or n. Only its rows R with a nonzero entry (the value channel) can
  // contribute, so Σ_h S_h Z W_OV^h = Σ_h (S_h Z[:, R]) W_OV^h[R, :]: the same products without the zero terms.
  const R = [...Array(F).keys()].filter((a) => ov.some((w) => w.subarray(a * F, (a + 1) * F).some((x) => x !== 0)));
  const WOV = new Float64Array(2 * R.length * F);
  for (let h = 0; h < 2; h++) R.forEach((a, k) => WOV.set(ov[h]!.subarray(a * F, (a + 1) * F), (h * R.length + k) * F));
  const owned: tf.Tensor[] = [];
  const keep = <X extends tf.Tensor>(x: X): X => {
    owned.push(x);
    return x;
  };
  try {
    const wqk = keep(f32(WQK, uniformLambda ? [F, 2 * F] : [B, F, 2 * F]));
    const wov = keep(f32(WOV, [2 * R.length, F]));
    const rows = keep(tf.tensor1d(R, 'int32'));
    const step = hooks.stepIsLambda ? batch.lambda : batch.gamma;
    const negGamma = keep(
      f32(
        step.map((g) => -g),
        [B, 1, 1],
      ),
    );
    // columns the residual writes (nonzero columns of W_OV); when none of them feeds W_OV (R), Z[:, R] is
    // the same at every layer and is gathered once — exact, since those entries only ever receive γ·0
    const written = [...Array(F).keys()].filter((col) => ov.some((w) => R.some((a) => w[a * F + col] !== 0)));
    const constantValues = R.every((a) => !written.includes(a));
    const xPoints = keep(tf.tidy(() => tf.slice(f32(Z0, [B, T, F]), [0, 0, t.x], [B, n, d])));
    let Z = keep(f32(Z0, [B, T, F]));
    const values0 = constantValues ? keep(tf.gather(Z, rows, 2)) : undefined;

    /**
     * Both heads' logits as [B, 2T, T]: row 2t + h holds query token t of head h ((Z W_QK) with the
     * heads side by side, reshaped so that they interleave; one batched product, no broadcasting).
     */
    const logitsOf = (z: tf.Tensor): tf.Tensor => {
      const q = uniformLambda ? tf.matMul(tf.reshape(z, [B * T, F]), wqk) : tf.matMul(z, wqk);
      return tf.matMul(tf.reshape(q, [B, 2 * T, F]), z, false, true);
    };
    /** Logits of head h on the point tokens, [B, n, n]. */
    const headBlock = (logits: tf.Tensor, h: number): tf.Tensor =>
      tf.reshape(tf.slice(tf.reshape(logits, [B, T, 2, T]), [0, 0, h, 0], [B, n, 1, n]), [B, n, n]);
    /** The layer-ℓ readout from the logits: log P_ℓ, M_ℓ (masked head 2), M_ℓ·x. */
    const readoutOf = (logits: tf.Tensor): tf.Tensor[] => {
      const M = softmax(headBlock(logits, hooks.readoutHead ?? 1));
      return [headBlock(logits, 0), M, tf.matMul(M, xPoints)];
    };
    const potentialsOf = (z: tf.Tensor): tf.Tensor => tf.slice(z, [0, 0, t.u], [B, T, 2]);
    /** Z − γ Σ_h S_h Z W_OV^h: (S Z[:, R]) as [B, 2T, |R|] → [B·T, 2|R|] (heads side by side) times [2|R|, F]. */
    const updateOf = (logits: tf.Tensor, z: tf.Tensor): tf.Tensor => {
      const sz = tf.reshape(tf.matMul(softmax(logits), values0 ?? tf.gather(z, rows, 2)), [B * T, 2 * R.length]);
      return tf.add(z, tf.mul(tf.reshape(tf.matMul(sz, wov), [B, T, F]), negGamma));
    };

    const pots: tf.Tensor[] = [];
    const reads: tf.Tensor[][] = [];
    const toks: tf.Tensor[] = [];
    let r = 0;
    for (let l = 0; l <= L; l++) {
      const isRecorded = r < recorded.length && recorded[r] === l;
      if (isRecorded) r++;
      const z = Z;
      const outs = tf.tidy(() => {
        const logits = logitsOf(z);
        const kept: tf.Tensor[] = [];
        if (isRecorded) kept.push(...readoutOf(logits));
        if (allPotentials || isRecorded) kept.push(potentialsOf(z));
        if (l < L) kept.push(updateOf(logits, z));
        return kept;
      });
      let k = 0;
      if (isRecorded) {
        reads.push(outs.slice(0, 3).map(keep));
        k = 3;
        if (options.tokens) toks.push(z);
      }
      if (allPotentials || isRecorded) pots.push(keep(outs[k++]!));
      if (l < L) {
        Z = keep(outs[k]!);
        if (!(isRecorded && options.tokens)) {
          // the previous state is no longer needed
          const idx = owned.indexOf(z);
          if (idx >= 0) owned.splice(idx, 1);
          z.dispose();
        }
      }
    }
    const potStack = keep(tf.stack(pots, 1)); // [B, Q, T, 2]
    const planStack = keep(
      tf.stack(
        reads.map((x) => x[0]!),
        1,
      ),
    );
    const readStack = keep(
      tf.stack(
        reads.map((x) => x[1]!),
        1,
      ),
    );
    const sortStack = keep(
      tf.stack(
        reads.map((x) => x[2]!),
        1,
      ),
    );
    const tokStack = options.tokens ? keep(tf.stack(toks, 1)) : undefined;
    const [pd, pl, rd, sd, td] = await Promise.all([
      potStack.data(),
      planStack.data(),
      readStack.data(),
      sortStack.data(),
      tokStack?.data(),
    ]);
    const Q = potentialLayers.length;
    const u = new Float64Array(B * Q * n);
    const v = new Float64Array(B * Q * n);
    const sinkU = new Float64Array(B * Q).fill(NaN);
    const sinkV = new Float64Array(B * Q).fill(NaN);
    for (let b = 0; b < B; b++) {
      for (let q = 0; q < Q; q++) {
        const base = (b * Q + q) * T * 2;
        for (let i = 0; i < n; i++) {
          u[(b * Q + q) * n + i] = pd[base + i * 2]!;
          v[(b * Q + q) * n + i] = pd[base + i * 2 + 1]!;
        }
        if (sink) {
          sinkU[b * Q + q] = pd[base + n * 2]!;
          sinkV[b * Q + q] = pd[base + n * 2 + 1]!;
        }
      }
    }
    let tokens: Float64Array | undefined;
    if (td) {
      // without a sink token the rows are padded with NaN so the layout stays [B, S, n+1, F]
      const S = recorded.length;
      tokens = new Float64Array(B * S * (n + 1) * F).fill(NaN);
      for (let bs = 0; bs < B * S; bs++) tokens.set(td.subarray(bs * T * F, (bs + 1) * T * F), bs * (n + 1) * F);
    }
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
