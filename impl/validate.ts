/**
 * Input validation shared by every implementation. Each check throws an {@link InputError}
 * naming the argument, so that bad input never reaches tfjs.
 */
import { InputError } from './errors.js';

type Numeric = ArrayLike<number>;

/** Every entry finite (no NaN, no ±∞). */
export function assertFinite(name: string, values: Numeric): void {
  // fast pass: x·0 is 0 for finite x and NaN for ±∞ and NaN, so the sum is 0 exactly when every entry is finite
  let probe = 0;
  for (let i = 0; i < values.length; i++) probe += values[i]! * 0;
  if (probe === 0) return;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      throw new InputError(name, `entry ${i} is ${v}; all entries must be finite numbers`);
    }
  }
}

/** "is missing" for undefined, else "got <value>" (or "got <description>"), for messages. */
export function gotOrMissing(value: unknown, description: string = String(value)): string {
  return value === undefined ? 'is missing' : `got ${description}`;
}

/** A positive integer dimension. */
export function assertDimension(name: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min) {
    throw new InputError(name, `must be an integer ≥ ${min}, ${gotOrMissing(value)}`);
  }
}

/**
 * An options argument: a non-null object. `fields` lists the expected fields for the message, e.g.
 * '{iterations, domain}'. With `required` false, undefined is accepted (the defaults apply).
 */
export function assertOptions(value: unknown, fields: string, required = true): void {
  if (value === undefined && !required) return;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const what = value === null ? 'null' : typeof value;
    throw new InputError('options', `must be an object ${fields}, ${gotOrMissing(value, what)}`);
  }
}

/** An optional boolean flag. */
export function assertOptionalBoolean(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new InputError(name, `must be true or false when given, ${gotOrMissing(value)}`);
  }
}

/** A Float64Array argument (typed-array methods are used on it). */
export function assertFloat64Array(name: string, value: unknown): asserts value is Float64Array {
  if (!(value instanceof Float64Array)) {
    const what = Array.isArray(value) ? 'a plain array' : typeof value;
    throw new InputError(name, `must be a Float64Array, ${gotOrMissing(value, what)}`);
  }
}

/** Array length equals the product of the declared shape. */
export function assertLength(name: string, values: Numeric, shape: readonly number[]): void {
  const expected = shape.reduce((p, s) => p * s, 1);
  if (values.length !== expected) {
    throw new InputError(
      name,
      `expected shape [${shape.join(', ')}] (${expected} entries), got ${values.length} entries`,
    );
  }
}

/** An array of the declared shape (length = product of `shape`) whose entries are all finite. */
export function assertFiniteOfShape(name: string, values: Numeric, shape: readonly number[]): void {
  assertLength(name, values, shape);
  assertFinite(name, values);
}

/** Strictly positive finite scalars (regularisation ε, temperature, step size). */
export function assertPositive(name: string, values: Numeric | number): void {
  const arr: Numeric = typeof values === 'object' && values !== null ? values : [values];
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i]!;
    if (typeof v !== 'number' || !Number.isFinite(v) || !(v > 0)) {
      const entry = arr.length > 1 ? ` (entry ${i})` : '';
      throw new InputError(name, `must be a finite number > 0${entry}, ${gotOrMissing(v)}`);
    }
  }
}

/**
 * Batched marginal weights: shape [B, n], entries finite and ≥ 0, each row with positive mass.
 * Returns the row masses.
 */
export function assertWeights(name: string, values: Numeric, B: number, n: number): Float64Array {
  assertFiniteOfShape(name, values, [B, n]);
  const mass = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const v = values[b * n + i]!;
      if (v < 0) throw new InputError(name, `instance ${b}, entry ${i} is negative (${v}); weights must be ≥ 0`);
      s += v;
    }
    if (!(s > 0)) throw new InputError(name, `instance ${b} has zero total mass; a marginal must have positive mass`);
    mass[b] = s;
  }
  return mass;
}

/**
 * Balanced OT needs Σa = Σb per instance. Float32 inputs carry a relative rounding error of
 * about n·2⁻²⁴ in their sum, so masses are compared to 1e-5 relative.
 */
export function assertBalanced(massA: Float64Array, massB: Float64Array): void {
  for (let b = 0; b < massA.length; b++) {
    const rel = Math.abs(massA[b]! - massB[b]!) / Math.max(massA[b]!, massB[b]!);
    if (rel > 1e-5) {
      throw new InputError(
        'b',
        `instance ${b}: total mass ${massB[b]} differs from that of 'a' (${massA[b]}); balanced OT needs equal masses`,
      );
    }
  }
}
