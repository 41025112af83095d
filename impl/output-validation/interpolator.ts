/**
 * Output rules of the interpolator capability (impl/capabilities/interpolator.ts; GRR arXiv 2411.04551):
 * evolved clouds keep each measure's shape [n_i, d] (one per piece when recorded); schedules live in the
 * requested dimension with finite durations ≥ 0 and finite d×d matrices and d-vectors; a construction's
 * phases are named ranges of its pieces and its atoms are [N, d]. Every array entry finite; the
 * diagnostics are free-form numbers for reports.
 */
import type { EvolveOptions, MeasureFamily, PhaseName, Schedule } from '../capabilities/interpolator.js';
import { OutputError } from '../errors.js';
import { assertLengthOf, assertRecord, equalNumberField, float64Field, type OutputRule } from './fields.js';

const PHASES: readonly PhaseName[] = ['orthant', 'disentangle', 'cluster', 'match'];

/** An array field (of clouds, pieces, phases). */
function arrayField(field: string, value: unknown, length?: { length: number; formula: string }): unknown[] {
  if (!Array.isArray(value)) {
    throw new OutputError(field, `expected an array, got ${value === undefined ? 'nothing' : typeof value}`);
  }
  if (length) assertLengthOf(field, value, length);
  return value;
}

/** Clouds with the shapes of the family's clouds: [n_i, d] each. */
function cloudsField(field: string, value: unknown, family: MeasureFamily): void {
  const clouds = arrayField(field, value, { length: family.clouds.length, formula: 'N (one per measure)' });
  clouds.forEach((x, i) => {
    const n = family.clouds[i]!.length / family.d;
    float64Field(`${field}[${i}]`, x, { length: n * family.d, formula: `n_${i}·d` }, 'finite');
  });
}

/** d×d matrices V, B, W, U and the d-vector b of one block (a piece or a perceptron block). */
function blockFields(prefix: string, p: Record<string, unknown>, d: number, keys: readonly string[]): void {
  for (const key of keys) float64Field(`${prefix}${key}`, p[key], { length: d * d, formula: 'd·d' }, 'finite');
  float64Field(`${prefix}b`, p['b'], { length: d, formula: 'd' }, 'finite');
}

/** A schedule in dimension d: finite durations ≥ 0, finite matrices. Returns the number of pieces. */
function scheduleField(field: string, value: unknown, d: number): number {
  const s = assertRecord(field, value);
  equalNumberField(`${field}.d`, s['d'], d, 'the dimension d of the call');
  const pieces = arrayField(`${field}.pieces`, s['pieces']);
  pieces.forEach((raw, k) => {
    const prefix = `${field}.pieces[${k}].`;
    const p = assertRecord(`${field}.pieces[${k}]`, raw);
    const tau = p['duration'];
    if (typeof tau !== 'number' || !Number.isFinite(tau) || tau < 0) {
      throw new OutputError(`${prefix}duration`, `expected a finite duration ≥ 0, got ${String(tau)}`);
    }
    blockFields(prefix, p, d, ['V', 'B', 'W', 'U']);
    if (p['label'] !== undefined && typeof p['label'] !== 'string') {
      throw new OutputError(`${prefix}label`, 'expected a string');
    }
  });
  return pieces.length;
}

function validateEvolve(args: readonly unknown[], result: unknown): void {
  const [family, schedule, options] = args as [MeasureFamily, Schedule, EvolveOptions | undefined];
  const r = assertRecord('result', result);
  cloudsField('final', r['final'], family);
  if (!options?.record) return;
  const pieces = { length: schedule.pieces.length, formula: 'the number of pieces' };
  const boundaries = arrayField('boundaries', r['boundaries'], pieces);
  boundaries.forEach((b, k) => cloudsField(`boundaries[${k}]`, b, family));
}

function validateGate(args: readonly unknown[], result: unknown): void {
  blockFields('', assertRecord('block', result), args[0] as number, ['W', 'U']);
}

const familySchedule: OutputRule = (args, result) => {
  scheduleField('schedule', result, (args[0] as MeasureFamily).d);
};

function validateMatchPoints(args: readonly unknown[], result: unknown): void {
  scheduleField('schedule', result, args[0] as number);
}

function validateConstruct(args: readonly unknown[], result: unknown): void {
  const family = args[0] as MeasureFamily;
  const c = assertRecord('construction', result);
  const pieces = scheduleField('schedule', c['schedule'], family.d);
  arrayField('phases', c['phases']).forEach((raw, k) => {
    const ph = assertRecord(`phases[${k}]`, raw);
    if (!PHASES.includes(ph['name'] as PhaseName)) {
      throw new OutputError(`phases[${k}].name`, `expected one of ${PHASES.join(', ')}, got ${String(ph['name'])}`);
    }
    const [start, end] = [ph['start'], ph['end']];
    const ok = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
    if (!ok(start) || !ok(end) || start < 0 || start > end || end > pieces) {
      const range = `[${String(start)}, ${String(end)})`;
      throw new OutputError(`phases[${k}]`, `range ${range} is not within the ${pieces} pieces of the schedule`);
    }
  });
  float64Field('atoms', c['atoms'], { length: family.clouds.length * family.d, formula: 'N·d' }, 'finite');
  const diag = assertRecord('diagnostics', c['diagnostics']);
  for (const [key, v] of Object.entries(diag)) {
    // free-form figures for reports: any number, NaN included (a figure the construction could not compute)
    if (typeof v !== 'number') throw new OutputError(`diagnostics.${key}`, `expected a number, got ${typeof v}`);
  }
}

/** Validators of the interpolator's methods, by method name. */
export const interpolatorOutputRules: Readonly<Record<string, OutputRule>> = {
  evolve: validateEvolve,
  gate: validateGate,
  toOrthant: familySchedule,
  disentangle: familySchedule,
  matchPoints: validateMatchPoints,
  construct: validateConstruct,
};
