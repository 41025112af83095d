/**
 * Field checks shared by the per-capability output validators: each throws an {@link OutputError}
 * naming the field, what was expected and what was found.
 *
 * Typed arrays are accepted only as the exact type the interface declares (Float64Array, Int32Array):
 * the claims read them with typed-array methods (subarray, set), so a plain number[] or a Float32Array
 * is rejected with the conversion to apply, rather than failing later inside a claim.
 */
import { OutputError } from '../errors.js';

/** An expected length with the shape formula that produced it, e.g. {length: 16, formula: 'B·n·m'}. */
export interface Expected {
  readonly length: number;
  readonly formula: string;
}

/**
 * Which non-finite values a field may hold: 'finite' (none), or a predicate saying where −∞ is
 * allowed (log quantities at zero weights). NaN and +∞ are never allowed by a predicate; 'any' accepts
 * every value (a field the interface defines as NaN in some cases).
 */
export type Finiteness = 'finite' | 'any' | ((index: number) => boolean);

/** A validator of one method's result, given the call's arguments; throws OutputError. */
export type OutputRule = (args: readonly unknown[], result: unknown) => void;

/** A non-null object (the result itself or a nested record). */
export function assertRecord(field: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object') {
    throw new OutputError(field, `expected an object, got ${value === null ? 'null' : typeof value}`);
  }
  return value as Record<string, unknown>;
}

function describeType(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a plain array';
  if (typeof value === 'object') return `a ${value.constructor?.name ?? 'object'}`;
  return `a ${typeof value}`;
}

/** A value as an error message shows it: a primitive by its value, anything else by its type. */
function shown(value: unknown): string {
  return (typeof value === 'object' && value !== null) || typeof value === 'function'
    ? describeType(value)
    : String(value);
}

/** The value of a typed-array field of the declared type; a clear error for a missing field or another type. */
function typedArray<T>(field: string, value: unknown, type: { new (n: number): T; name: string }): T {
  if (!(value instanceof type)) {
    const hint = Array.isArray(value) || ArrayBuffer.isView(value) ? ` (convert with ${type.name}.from)` : '';
    throw new OutputError(field, `expected a ${type.name}, got ${describeType(value)}${hint}`);
  }
  return value;
}

/** A Float64Array of the expected length whose entries satisfy the finiteness rule. */
export function float64Field(field: string, value: unknown, expected: Expected, finite: Finiteness): Float64Array {
  const arr = typedArray(field, value, Float64Array);
  assertLengthOf(field, arr, expected);
  if (finite === 'any') return arr;
  for (let k = 0; k < arr.length; k++) {
    const v = arr[k]!;
    if (Number.isFinite(v)) continue;
    if (v === -Infinity && finite !== 'finite' && finite(k)) continue;
    const allowed = finite === 'finite' ? 'every entry must be finite' : 'only −∞ where a weight is zero is allowed';
    throw new OutputError(field, `entry ${k} is ${v}; ${allowed}`);
  }
  return arr;
}

/** Float64Array entries that are finite and ≥ 0 (residuals, counts). */
export function nonNegativeField(field: string, value: unknown, expected: Expected, integer = false): Float64Array {
  const arr = float64Field(field, value, expected, 'finite');
  for (let k = 0; k < arr.length; k++) {
    const v = arr[k]!;
    if (v < 0 || (integer && !Number.isInteger(v))) {
      const expected = integer ? 'a non-negative integer' : 'a value ≥ 0';
      throw new OutputError(field, `entry ${k} is ${v}; expected ${expected}`);
    }
  }
  return arr;
}

/** The length of an array-like field against the declared shape. */
export function assertLengthOf(field: string, arr: ArrayLike<unknown>, expected: Expected): void {
  if (arr.length !== expected.length) {
    const want = `${expected.formula} = ${expected.length}`;
    throw new OutputError(field, `${field} has ${arr.length} entries, expected ${want}`);
  }
}

/** An Int32Array equal to the expected integer list (step indices). */
export function int32ListField(
  field: string,
  value: unknown,
  expected: ArrayLike<number>,
  formula: string,
): Int32Array {
  const arr = typedArray(field, value, Int32Array);
  assertSameList(field, arr, expected, formula);
  return arr;
}

/** A plain array of integers equal to the expected list (recorded layers, recorded steps). */
export function integerListField(field: string, value: unknown, expected: ArrayLike<number>, formula: string): void {
  if (!Array.isArray(value)) throw new OutputError(field, `expected an array of integers, got ${describeType(value)}`);
  assertSameList(field, value as number[], expected, formula);
}

function assertSameList(field: string, arr: ArrayLike<unknown>, expected: ArrayLike<number>, formula: string): void {
  assertLengthOf(field, arr, { length: expected.length, formula });
  for (let k = 0; k < expected.length; k++) {
    if (arr[k] !== expected[k]) {
      throw new OutputError(field, `entry ${k} is ${String(arr[k])}, expected ${expected[k]} (${formula})`);
    }
  }
}

/** A scalar field equal to the value the call's arguments declare (B, n, iterations, stored …). */
export function equalNumberField(field: string, value: unknown, expected: number, source: string): void {
  if (value !== expected) {
    const got = value === undefined ? 'missing' : shown(value);
    throw new OutputError(field, `is ${got}, expected ${source} = ${expected}`);
  }
}

/** The batch's sizes a result repeats (`B`, `n`, `d` …), in the order given: each equal to the argument's. */
export function batchSizeFields<K extends string>(
  result: Readonly<Record<string, unknown>>,
  batch: Readonly<Record<K, number>>,
  sizes: readonly K[],
): void {
  for (const k of sizes) equalNumberField(k, result[k], batch[k], `batch.${k}`);
}

/** An optional non-negative integer count (absorptions). */
export function optionalCountField(field: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new OutputError(field, `expected a non-negative integer, got ${shown(value)}`);
  }
}
