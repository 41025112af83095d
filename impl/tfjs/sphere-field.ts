/**
 * The self-attention field on the sphere on tfjs tensors [B, n, d] (float32): GLPR (arXiv 2312.10794)
 * eqs. 2.3–2.6 (SA) and §3.3 (USA) with a general bilinear form B = KᵀQ and value matrix V per instance,
 * β per instance (β = 0 allowed), log-sum-exp stabilised (logits are max-shifted per row). Every function
 * takes tensors it does not own; results are new tensors the caller disposes.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { AttentionNormalization } from '../capabilities/sphere-dynamics.js';
import type { SphereDynamicsHooks } from './sphere-hooks.js';

/** The attention model of a batch as tensors. */
export interface TfjsAttentionModel {
  /** β per instance, shape [B]. */
  readonly beta: tf.Tensor;
  /** B = KᵀQ per instance, shape [B, d, d] (logits β⟨Bx_i, x_j⟩); identity when omitted. */
  readonly bilinear?: tf.Tensor;
  /** V per instance, shape [B, d, d]; identity when omitted. */
  readonly value?: tf.Tensor;
  readonly normalization: AttentionNormalization;
}

/**
 * Row-wise matrix action y_i = M x_i for a batch of [B, d, d] matrices: Y = X Mᵀ; x itself when M is the
 * identity (callers use the result inside a tidy and never dispose it).
 */
export function applyRows(x: tf.Tensor, M: tf.Tensor | undefined): tf.Tensor {
  return M ? tf.matMul(x, M, false, true) : x;
}

/** β per instance as the logits use it: β^p under the betaPower hook (a planted bug), else β. */
export function hookedBeta(beta: tf.Tensor, hooks: SphereDynamicsHooks): tf.Tensor {
  return hooks.betaPower && hooks.betaPower !== 1 ? tf.pow(beta, hooks.betaPower) : beta;
}

/**
 * Logits L_ij = β⟨Bx_i, x_j⟩ (GLPR eq. 2.4), shape [B, n, n]. `gram`, when the caller already has x xᵀ
 * (a recorded step), stands for the product with B = I.
 */
export function attentionLogits(
  x: tf.Tensor,
  model: TfjsAttentionModel,
  hooks: SphereDynamicsHooks = {},
  gram?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const beta = hookedBeta(model.beta, hooks);
    const inner = gram && !model.bilinear ? gram : tf.matMul(applyRows(x, model.bilinear), x, false, true);
    return tf.mul(inner, tf.reshape(beta, [-1, 1, 1]));
  });
}

/**
 * Attention weights, shape [B, n, n]: SA A_ij = e^{L_ij − max_k L_ik}/Σ_k e^{L_ik − max_k L_ik} (max-shifted
 * softmax, exact for any β), USA A_ij = e^{L_ij}/n = e^{L_ij − m_i}·e^{m_i}/n with m_i = max_k L_ik.
 * Under USA e^{β} overflows float32 for β > 88.7 (spec §6); rescale time by e^{β} there.
 */
function attentionWeights(
  x: tf.Tensor,
  model: TfjsAttentionModel,
  hooks: SphereDynamicsHooks = {},
  gram?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const L = attentionLogits(x, model, hooks, gram);
    const axis = hooks.softmaxAxis ?? 2;
    // one fused (max-shifted) softmax kernel instead of the max/sub/exp/sum/div chain: the exp dominates at small d
    if (model.normalization === 'softmax' && axis === 2) return tf.softmax(L);
    const max = tf.max(L, axis, true);
    const e = tf.exp(tf.sub(L, max));
    if (model.normalization === 'softmax') return tf.div(e, tf.sum(e, axis, true));
    const n = x.shape[1]!;
    return tf.mul(e, tf.div(tf.exp(max), n));
  });
}

/** The drift before projection Σ_j A_ij V x_j (GLPR eq. 2.3 inside P⊥), shape [B, n, d]; `gram` as in attentionLogits. */
export function attentionDriftTensor(
  x: tf.Tensor,
  model: TfjsAttentionModel,
  hooks: SphereDynamicsHooks = {},
  gram?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => tf.matMul(attentionWeights(x, model, hooks, gram), applyRows(x, model.value)));
}

/** P⊥_x v = v − ⟨x, v⟩x for every row (the projection on T_x S^{d−1}). */
export function tangentProject(x: tf.Tensor, v: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sub(v, tf.mul(tf.sum(tf.mul(x, v), -1, true), x)));
}

/** The projected field ẋ_i = P⊥_{x_i}(Σ_j A_ij V x_j) (GLPR eq. 2.3), shape [B, n, d]; `gram` as in attentionLogits. */
export function attentionVelocity(
  x: tf.Tensor,
  model: TfjsAttentionModel,
  hooks: SphereDynamicsHooks = {},
  gram?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const drift = attentionDriftTensor(x, model, hooks, gram);
    return hooks.skipProjection ? drift : tangentProject(x, drift);
  });
}
