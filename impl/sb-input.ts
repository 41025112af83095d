/** Validation of SB-attention inputs, shared by every implementation (reference, tfjs, mutants, plug-ins). */
import type {
  ParticleBatch,
  SBIterateOptions,
  SBSolveOptions,
  SBTrajectory,
  SinkformerBatch,
  SinkformerOptions,
} from './capabilities/sb-attention.js';
import { InputError } from './errors.js';
import {
  assertDimension,
  assertFiniteOfShape,
  assertFloat64Array,
  assertLength,
  assertOptions,
  assertPositive,
} from './validate.js';

/**
 * Throws an InputError naming the argument for NaN, ±∞, ε ≤ 0, a wrong shape, an empty particle set
 * (n = 0) or non-positive weights.
 */
function validateParticleBatch(batch: ParticleBatch): void {
  if (batch === null || typeof batch !== 'object') throw new InputError('batch', 'must be an object {B, n, d, x, eps}');
  assertDimension('B', batch.B);
  if (batch.n === 0) throw new InputError('n', 'the particle set is empty; an SB step needs at least one particle');
  assertDimension('n', batch.n);
  assertDimension('d', batch.d);
  assertFloat64Array('x', batch.x);
  assertFloat64Array('eps', batch.eps);
  assertFiniteOfShape('x', batch.x, [batch.B, batch.n, batch.d]);
  assertLength('eps', batch.eps, [batch.B]);
  assertPositive('eps', batch.eps);
  if (batch.weights !== undefined) {
    assertFloat64Array('weights', batch.weights);
    assertLength('weights', batch.weights, [batch.B, batch.n]);
    assertPositive('weights', batch.weights);
  }
}

function validateSolveOptions(options: SBSolveOptions, batch: ParticleBatch): void {
  assertOptions(options, '{tolerance, maxIterations, initLogPotential?}');
  assertPositive('tolerance', options.tolerance);
  assertDimension('maxIterations', options.maxIterations, 1);
  if (options.initLogPotential !== undefined) {
    assertFloat64Array('initLogPotential', options.initLogPotential);
    assertFiniteOfShape('initLogPotential', options.initLogPotential, [batch.B, batch.n]);
  }
}

/** The arguments of `plan` and `step`: the particle batch, then the solve options against its shape. */
export function validateSolveInput(batch: ParticleBatch, options: SBSolveOptions): void {
  validateParticleBatch(batch);
  validateSolveOptions(options, batch);
}

/** The arguments of `iterate`: the particle batch, then the solve options and the step count K ≥ 0. */
export function validateIterateInput(batch: ParticleBatch, options: SBIterateOptions): void {
  validateParticleBatch(batch);
  assertOptions(options, '{tolerance, maxIterations, steps, recordEvery?, initLogPotential?}');
  validateSolveOptions(options, batch);
  assertDimension('steps', options.steps, 0);
  if (options.recordEvery !== undefined) assertDimension('recordEvery', options.recordEvery, 1);
}

/** The recorded steps of `iterate`: 0, every `every`-th step, and K (deduplicated, increasing). */
export function recordedStepList(K: number, every?: number): number[] {
  const s = new Set<number>([0, K]);
  if (every) for (let k = every; k < K; k += every) s.add(k);
  return [...s].sort((a, b) => a - b);
}

/**
 * The zero-filled trajectory of `iterate(batch, options)` (AHMP24 Alg. 1 run for K steps): states
 * [B, recordedSteps, n, d], Sinkhorn iteration counts [B, K], worst residual per instance [B].
 */
export function emptyTrajectory(batch: ParticleBatch, options: SBIterateOptions): SBTrajectory {
  const { B, n, d } = batch;
  const recordedSteps = recordedStepList(options.steps, options.recordEvery);
  return {
    B,
    n,
    d,
    recordedSteps,
    x: new Float64Array(B * recordedSteps.length * n * d),
    iterations: new Float64Array(B * options.steps),
    residual: new Float64Array(B),
  };
}

export function validateSinkformerBatch(batch: SinkformerBatch, options: SinkformerOptions): void {
  if (batch === null || typeof batch !== 'object')
    throw new InputError('batch', 'must be an object {B, n, d, x, WQ, WK, WV, eps}');
  assertDimension('B', batch.B);
  if (batch.n === 0) throw new InputError('n', 'the token set is empty; a layer needs at least one token');
  assertDimension('n', batch.n);
  assertDimension('d', batch.d);
  for (const k of ['x', 'WQ', 'WK', 'WV', 'eps'] as const) assertFloat64Array(k, batch[k]);
  assertFiniteOfShape('x', batch.x, [batch.B, batch.n, batch.d]);
  for (const k of ['WQ', 'WK', 'WV'] as const) {
    assertFiniteOfShape(k, batch[k], [batch.B, batch.d, batch.d]);
  }
  assertLength('eps', batch.eps, [batch.B]);
  assertPositive('eps', batch.eps);
  assertOptions(options, '{iterations, layers?}');
  assertDimension('iterations', options.iterations, 1);
  if (options.layers !== undefined) assertDimension('layers', options.layers, 1);
}
