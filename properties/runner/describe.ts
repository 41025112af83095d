/**
 * The text parts of a ClaimResult: the accuracy models a claim's tolerances used, error messages, the
 * JSON view of an input and the description of the worst failing measurement.
 */
import type { Implementation } from '../../impl/capabilities/index.js';
import { accuracyOf } from '../tolerance.js';
import type { ClaimProperty, Measurement } from '../types.js';
import { toJSONSafe } from './json-safe.js';

/** Names of the accuracy models of the capabilities a claim uses (properties/tolerance.ts), distinct, joined. */
export function accuracyModelsOf(impl: Implementation, required: readonly string[]): string | undefined {
  const names = new Set<string>();
  for (const c of required) {
    const cap = impl[c] as { precision?: unknown; arithmetic?: unknown } | undefined;
    if (cap && (cap.precision === 'float32' || cap.precision === 'float64')) {
      names.add(
        accuracyOf({ precision: cap.precision, arithmetic: cap.arithmetic === 'wgsl' ? 'wgsl' : 'ieee-754' }).name,
      );
    }
  }
  return names.size > 0 ? [...names].join('; ') : undefined;
}

/** "Name: message" of a thrown error, or its string. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** The JSON-safe view of a property input (its own `describe`, or the input itself). */
export function describeInput(property: ClaimProperty, input: unknown): unknown {
  return toJSONSafe(property.describe ? property.describe(input) : input);
}

/** Milliseconds as seconds to three significant digits. */
export function fmtSeconds(ms: number): string {
  return `${(ms / 1000).toPrecision(3)} s`;
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(6) : String(x);
}

/** The first failing measurement as one line: quantity, measured value, relation, bound, tolerance and instance. */
export function describeFailure(ms: readonly Measurement[]): string {
  const m = ms[0];
  if (!m) return 'none';
  return `${m.quantity}: measured ${fmt(m.measured)} ${m.relation} ${fmt(m.bound)} (tolerance ${fmt(m.tolerance)}) on instance ${m.instance}`;
}
