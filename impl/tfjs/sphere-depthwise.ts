/**
 * The SA dynamics with Q = K = V = I (GLPR, arXiv 2312.10794, eq. 2.3 with B = V = I) in the instance-last
 * layout [d, B, n], where both batched products are depthwise convolutions: the instance is the channel and
 * the summed index the filter window. On tfjs-wasm a depthwise convolution runs in XNNPACK: measured at
 * n = 32, d = 32–128, 2.9–3.3 GFLOP/s against 1.0–1.1 for its batched matMul; with the transposes a step
 * costs 1.5–2.1× less at d ≥ 8 (about the same at d = 2). The products, with q[k, b, i] = x_bi[k]:
 *   G_b[i, j] = Σ_k x_bi[k] x_bj[k]:   input (j, k, ·, b), filter (k, ·, b, i) = q itself, output (j, b, i);
 *   (A_b X_b)[i, k] = Σ_j A_b[i, j] x_bj[k]:   input (k, j, ·, b), filter (j, ·, b, i), output (k, b, i) = q's layout.
 * G_b is symmetric, so the Gram output read as (i, b, j) has the softmax axis j last. Sums over the coordinate
 * axis k are the 2D product 1ᵀ·[d, B·n] (XNNPACK as well). Same schemes as sphere-integrators.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SphereIntegrator } from '../capabilities/sphere-dynamics.js';
import { hookedBeta } from './sphere-field.js';
import type { SphereDynamicsHooks } from './sphere-hooks.js';

/** Whether a batch can take this path: the wasm backend, SA, B = V = I, the plain softmax axis. */
export function depthwiseApplies(
  o: { readonly normalization: string; readonly bilinear?: unknown; readonly value?: unknown },
  hooks: SphereDynamicsHooks,
): boolean {
  return (
    tf.getBackend() === 'wasm' &&
    o.normalization === 'softmax' &&
    o.bilinear === undefined &&
    o.value === undefined &&
    (hooks.softmaxAxis ?? 2) === 2
  );
}

interface Layout {
  readonly B: number;
  readonly n: number;
  readonly d: number;
  /** β (or β^p under the betaPower hook) shaped [1, B, 1] for the logits in (i, b, j). */
  readonly beta: tf.Tensor;
  /** 1ᵀ of shape [1, d]: the sum over coordinates as a 2D product. */
  readonly ones: tf.Tensor;
}

/** Gram matrices of q [d, B, n] in (i, b, j) layout, shape [n, B, n]. */
function gramOf(q: tf.Tensor, L: Layout): tf.Tensor {
  return tf.tidy(() => {
    const input = tf.reshape<tf.Rank.R4>(tf.transpose(q, [2, 0, 1]), [L.n, L.d, 1, L.B]);
    const filter = tf.reshape<tf.Rank.R4>(q, [L.d, 1, L.B, L.n]);
    return tf.reshape(tf.depthwiseConv2d(input, filter, 1, 'valid'), [L.n, L.B, L.n]);
  });
}

/** The drift Σ_j A_ij x_j in q's layout [d, B, n]; `gram` is gramOf(q) when already computed. */
function driftOf(q: tf.Tensor, L: Layout, gram?: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const A = tf.softmax(tf.mul(gram ?? gramOf(q, L), L.beta));
    const filter = tf.reshape<tf.Rank.R4>(tf.transpose(A, [2, 1, 0]), [L.n, 1, L.B, L.n]);
    const input = tf.reshape<tf.Rank.R4>(tf.transpose(q, [0, 2, 1]), [L.d, L.n, 1, L.B]);
    return tf.reshape(tf.depthwiseConv2d(input, filter, 1, 'valid'), [L.d, L.B, L.n]);
  });
}

/** Σ_k t[k, b, i] as [1, B, n]. */
function coordinateSum(t: tf.Tensor, L: Layout): tf.Tensor {
  return tf.tidy(() => tf.reshape(tf.matMul(L.ones, tf.reshape(t, [L.d, L.B * L.n])), [1, L.B, L.n]));
}

function normalizeColumns(y: tf.Tensor, L: Layout): tf.Tensor {
  return tf.tidy(() => tf.div(y, tf.sqrt(coordinateSum(tf.square(y), L))));
}

/** The projected field P⊥_{x_i}(Σ_j A_ij x_j) (the drift itself under the skipProjection hook). */
function velocityOf(q: tf.Tensor, L: Layout, hooks: SphereDynamicsHooks, gram?: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const drift = driftOf(q, L, gram);
    return hooks.skipProjection ? drift : tf.sub(drift, tf.mul(coordinateSum(tf.mul(q, drift), L), q));
  });
}

type LayoutStep = (q: tf.Tensor, L: Layout, dt: number, hooks: SphereDynamicsHooks, gram?: tf.Tensor) => tf.Tensor;

const STEPS: Readonly<Record<SphereIntegrator, LayoutStep>> = {
  'euler-renormalize': (q, L, dt, _hooks, gram) =>
    tf.tidy(() => normalizeColumns(tf.add(q, tf.mul(driftOf(q, L, gram), dt)), L)),
  rk4: (q, L, dt, hooks, gram) =>
    tf.tidy(() => {
      const f = (y: tf.Tensor): tf.Tensor => velocityOf(y, L, hooks);
      const k1 = velocityOf(q, L, hooks, gram);
      const k2 = f(tf.add(q, tf.mul(k1, dt / 2)));
      const k3 = f(tf.add(q, tf.mul(hooks.rk4StageSlip ? k1 : k2, dt / 2)));
      const k4 = f(tf.add(q, tf.mul(k3, dt)));
      const incr = tf.addN([k1, tf.mul(k2, 2), tf.mul(k3, 2), k4]);
      return normalizeColumns(tf.add(q, tf.mul(incr, dt / 6)), L);
    }),
};

/**
 * Integrate x0 [B, n, d] with β [B] for `steps` steps; keeps the Gram matrices [B, n, n] (recordGram) or
 * the states [B, n, d] at the steps in `recordSteps`, and returns them with the final state [B, n, d]
 * (the caller disposes them all), as integrateSphereTensor.
 */
export function integrateDepthwise(
  x0: tf.Tensor,
  beta: tf.Tensor,
  o: {
    readonly integrator: SphereIntegrator;
    readonly dt: number;
    readonly steps: number;
    readonly recordSteps: ArrayLike<number>;
    readonly recordGram: boolean;
  },
  hooks: SphereDynamicsHooks,
): { final: tf.Tensor; kept: tf.Tensor[] } {
  const [B, n, d] = x0.shape as [number, number, number];
  const L: Layout = {
    B,
    n,
    d,
    beta: tf.tidy(() => tf.reshape(hookedBeta(beta, hooks), [1, B, 1])),
    ones: tf.ones([1, d]),
  };
  const kept: tf.Tensor[] = [];
  let q = tf.transpose(x0, [2, 0, 1]);
  let gram: tf.Tensor | undefined;
  let slot = 0;
  try {
    for (let s = 0; s <= o.steps; s++) {
      if (slot < o.recordSteps.length && o.recordSteps[slot] === s) {
        if (o.recordGram) {
          gram = gramOf(q, L);
          kept.push(tf.transpose(gram, [1, 0, 2]));
        } else kept.push(tf.transpose(q, [1, 2, 0]));
        slot++;
      }
      if (s === o.steps) break;
      const next = STEPS[o.integrator](q, L, o.dt, hooks, gram);
      gram?.dispose();
      gram = undefined;
      q.dispose();
      q = next;
    }
    return { final: tf.transpose(q, [1, 2, 0]), kept };
  } catch (e) {
    tf.dispose(kept);
    throw e;
  } finally {
    tf.dispose([q, L.beta, L.ones, ...(gram ? [gram] : [])]);
  }
}
