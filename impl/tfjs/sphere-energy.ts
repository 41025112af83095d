/**
 * Interaction energies on tfjs tensors (GLPR, arXiv 2312.10794; spec attention-dynamics-clustering §2.1),
 * in one explicit normalisation each. The energy grows like e^{β}/(2β): past β ≈ 89 it exceeds the float32
 * range while the float64 value the interface returns is finite, so the capability computes the
 * log-sum-exp in float32 and the final exponential in float64 ({@link interactionEnergyHost}).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { EnergyNormalization } from '../capabilities/sphere-dynamics.js';
import { NumericalError } from '../errors.js';
import { sci } from '../float32-range.js';
import type { SphereDynamicsHooks } from './sphere-hooks.js';

/** Exponents βG_ij flattened to [B, n²] (G = ⟨Vx_i, x_j⟩ for 'modified-metric', ⟨x_i, x_j⟩ otherwise). */
function exponents(x: tf.Tensor, beta: tf.Tensor, normalization: EnergyNormalization, value?: tf.Tensor): tf.Tensor {
  const [B, n] = [x.shape[0], x.shape[1]!];
  const left = normalization === 'modified-metric' && value ? tf.matMul(x, value, false, true) : x;
  return tf.mul(tf.reshape(tf.matMul(left, x, false, true), [B, n * n]), tf.reshape(beta, [B, 1]));
}

/** LSE over the n² pairs, max-shifted, shape [B]. */
function pairLogSumExp(L: tf.Tensor): tf.Tensor {
  const max = tf.max(L, 1);
  return tf.add(tf.log(tf.sum(tf.exp(tf.sub(L, tf.expandDims(max, 1))), 1)), max);
}

/**
 * log E per instance, shape [B], for the normalisations with a 1/(2β·pairs) prefactor (β > 0):
 * 'mean-field' log(1/(2βn²)Σe^{β⟨x_i,x_j⟩}) (eq. 3.5), 'modified-metric' log(1/(2β)Σe^{β⟨Vx_i,x_j⟩}) (§3.4.1).
 */
function logInteractionEnergyTensor(
  x: tf.Tensor,
  beta: tf.Tensor,
  normalization: 'mean-field' | 'modified-metric',
  value?: tf.Tensor,
  hooks: SphereDynamicsHooks = {},
): tf.Tensor {
  return tf.tidy(() => {
    const n = x.shape[1]!;
    const pairs = normalization === 'mean-field' ? (hooks.energyPairCount === 'n' ? n : n * n) : 1;
    return tf.sub(pairLogSumExp(exponents(x, beta, normalization, value)), tf.log(tf.mul(beta, 2 * pairs)));
  });
}

/**
 * Interaction energy per instance as a float32 tensor [B] (spec §2.1): 'mean-field' and 'modified-metric'
 * as exp(log E); 'shifted' 1/(2β)Σ expm1(βG_ij) (App. C), ½ΣG_ij where β = 0. Overflows past the float32
 * range (β ≳ 89); {@link interactionEnergyHost} does not.
 */
function interactionEnergyTensor(
  x: tf.Tensor,
  beta: tf.Tensor,
  normalization: EnergyNormalization,
  value?: tf.Tensor,
  hooks: SphereDynamicsHooks = {},
): tf.Tensor {
  return tf.tidy(() => {
    if (normalization !== 'shifted') return tf.exp(logInteractionEnergyTensor(x, beta, normalization, value, hooks));
    const G = exponents(x, tf.onesLike(beta), normalization);
    const safeBeta = tf.where(tf.equal(beta, 0), tf.onesLike(beta), beta);
    const shifted = tf.div(tf.sum(tf.expm1(tf.mul(G, tf.reshape(beta, [-1, 1]))), 1), tf.mul(safeBeta, 2));
    return tf.where(tf.equal(beta, 0), tf.mul(tf.sum(G, 1), 0.5), shifted);
  });
}

/**
 * The energies as float64 numbers: log E in float32, exp in float64 (the same relative error as a float32
 * exp of the same float32 argument, without its overflow). 'shifted' keeps the float32 expm1 sum where it
 * is finite (exact near β = 0) and otherwise uses (e^{LSE} − n²)/(2β) in float64, where e^{LSE} > 3e38
 * dwarfs n². Throws a NumericalError naming β where even float64 overflows (β ≳ 709).
 */
export async function interactionEnergyHost(
  x: tf.Tensor,
  beta: tf.Tensor,
  betaHost: Float64Array,
  normalization: EnergyNormalization,
  value?: tf.Tensor,
  hooks: SphereDynamicsHooks = {},
): Promise<Float64Array> {
  const n = x.shape[1]!;
  let out: Float64Array;
  if (normalization !== 'shifted') {
    const t = logInteractionEnergyTensor(x, beta, normalization, value, hooks);
    out = Float64Array.from(await t.data(), Math.exp);
    t.dispose();
  } else {
    const [direct, lse] = tf.tidy(() => [
      interactionEnergyTensor(x, beta, normalization, value, hooks),
      pairLogSumExp(exponents(x, beta, normalization)),
    ]);
    const [d, l] = await Promise.all([direct.data(), lse.data()]);
    tf.dispose([direct, lse]);
    out = Float64Array.from(d, (v, b) => (Number.isFinite(v) ? v : (Math.exp(l[b]!) - n * n) / (2 * betaHost[b]!)));
  }
  const b = out.findIndex((v) => !Number.isFinite(v));
  if (b >= 0) {
    const what = `the ${normalization} energy of instance ${b} (β = ${sci(betaHost[b]!)})`;
    throw new NumericalError(`argument 'beta': ${what} exceeds the float64 range`);
  }
  return out;
}
