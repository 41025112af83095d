/**
 * Batched self-attention dynamics on the sphere on tfjs tensors [B, n, d] (float32), the SphereDynamics
 * capability: the attention field of GLPR (arXiv 2312.10794) eqs. 2.3–2.6 (SA) and §3.3 (USA) with a general
 * bilinear form B = KᵀQ and value matrix V per instance (sphere-field.ts), the authors' explicit Euler +
 * renormalisation scheme and RK4 on the sphere (sphere-integrators.ts), and the interaction energies of
 * spec §2.1 (sphere-energy.ts: log-sum-exp in float32, the exponential in float64). The USA field in log
 * scale (its factor e^{max L}/n overflows float32 past β ≈ 89) is impl/tfjs/usa-log-scale.ts. Hooks
 * (sphere-hooks.ts) plant bugs for the mutant catalogue.
 */
import * as tf from '@tensorflow/tfjs-core';
import type {
  AttentionNormalization,
  SimulateOptions,
  SphereBatch,
  SphereDynamics,
  SphereTrajectory,
} from '../capabilities/sphere-dynamics.js';
import { NumericalError } from '../errors.js';
import { FLOAT32_LOG_MAX, FLOAT32_MAX, assertFloat32Range, sci } from '../float32-range.js';
import {
  storedSteps,
  validateEnergyInput,
  validateSampleRequest,
  validateSimulateInput,
  validateVelocityInput,
} from '../sphere-input.js';
import { tfjsArithmetic } from './arithmetic.js';
import { f32 } from './f32.js';
import { assertSphereRange } from './float32-input.js';
import { interactionEnergyHost } from './sphere-energy.js';
import {
  applyRows,
  attentionLogits,
  attentionVelocity,
  tangentProject,
  type TfjsAttentionModel,
} from './sphere-field.js';
import type { SphereDynamicsHooks } from './sphere-hooks.js';
import { integrateSphereTensor } from './sphere-integrators.js';
import { depthwiseApplies, integrateDepthwise } from './sphere-depthwise.js';
import { bilinearInSpan, spanBasis, statesFromSpan } from '../reference/span-basis.js';
import { applyLogScale, logScaledDrift } from './usa-log-scale.js';

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

/**
 * The batch as tensors (after its float32 range check) handed to `use`; they are disposed afterwards,
 * whatever `use` returns or throws.
 */
async function withBatchTensors<T>(
  batch: SphereBatch,
  normalization: AttentionNormalization,
  use: (x: tf.Tensor, model: TfjsAttentionModel) => Promise<T>,
): Promise<T> {
  assertSphereRange(batch);
  const { x, model } = batchTensors(batch, normalization);
  try {
    return await use(x, model);
  } finally {
    x.dispose();
    disposeModel(model);
  }
}

/**
 * Integrate a batch, in span coordinates when d > n and V = I (impl/reference/span-basis.ts): the trajectory
 * never leaves span{x_i(0)}, so n coordinates carry it exactly and each field evaluation costs 4n³ flops
 * instead of 4n²d; Gram matrices come back as they are, states mapped back to R^d.
 */
async function simulate(batch: SphereBatch, o: SimulateOptions, hooks: SphereDynamicsHooks): Promise<SphereTrajectory> {
  validateSimulateInput(batch, o);
  assertSphereRange(batch);
  assertFloat32Range('dt', [o.dt]);
  const { B, n, d } = batch;
  if (batch.value !== undefined || d <= n) return integrateBatch(batch, o, hooks);
  const basis = spanBasis(batch.x, B, n, d);
  const inSpan = await integrateBatch(
    {
      B,
      n,
      d: n,
      x: basis.y,
      beta: batch.beta,
      ...(batch.bilinear ? { bilinear: bilinearInSpan(basis, batch.bilinear) } : {}),
    },
    o,
    hooks,
  );
  return inSpan.states
    ? { ...inSpan, d, states: statesFromSpan(basis, inSpan.states, inSpan.stored) }
    : { ...inSpan, d };
}

/** The batched integration on tfjs tensors [B, n, d], every stored state read back once at the end. */
async function integrateBatch(
  batch: SphereBatch,
  o: SimulateOptions,
  hooks: SphereDynamicsHooks,
): Promise<SphereTrajectory> {
  const { B, n, d } = batch;
  const stepIndex = storedSteps(o.steps, o.recordEvery);
  const gram = o.record === 'gram';
  const { x, model } = batchTensors(batch, o.normalization);
  let kept: tf.Tensor[] = [];
  let final: tf.Tensor | undefined;
  try {
    const plan = { integrator: o.integrator, dt: o.dt, steps: o.steps, recordSteps: stepIndex, recordGram: gram };
    const r = depthwiseApplies({ normalization: o.normalization, ...batch }, hooks)
      ? integrateDepthwise(x, model.beta, plan, hooks)
      : integrateSphereTensor(x, model, { ...plan, onRecord: (_slot, _step, y) => tf.clone(y) }, hooks);
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
      validateVelocityInput(batch, normalization);
      return withBatchTensors(batch, normalization, async (x, model) => {
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
      });
    },
    simulate: (batch, options) => simulate(batch, options, hooks),
    async energy(batch, normalization) {
      validateEnergyInput(batch, normalization);
      return withBatchTensors(batch, 'softmax', (x, model) =>
        interactionEnergyHost(x, model.beta, batch.beta, normalization, model.value, hooks),
      );
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
