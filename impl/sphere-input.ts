/**
 * Validation of a sphere-dynamics batch, shared by every implementation (reference, tfjs, mutants,
 * plug-ins). Every check throws an InputError naming the argument (docs/architecture.md, "Hygiene").
 */
import type {
  AttentionNormalization,
  EnergyNormalization,
  SimulateOptions,
  SphereBatch,
} from './capabilities/sphere-dynamics.js';
import { InputError } from './errors.js';
import { assertDimension, assertFiniteOfShape, assertOptions, assertPositive, gotOrMissing } from './validate.js';

/**
 * Rows must lie on S^{d−1} up to this distance of ‖x_i‖ from 1: float32-rounded unit vectors are off by
 * ≤ √d·2⁻²⁴ ≈ 1e-6 for d ≤ 4096, so 1e-5 accepts them and rejects points that are not normalised.
 */
export const SPHERE_NORM_TOLERANCE = 1e-5;

/** Throws an InputError for NaN, ±∞, β < 0, shape mismatch, n = 0, or rows off the unit sphere. */
function validateSphereBatch(batch: SphereBatch): void {
  if (batch === null || typeof batch !== 'object')
    throw new InputError('batch', 'must be an object {B, n, d, x, beta}');
  const { B, n, d } = batch;
  assertDimension('B', B);
  assertDimension('n', n);
  assertDimension('d', d, 2);
  if (!(batch.x instanceof Float64Array)) throw new InputError('x', 'must be a Float64Array');
  if (!(batch.beta instanceof Float64Array)) throw new InputError('beta', 'must be a Float64Array');
  assertFiniteOfShape('x', batch.x, [B, n, d]);
  assertFiniteOfShape('beta', batch.beta, [B]);
  for (let b = 0; b < B; b++) {
    if (batch.beta[b]! < 0)
      throw new InputError('beta', `instance ${b} has β = ${batch.beta[b]}; the inverse temperature must be ≥ 0`);
  }
  for (const key of ['bilinear', 'value'] as const) {
    const M = batch[key];
    if (M === undefined) continue;
    if (!(M instanceof Float64Array)) throw new InputError(key, 'must be a Float64Array');
    assertFiniteOfShape(key, M, [B, d, d]);
  }
  for (let r = 0; r < B * n; r++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += batch.x[r * d + k]! ** 2;
    const norm = Math.sqrt(s);
    if (Math.abs(norm - 1) > SPHERE_NORM_TOLERANCE) {
      throw new InputError(
        'x',
        `instance ${Math.floor(r / n)}, particle ${r % n} has norm ${norm}; particles must lie on the unit sphere`,
      );
    }
  }
}

function validateNormalization(normalization: AttentionNormalization): void {
  if (normalization !== 'softmax' && normalization !== 'unnormalized') {
    throw new InputError('normalization', `must be 'softmax' or 'unnormalized', got ${String(normalization)}`);
  }
}

function validateSimulateOptions(o: SimulateOptions): void {
  assertOptions(o, '{normalization, integrator, dt, steps, recordEvery?, record?}');
  validateNormalization(o.normalization);
  if (o.integrator !== 'euler-renormalize' && o.integrator !== 'rk4') {
    throw new InputError('integrator', `must be 'euler-renormalize' or 'rk4', got ${String(o.integrator)}`);
  }
  assertPositive('dt', o.dt);
  if (!Number.isInteger(o.steps) || o.steps < 0)
    throw new InputError('steps', `must be an integer ≥ 0, got ${o.steps}`);
  if (o.recordEvery !== undefined) assertDimension('recordEvery', o.recordEvery, 1);
  if (o.record !== undefined && o.record !== 'states' && o.record !== 'gram') {
    throw new InputError('record', `must be 'states' or 'gram', got ${String(o.record)}`);
  }
}

/** Energies with a 1/(2β) factor need β > 0; 'shifted' accepts β = 0 (its limit). */
function validateEnergyRequest(batch: SphereBatch, normalization: EnergyNormalization): void {
  if (normalization !== 'mean-field' && normalization !== 'modified-metric' && normalization !== 'shifted') {
    throw new InputError(
      'normalization',
      `must be 'mean-field', 'modified-metric' or 'shifted', got ${String(normalization)}`,
    );
  }
  if (normalization !== 'shifted') assertPositive('beta', batch.beta);
}

/** The arguments of `velocity(batch, normalization)`: the batch, then an attention normalisation. */
export function validateVelocityInput(batch: SphereBatch, normalization: AttentionNormalization): void {
  validateSphereBatch(batch);
  validateNormalization(normalization);
}

/** The arguments of `simulate(batch, options)`: the batch, then the integration options. */
export function validateSimulateInput(batch: SphereBatch, options: SimulateOptions): void {
  validateSphereBatch(batch);
  validateSimulateOptions(options);
}

/** The arguments of `energy(batch, normalization)`: the batch, then an energy normalisation valid for its β. */
export function validateEnergyInput(batch: SphereBatch, normalization: EnergyNormalization): void {
  validateSphereBatch(batch);
  validateEnergyRequest(batch, normalization);
}

/** `sampleUniform(count, d, seed)`: count ≥ 1, d ≥ 2, an integer seed. */
export function validateSampleRequest(count: number, d: number, seed: number): void {
  assertDimension('count', count);
  assertDimension('d', d, 2);
  if (!Number.isSafeInteger(seed)) throw new InputError('seed', `must be an integer, ${gotOrMissing(seed)}`);
}

/** The step indices of the stored states: 0, every k-th, and the last. */
export function storedSteps(steps: number, recordEvery: number | undefined): Int32Array {
  const every = recordEvery ?? Math.max(steps, 1);
  const out: number[] = [];
  for (let s = 0; s <= steps; s += every) out.push(s);
  if (out[out.length - 1] !== steps) out.push(steps);
  return Int32Array.from(out);
}
