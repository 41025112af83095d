/**
 * The float64 reference exposed through the SphereDynamics capability (GLPR, arXiv 2312.10794, eqs. 2.3–2.6,
 * §3.3), so that every dynamics claim can also be run against the oracle itself (`--impl reference`): in
 * float64 the claims are checked as mathematics rather than as float32 software.
 */
import { sampleUniformSphere } from './sphere-sampler.js';
import type {
  AttentionNormalization,
  SimulateOptions,
  SphereBatch,
  SphereDynamics,
} from '../capabilities/sphere-dynamics.js';
import {
  storedSteps,
  validateEnergyInput,
  validateSampleRequest,
  validateSimulateInput,
  validateVelocityInput,
} from '../sphere-input.js';
import { interactionEnergy } from './interaction-energy.js';
import {
  attentionDrift,
  attentionField,
  eulerRenormalizeStep,
  gramMatrix,
  rk4SphereStep,
  type AttentionParams,
} from './sphere.js';

/** The attention parameters of instance b (views into the batch's matrices). */
function instanceParams(batch: SphereBatch, b: number, normalization: AttentionNormalization): AttentionParams {
  const dd = batch.d * batch.d;
  return {
    beta: batch.beta[b]!,
    normalization,
    ...(batch.bilinear ? { B: batch.bilinear.subarray(b * dd, (b + 1) * dd) } : {}),
    ...(batch.value ? { V: batch.value.subarray(b * dd, (b + 1) * dd) } : {}),
  };
}

/** Configuration of instance b as a copy (row-major [n, d]). */
function instanceConfiguration(batch: SphereBatch, b: number): Float64Array {
  const nd = batch.n * batch.d;
  return batch.x.slice(b * nd, (b + 1) * nd);
}

/** Integrate one instance; `store(slot, x)` receives every recorded state. */
function simulateInstance(
  x0: Float64Array,
  n: number,
  d: number,
  p: AttentionParams,
  o: SimulateOptions,
  steps: Int32Array,
  store: (slot: number, x: Float64Array) => void,
): void {
  const field = attentionField(n, d, p);
  let x = x0;
  let slot = 0;
  for (let s = 0; s <= o.steps; s++) {
    if (steps[slot] === s) store(slot++, x);
    if (s === o.steps) break;
    x =
      o.integrator === 'rk4'
        ? rk4SphereStep(x, field, s * o.dt, o.dt, n, d)
        : eulerRenormalizeStep(x, attentionDrift(x, n, d, p), n, d, o.dt);
  }
}

/** Batched float64 sphere dynamics built on impl/reference/sphere.ts. */
export function createReferenceSphereDynamics(): SphereDynamics {
  return {
    name: 'reference',
    precision: 'float64',
    async sampleUniform(count, d, seed) {
      validateSampleRequest(count, d, seed);
      return sampleUniformSphere(count, d, seed);
    },
    async velocity(batch, normalization) {
      validateVelocityInput(batch, normalization);
      const { B, n, d } = batch;
      const out = new Float64Array(B * n * d);
      for (let b = 0; b < B; b++)
        out.set(
          attentionField(n, d, instanceParams(batch, b, normalization))(instanceConfiguration(batch, b), 0),
          b * n * d,
        );
      return out;
    },
    async simulate(batch, options) {
      validateSimulateInput(batch, options);
      const { B, n, d } = batch;
      const stepIndex = storedSteps(options.steps, options.recordEvery);
      const S = stepIndex.length;
      const gram = options.record === 'gram';
      const out = new Float64Array(B * S * n * (gram ? n : d));
      for (let b = 0; b < B; b++) {
        simulateInstance(
          instanceConfiguration(batch, b),
          n,
          d,
          instanceParams(batch, b, options.normalization),
          options,
          stepIndex,
          (slot, x) => {
            out.set(gram ? gramMatrix(x, n, d) : x, (b * S + slot) * n * (gram ? n : d));
          },
        );
      }
      return { B, n, d, stored: S, stepIndex, ...(gram ? { gram: out } : { states: out }) };
    },
    async energy(batch, normalization) {
      validateEnergyInput(batch, normalization);
      const { B, n, d } = batch;
      const out = new Float64Array(B);
      for (let b = 0; b < B; b++) {
        const V = batch.value?.subarray(b * d * d, (b + 1) * d * d);
        out[b] = interactionEnergy(batch.x, n, d, batch.beta[b]!, normalization, V, b * n * d);
      }
      return out;
    },
  };
}
