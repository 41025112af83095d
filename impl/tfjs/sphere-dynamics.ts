/**
 * Batched self-attention dynamics on the sphere on tfjs tensors [B, n, d] (float32): the attention field of
 * GLPR (arXiv 2312.10794) eqs. 2.3–2.6 (SA) and §3.3 (USA) with a general bilinear form B = KᵀQ and value
 * matrix V per instance, β per instance (β = 0 allowed), the authors' explicit Euler + renormalisation
 * scheme (phase-diagrams.py; spec §1.3) and RK4 on the sphere, and the interaction energies of spec §2.1.
 *
 * Public API (also used by the measure-interpolation family):
 *  - {@link attentionLogits}, {@link attentionWeights}, {@link attentionDriftTensor}, {@link tangentProject},
 *    {@link attentionVelocity}: the field, log-sum-exp stabilised (logits are max-shifted per row);
 *  - {@link eulerRenormalizeStepTensor}, {@link rk4SphereStepTensor}, {@link integrateSphereTensor}: integrators;
 *  - interaction energies: impl/tfjs/sphere-energy.ts (log-sum-exp in float32, the exponential in float64);
 *  - the USA field in log scale (its factor e^{max L}/n overflows float32 past β ≈ 89): impl/tfjs/usa-log-scale.ts;
 *  - {@link createTfjsSphereDynamics}: the SphereDynamics capability, with hooks for the mutant catalogue.
 * Every function takes and returns tensors it does not own the inputs of; results are new tensors the
 * caller disposes.
 */
import * as tf from '@tensorflow/tfjs-core';
import { NumericalError } from '../errors.js';
import { FLOAT32_LOG_MAX, FLOAT32_MAX, assertFloat32Range, sci } from '../float32-range.js';
import { assertSphereRange } from './float32-input.js';
import { interactionEnergyHost } from './sphere-energy.js';
import { applyLogScale, logScaledDrift, logScaledEulerStep } from './usa-log-scale.js';
import type {
  AttentionNormalization,
  SimulateOptions,
  SphereBatch,
  SphereDynamics,
  SphereIntegrator,
  SphereTrajectory,
} from '../capabilities/sphere-dynamics.js';
import {
  storedSteps,
  validateEnergyRequest,
  validateNormalization,
  validateSampleRequest,
  validateSimulateOptions,
  validateSphereBatch,
} from '../sphere-input.js';
import { tfjsArithmetic } from './arithmetic.js';

/** The attention model of a batch as tensors. */
interface TfjsAttentionModel {
  /** β per instance, shape [B]. */
  readonly beta: tf.Tensor;
  /** B = KᵀQ per instance, shape [B, d, d] (logits β⟨Bx_i, x_j⟩); identity when omitted. */
  readonly bilinear?: tf.Tensor;
  /** V per instance, shape [B, d, d]; identity when omitted. */
  readonly value?: tf.Tensor;
  readonly normalization: AttentionNormalization;
}

/**
 * Planted bugs for impl/mutants/dynamics.ts (the correct implementation uses none):
 *  - skipProjection: ẋ = Σ_j A_ij V x_j without P⊥ (the ODE leaves the sphere's tangent space);
 *  - softmaxAxis 1: attention normalised over the query axis i instead of the key axis j;
 *  - betaPower 2: logits β²⟨Bx_i, x_j⟩ (β applied twice);
 *  - energyPairCount 'n': mean-field energy divided by 2βn instead of 2βn².
 */
export interface SphereDynamicsHooks {
  readonly skipProjection?: boolean;
  readonly softmaxAxis?: 1 | 2;
  readonly betaPower?: number;
  readonly energyPairCount?: 'n' | 'n2';
  /** RK4's third stage evaluated from k₁ instead of k₂ (a copy-paste slip: the method drops to second order). */
  readonly rk4StageSlip?: boolean;
}

/**
 * Row-wise matrix action y_i = M x_i for a batch of [B, d, d] matrices: Y = X Mᵀ; x itself when M is the
 * identity (callers use the result inside a tidy and never dispose it).
 */
function applyRows(x: tf.Tensor, M: tf.Tensor | undefined): tf.Tensor {
  return M ? tf.matMul(x, M, false, true) : x;
}

/** Logits L_ij = β⟨Bx_i, x_j⟩ (GLPR eq. 2.4), shape [B, n, n]. */
function attentionLogits(x: tf.Tensor, model: TfjsAttentionModel, hooks: SphereDynamicsHooks = {}): tf.Tensor {
  return tf.tidy(() => {
    const bx = applyRows(x, model.bilinear);
    const beta = hooks.betaPower && hooks.betaPower !== 1 ? tf.pow(model.beta, hooks.betaPower) : model.beta;
    return tf.mul(tf.matMul(bx, x, false, true), tf.reshape(beta, [-1, 1, 1]));
  });
}

/**
 * Attention weights, shape [B, n, n]: SA A_ij = e^{L_ij − max_k L_ik}/Σ_k e^{L_ik − max_k L_ik} (max-shifted
 * softmax, exact for any β), USA A_ij = e^{L_ij}/n = e^{L_ij − m_i}·e^{m_i}/n with m_i = max_k L_ik.
 * Under USA e^{β} overflows float32 for β > 88.7 (spec §6); rescale time by e^{β} there.
 */
function attentionWeights(x: tf.Tensor, model: TfjsAttentionModel, hooks: SphereDynamicsHooks = {}): tf.Tensor {
  return tf.tidy(() => {
    const L = attentionLogits(x, model, hooks);
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

/** The drift before projection Σ_j A_ij V x_j (GLPR eq. 2.3 inside P⊥), shape [B, n, d]. */
function attentionDriftTensor(x: tf.Tensor, model: TfjsAttentionModel, hooks: SphereDynamicsHooks = {}): tf.Tensor {
  return tf.tidy(() => tf.matMul(attentionWeights(x, model, hooks), applyRows(x, model.value)));
}

/** P⊥_x v = v − ⟨x, v⟩x for every row (the projection on T_x S^{d−1}). */
function tangentProject(x: tf.Tensor, v: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sub(v, tf.mul(tf.sum(tf.mul(x, v), -1, true), x)));
}

/** The projected field ẋ_i = P⊥_{x_i}(Σ_j A_ij V x_j) (GLPR eq. 2.3), shape [B, n, d]. */
function attentionVelocity(x: tf.Tensor, model: TfjsAttentionModel, hooks: SphereDynamicsHooks = {}): tf.Tensor {
  return tf.tidy(() => {
    const drift = attentionDriftTensor(x, model, hooks);
    return hooks.skipProjection ? drift : tangentProject(x, drift);
  });
}

/** Each row divided by its Euclidean norm. */
function normalizeRowsTensor(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.div(x, tf.sqrt(tf.sum(tf.square(x), -1, true))));
}

/**
 * The authors' step (spec §1.3): x ← (x + dt·Σ_j A_ij V x_j)/‖·‖ — explicit Euler on the unprojected drift,
 * then renormalisation (= x + dt·P⊥drift + O(dt²)). `dt` is a scalar or a per-instance tensor [B].
 */
function eulerRenormalizeStepTensor(
  x: tf.Tensor,
  model: TfjsAttentionModel,
  dt: number | tf.Tensor,
  hooks: SphereDynamicsHooks = {},
): tf.Tensor {
  return tf.tidy(() => {
    if (model.normalization === 'unnormalized') {
      // USA: the field's factor e^{max_j L_ij}/n overflows float32 past β ≈ 89; the step is scale-invariant
      const field = logScaledDrift(attentionLogits(x, model, hooks), applyRows(x, model.value));
      return logScaledEulerStep(x, field, typeof dt === 'number' ? Math.log(dt) : tf.log(dt));
    }
    const h = typeof dt === 'number' ? dt : tf.reshape(dt, [-1, 1, 1]);
    return normalizeRowsTensor(tf.add(x, tf.mul(attentionDriftTensor(x, model, hooks), h)));
  });
}

/** Classical RK4 on the projected field, then renormalisation (spec §5, "Integrator"). */
function rk4SphereStepTensor(
  x: tf.Tensor,
  model: TfjsAttentionModel,
  dt: number | tf.Tensor,
  hooks: SphereDynamicsHooks = {},
): tf.Tensor {
  return tf.tidy(() => {
    const h = typeof dt === 'number' ? tf.scalar(dt) : tf.reshape(dt, [-1, 1, 1]);
    const half = tf.mul(h, 0.5);
    const f = (y: tf.Tensor): tf.Tensor => attentionVelocity(y, model, hooks);
    const k1 = f(x);
    const k2 = f(tf.add(x, tf.mul(k1, half)));
    const k3 = f(tf.add(x, tf.mul(hooks.rk4StageSlip ? k1 : k2, half)));
    const k4 = f(tf.add(x, tf.mul(k3, h)));
    const incr = tf.addN([k1, tf.mul(k2, 2), tf.mul(k3, 2), k4]);
    return normalizeRowsTensor(tf.add(x, tf.mul(incr, tf.div(h, 6))));
  });
}

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
}

/**
 * Integrate [B, n, d] particles for `steps` steps; returns the final state and the tensors `onRecord`
 * returned (the caller disposes them all).
 */
function integrateSphereTensor(
  x0: tf.Tensor,
  model: TfjsAttentionModel,
  o: IntegrateOptions,
  hooks: SphereDynamicsHooks = {},
): { final: tf.Tensor; kept: tf.Tensor[] } {
  const kept: tf.Tensor[] = [];
  const record = o.recordSteps ?? [];
  let slot = 0;
  let x = tf.clone(x0);
  try {
    for (let s = 0; s <= o.steps; s++) {
      if (slot < record.length && record[slot] === s) {
        const k = o.onRecord?.(slot, s, x);
        if (k) kept.push(k);
        slot++;
      }
      if (s === o.steps) break;
      const next =
        o.integrator === 'rk4'
          ? rk4SphereStepTensor(x, model, o.dt, hooks)
          : eulerRenormalizeStepTensor(x, model, o.dt, hooks);
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

/** A float32 tensor from float64 data. */
function f32(data: Float64Array, shape: number[]): tf.Tensor {
  return tf.tensor(Float32Array.from(data), shape, 'float32');
}

/** The batch's tensors (the caller disposes them with {@link disposeModel}). */
function batchTensors(
  batch: SphereBatch,
  normalization: AttentionNormalization,
): { x: tf.Tensor; model: TfjsAttentionModel } {
  const { B, n, d } = batch;
  return {
    x: f32(batch.x, [B, n, d]),
    model: {
      beta: f32(batch.beta, [B]),
      normalization,
      ...(batch.bilinear ? { bilinear: f32(batch.bilinear, [B, d, d]) } : {}),
      ...(batch.value ? { value: f32(batch.value, [B, d, d]) } : {}),
    },
  };
}

function disposeModel(m: TfjsAttentionModel): void {
  tf.dispose([m.beta, ...(m.bilinear ? [m.bilinear] : []), ...(m.value ? [m.value] : [])]);
}

async function simulate(batch: SphereBatch, o: SimulateOptions, hooks: SphereDynamicsHooks): Promise<SphereTrajectory> {
  validateSphereBatch(batch);
  validateSimulateOptions(o);
  assertSphereRange(batch);
  assertFloat32Range('dt', [o.dt]);
  const { B, n, d } = batch;
  const stepIndex = storedSteps(o.steps, o.recordEvery);
  const gram = o.record === 'gram';
  const { x, model } = batchTensors(batch, o.normalization);
  let kept: tf.Tensor[] = [];
  let final: tf.Tensor | undefined;
  try {
    const r = integrateSphereTensor(
      x,
      model,
      {
        integrator: o.integrator,
        dt: o.dt,
        steps: o.steps,
        recordSteps: stepIndex,
        onRecord: (_slot, _step, y) => (gram ? tf.matMul(y, y, false, true) : tf.clone(y)),
      },
      hooks,
    );
    kept = r.kept;
    final = r.final;
    const stacked = tf.stack(kept, 1);
    const data = await stacked.data();
    stacked.dispose();
    const out = Float64Array.from(data);
    if (!out.every(Number.isFinite)) {
      throw new NumericalError(
        `tfjs sphere dynamics: the ${o.integrator} states left the float32 range ` +
          `(largest finite float32 ${sci(FLOAT32_MAX)}; ` +
          `the ${o.normalization} field e^{β⟨Bx,x⟩} overflows past β ≈ ${FLOAT32_LOG_MAX.toFixed(1)}): ` +
          "use integrator 'euler-renormalize' (log-scaled under USA), a smaller dt, or a float64 implementation",
      );
    }
    return { B, n, d, stored: stepIndex.length, stepIndex, ...(gram ? { gram: out } : { states: out }) };
  } finally {
    tf.dispose([x, ...kept, ...(final ? [final] : [])]);
    disposeModel(model);
  }
}

/** The tfjs SphereDynamics capability (float32), optionally with planted bugs for the mutant catalogue. */
export function createTfjsSphereDynamics(name = 'tfjs', hooks: SphereDynamicsHooks = {}): SphereDynamics {
  return {
    name,
    precision: 'float32',
    get arithmetic() {
      return tfjsArithmetic();
    },
    async velocity(batch, normalization) {
      validateSphereBatch(batch);
      validateNormalization(normalization);
      assertSphereRange(batch);
      const { x, model } = batchTensors(batch, normalization);
      try {
        if (normalization === 'unnormalized') {
          // USA in log scale: the float32 shifted field, its factor e^{m_i}/n applied in float64
          const field = tf.tidy(() => {
            const f = logScaledDrift(attentionLogits(x, model, hooks), applyRows(x, model.value));
            return { w: hooks.skipProjection ? f.w : tangentProject(x, f.w), logScale: f.logScale };
          });
          return await applyLogScale(field, batch.beta);
        }
        const v = attentionVelocity(x, model, hooks);
        const data = await v.data();
        v.dispose();
        return Float64Array.from(data);
      } finally {
        x.dispose();
        disposeModel(model);
      }
    },
    simulate: (batch, options) => simulate(batch, options, hooks),
    async energy(batch, normalization) {
      validateSphereBatch(batch);
      validateEnergyRequest(batch, normalization);
      assertSphereRange(batch);
      const { x, model } = batchTensors(batch, 'softmax');
      try {
        return await interactionEnergyHost(x, model.beta, batch.beta, normalization, model.value, hooks);
      } finally {
        x.dispose();
        disposeModel(model);
      }
    },
    /** g/‖g‖ with g ~ N(0, I_d) drawn by tf.randomNormal (seeded), normalised in float32. */
    async sampleUniform(count, d, seed) {
      validateSampleRequest(count, d, seed);
      const t = tf.tidy(() => {
        const g = tf.randomNormal([count, d], 0, 1, 'float32', seed);
        return tf.div(g, tf.norm(g, 'euclidean', 1, true));
      });
      const data = await t.data();
      t.dispose();
      return Float64Array.from(data);
    },
  };
}
