/**
 * The unnormalised attention field (USA, GLPR arXiv 2312.10794 §3.3) in log scale:
 *   Σ_j A_ij V x_j = (e^{m_i}/n) · Σ_j e^{L_ij − m_i} V x_j,   L_ij = β⟨Bx_i, x_j⟩,  m_i = max_j L_ij.
 * The factor e^{m_i}/n exceeds float32 for m_i ≳ 88.7 + ln n (β ≥ 89 on the sphere), while the sum stays
 * within n‖V‖: the sum is computed in float32 and the factor is kept as its logarithm, applied in float64
 * on the host for the velocity, and folded into the renormalised Euler step (scale-invariant) for simulate.
 * A max-shift alone cannot keep the field in float32: its value is e^{m_i} times the shifted sum.
 */
import * as tf from '@tensorflow/tfjs-core';
import { NumericalError } from '../errors.js';
import { sci } from '../float32-range.js';

/** The shifted field w_i = Σ_j e^{L_ij − m_i} (Vx)_j ([B, n, d]) and its log scale m_i − ln n ([B, n, 1]). */
export interface LogScaledField {
  readonly w: tf.Tensor;
  readonly logScale: tf.Tensor;
}

/** The USA drift before projection in log scale, from the logits L [B, n, n] and the values Vx [B, n, d]. */
export function logScaledDrift(logits: tf.Tensor, values: tf.Tensor): LogScaledField {
  return tf.tidy(() => {
    const n = logits.shape[2]!;
    const m = tf.max(logits, 2, true);
    return { w: tf.matMul(tf.exp(tf.sub(logits, m)), values), logScale: tf.sub(m, Math.log(n)) };
  });
}

/**
 * x ← (x + h·e^{s_i}·w_i)/‖·‖ with log h + s_i = t_i folded in: (e^{−t⁺}x + e^{−t⁻}w)/‖·‖, t⁺ = max(t, 0),
 * t⁻ = max(−t, 0) — the same direction (multiplied by e^{−t⁺}), every factor ≤ 1. `logStep` is ln h as a
 * number or a per-instance tensor [B].
 */
export function logScaledEulerStep(x: tf.Tensor, field: LogScaledField, logStep: number | tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const lh = typeof logStep === 'number' ? logStep : tf.reshape(logStep, [-1, 1, 1]);
    const t = tf.add(field.logScale, lh);
    const y = tf.add(tf.mul(x, tf.exp(tf.neg(tf.relu(t)))), tf.mul(field.w, tf.exp(tf.neg(tf.relu(tf.neg(t))))));
    return tf.div(y, tf.sqrt(tf.sum(tf.square(y), -1, true)));
  });
}

/** Download w [B, n, d] and logScale [B, n, 1] and form w·e^{logScale} in float64 (disposes both). */
export async function applyLogScale(field: LogScaledField, beta: Float64Array): Promise<Float64Array> {
  const [B, n, d] = field.w.shape as [number, number, number];
  const [w, s] = await Promise.all([field.w.data(), field.logScale.data()]);
  tf.dispose([field.w, field.logScale]);
  const out = new Float64Array(B * n * d);
  for (let r = 0; r < B * n; r++) {
    const scale = Math.exp(s[r]!);
    for (let k = 0; k < d; k++) out[r * d + k] = w[r * d + k]! * scale;
    if (!Number.isFinite(scale)) {
      const b = Math.floor(r / n);
      const what = `the USA field e^{β⟨Bx_i,x_j⟩}/n of instance ${b} (β = ${sci(beta[b]!)})`;
      throw new NumericalError(`argument 'beta': ${what} exceeds the float64 range`);
    }
  }
  return out;
}
