/**
 * Integrators of the attention dynamics on the sphere on tfjs tensors [B, n, d] (float32): the authors'
 * explicit Euler + renormalisation scheme (phase-diagrams.py; spec §1.3) and classical RK4 on the projected
 * field, renormalised after every step (spec §5, "Integrator").
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SphereIntegrator } from '../capabilities/sphere-dynamics.js';
import {
  applyRows,
  attentionDriftTensor,
  attentionLogits,
  attentionVelocity,
  type TfjsAttentionModel,
} from './sphere-field.js';
import type { SphereDynamicsHooks } from './sphere-hooks.js';
import { logScaledDrift, logScaledEulerStep } from './usa-log-scale.js';

/**
 * One step of an integrator from x with step size dt (a scalar or a per-instance tensor [B]); `gram` is x xᵀ
 * when the caller has it already (a recorded step), for the first field evaluation.
 */
type SphereStep = (
  x: tf.Tensor,
  model: TfjsAttentionModel,
  dt: number | tf.Tensor,
  hooks: SphereDynamicsHooks,
  gram?: tf.Tensor,
) => tf.Tensor;

/** Each row divided by its Euclidean norm. */
function normalizeRowsTensor(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.div(x, tf.sqrt(tf.sum(tf.square(x), -1, true))));
}

/**
 * The authors' step (spec §1.3): x ← (x + dt·Σ_j A_ij V x_j)/‖·‖ — explicit Euler on the unprojected drift,
 * then renormalisation (= x + dt·P⊥drift + O(dt²)). `dt` is a scalar or a per-instance tensor [B].
 */
const eulerRenormalizeStepTensor: SphereStep = (x, model, dt, hooks, gram) =>
  tf.tidy(() => {
    if (model.normalization === 'unnormalized') {
      // USA: the field's factor e^{max_j L_ij}/n overflows float32 past β ≈ 89; the step is scale-invariant
      const field = logScaledDrift(attentionLogits(x, model, hooks, gram), applyRows(x, model.value));
      return logScaledEulerStep(x, field, typeof dt === 'number' ? Math.log(dt) : tf.log(dt));
    }
    const h = typeof dt === 'number' ? dt : tf.reshape(dt, [-1, 1, 1]);
    return normalizeRowsTensor(tf.add(x, tf.mul(attentionDriftTensor(x, model, hooks, gram), h)));
  });

/** Classical RK4 on the projected field, then renormalisation (spec §5, "Integrator"). */
const rk4SphereStepTensor: SphereStep = (x, model, dt, hooks, gram) =>
  tf.tidy(() => {
    const h = typeof dt === 'number' ? tf.scalar(dt) : tf.reshape(dt, [-1, 1, 1]);
    const half = tf.mul(h, 0.5);
    const f = (y: tf.Tensor): tf.Tensor => attentionVelocity(y, model, hooks);
    const k1 = attentionVelocity(x, model, hooks, gram);
    const k2 = f(tf.add(x, tf.mul(k1, half)));
    const k3 = f(tf.add(x, tf.mul(hooks.rk4StageSlip ? k1 : k2, half)));
    const k4 = f(tf.add(x, tf.mul(k3, h)));
    const incr = tf.addN([k1, tf.mul(k2, 2), tf.mul(k3, 2), k4]);
    return normalizeRowsTensor(tf.add(x, tf.mul(incr, tf.div(h, 6))));
  });

const SPHERE_STEPS: Readonly<Record<SphereIntegrator, SphereStep>> = {
  'euler-renormalize': eulerRenormalizeStepTensor,
  rk4: rk4SphereStepTensor,
};

interface IntegrateOptions {
  readonly integrator: SphereIntegrator;
  readonly dt: number | tf.Tensor;
  readonly steps: number;
  /**
   * Called with (slot, step, x) at every step listed in `recordSteps` (ascending); the callback must not keep
   * x (it is disposed after the call) but may return a tensor to keep (e.g. tf.clone(x) or a Gram matrix).
   */
  readonly recordSteps?: ArrayLike<number>;
  readonly onRecord?: (slot: number, step: number, x: tf.Tensor) => tf.Tensor | void;
  /**
   * Keep the Gram matrix x xᵀ at every recorded step instead of calling `onRecord`; the step from there
   * reuses it for its logits, so a recorded Gram matrix costs no product of its own.
   */
  readonly recordGram?: boolean;
}

/**
 * Integrate [B, n, d] particles for `steps` steps; returns the final state and the tensors `onRecord`
 * returned (the caller disposes them all).
 */
export function integrateSphereTensor(
  x0: tf.Tensor,
  model: TfjsAttentionModel,
  o: IntegrateOptions,
  hooks: SphereDynamicsHooks,
): { final: tf.Tensor; kept: tf.Tensor[] } {
  const kept: tf.Tensor[] = [];
  const record = o.recordSteps ?? [];
  let slot = 0;
  const step = SPHERE_STEPS[o.integrator];
  let x = tf.clone(x0);
  try {
    for (let s = 0; s <= o.steps; s++) {
      let gram: tf.Tensor | undefined;
      if (slot < record.length && record[slot] === s) {
        const k = o.recordGram ? (gram = tf.matMul(x, x, false, true)) : o.onRecord?.(slot, s, x);
        if (k) kept.push(k);
        slot++;
      }
      if (s === o.steps) break;
      const next = step(x, model, o.dt, hooks, gram);
      x.dispose();
      x = next;
    }
    return { final: x, kept };
  } catch (e) {
    x.dispose();
    tf.dispose(kept);
    throw e;
  }
}
