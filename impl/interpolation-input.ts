/**
 * Validation for the interpolator capability (GRR arXiv 2411.04551), shared by every implementation
 * (reference, mutants, plug-ins). Every check throws an InputError naming the argument.
 */
import type { MeasureFamily, ParameterPiece, Schedule } from './capabilities/interpolator.js';
import { InputError } from './errors.js';
import { SPHERE_NORM_TOLERANCE } from './sphere-input.js';
import {
  assertDimension,
  assertFinite,
  assertFiniteOfShape,
  assertLength,
  assertOptionalBoolean,
  assertOptions,
  assertPositive,
} from './validate.js';

/** Rows of `x` ([·, d]) finite and on S^{d−1} within {@link SPHERE_NORM_TOLERANCE}. */
export function assertOnSphere(name: string, x: ArrayLike<number>, d: number): void {
  assertFinite(name, x);
  if (x.length % d !== 0) throw new InputError(name, `length ${x.length} is not a multiple of d = ${d}`);
  for (let r = 0; r < x.length / d; r++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += x[r * d + k]! ** 2;
    if (Math.abs(Math.sqrt(s) - 1) > SPHERE_NORM_TOLERANCE) {
      throw new InputError(name, `row ${r} has norm ${Math.sqrt(s)}; points must lie on the unit sphere S^{d−1}`);
    }
  }
}

/** N ≥ 1 non-empty clouds of unit vectors in R^d (d ≥ dMin). */
export function validateFamily(family: MeasureFamily, dMin = 2): void {
  if (family === null || typeof family !== 'object') throw new InputError('family', 'must be an object {d, clouds}');
  assertDimension('d', family.d, dMin);
  if (!Array.isArray(family.clouds) || family.clouds.length === 0)
    throw new InputError('clouds', 'must be a non-empty array of Float64Array [n_i, d]');
  family.clouds.forEach((x, i) => {
    if (!(x instanceof Float64Array)) throw new InputError('clouds', `cloud ${i} must be a Float64Array`);
    if (x.length === 0) throw new InputError('clouds', `cloud ${i} is empty; a measure needs at least one token`);
    assertOnSphere('clouds', x, family.d);
  });
}

/** Every piece: duration finite ≥ 0, matrices d×d and b of length d, all finite. */
export function validateSchedule(schedule: Schedule, d: number): void {
  if (schedule === null || typeof schedule !== 'object' || !Array.isArray(schedule.pieces))
    throw new InputError('schedule', 'must be an object {d, pieces}');
  if (schedule.d !== d) throw new InputError('schedule', `is for d = ${schedule.d}, the measures live in d = ${d}`);
  schedule.pieces.forEach((p: ParameterPiece, k) => {
    if (!Number.isFinite(p.duration) || p.duration < 0)
      throw new InputError('schedule', `piece ${k} has duration ${p.duration}; durations must be finite and ≥ 0`);
    for (const key of ['V', 'B', 'W', 'U'] as const) {
      assertFiniteOfShape('schedule', p[key], [d, d]);
    }
    assertFiniteOfShape('schedule', p.b, [d]);
  });
}

/**
 * The optional options argument `{step?, …}` of evolve, toOrthant, disentangle, matchPoints: an object
 * when given; returns its natural step h > 0 (default 1e-2). `record` must be a boolean when given.
 */
export function validateStepOptions(
  options: { readonly step?: number; readonly record?: unknown } | undefined,
  fields = '{step?}',
): number {
  assertOptions(options, fields, false);
  assertOptionalBoolean('record', options?.record);
  return validateStep(options?.step);
}

/** Natural step h > 0 (when given). */
export function validateStep(step: number | undefined): number {
  if (step === undefined) return 1e-2;
  assertPositive('step', step);
  return step;
}

/** Theorem 1.1 input: d ≥ 3, N clouds, N distinct Dirac targets on the sphere, T > 0, ε > 0. */
export function validateConstructInput(family: MeasureFamily, targets: Float64Array, T: number, eps: number): void {
  if (family !== null && typeof family === 'object' && Number.isInteger(family.d) && family.d < 3) {
    throw new InputError(
      'd',
      `Theorem 1.1 needs d ≥ 3 (got d = ${family.d}): in d = 2 the particle order on the circle is preserved`,
    );
  }
  validateFamily(family, 3);
  const { d } = family;
  const N = family.clouds.length;
  if (!(targets instanceof Float64Array)) throw new InputError('targets', 'must be a Float64Array [N, d]');
  if (targets.length !== N * d)
    throw new InputError(
      'targets',
      `expected ${N} targets of dimension ${d} (${N * d} entries, one per cloud), got ${targets.length} entries`,
    );
  assertLength('targets', targets, [N, d]);
  assertOnSphere('targets', targets, d);
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += (targets[i * d + k]! - targets[j * d + k]!) ** 2;
      if (Math.sqrt(s) < 1e-9)
        throw new InputError(
          'targets',
          `targets ${i} and ${j} coincide; the standing assumption needs distinct targets`,
        );
    }
  }
  assertPositive('T', T);
  assertPositive('eps', eps);
}
