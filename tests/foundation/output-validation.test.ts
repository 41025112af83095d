/**
 * Output validation (impl/output-validation.ts): for every capability method, a correct output (tfjs and
 * reference) passes, and each malformed kind — one entry short, one too many, a NaN, a plain array, a
 * Float32Array, the field missing — throws an OutputError naming the field.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CapabilityName, Implementation } from '../../impl/capabilities/index.js';
import { OutputError } from '../../impl/errors.js';
import { referenceImplementation, tfjsImplementation } from '../../impl/implementations.js';
import { validateOutput } from '../../impl/output-validation.js';
import { setupBackend } from '../helpers.js';

type Path = readonly (string | number)[];

interface Case {
  readonly capability: CapabilityName;
  readonly method: string;
  readonly args: readonly unknown[];
  /** Array fields to malform (paths into the result; [] is the result itself). */
  readonly fields: readonly Path[];
}

const th = [0.3, 1.4, 2.9];
const circle = Float64Array.from(th.flatMap((t) => [Math.cos(t), Math.sin(t)]));
const sphereBatch = { B: 1, n: 3, d: 2, x: circle, beta: Float64Array.of(1.5) };
const sinkhornBatch = {
  B: 1,
  n: 4,
  m: 4,
  a: Float64Array.of(0.25, 0.25, 0.5, 0),
  b: Float64Array.of(0.25, 0.25, 0.25, 0.25),
  C: Float64Array.from({ length: 16 }, (_, k) => ((k * 7) % 5) / 4),
  eps: Float64Array.of(0.3),
};
const particles = { B: 2, n: 3, d: 1, x: Float64Array.of(0, 0.5, 1.2, -1, 0.1, 0.3), eps: Float64Array.of(0.2, 0.4) };
const sbOptions = { tolerance: 1e-5, maxIterations: 200 };
const sinkformer = {
  B: 1,
  n: 3,
  d: 2,
  x: Float64Array.of(0, 1, 1, 0, 0.5, 0.5),
  WQ: Float64Array.of(1, 0, 0, 1),
  WK: Float64Array.of(1, 0, 0, 1),
  WV: Float64Array.of(-1, 0, 0, -1),
  eps: Float64Array.of(0.5),
};
const e3 = (v: number[]): number[] => {
  const s = Math.hypot(...v);
  return v.map((x) => x / s);
};
const family = {
  d: 3,
  clouds: [Float64Array.from([...e3([1, 0.2, 0.1]), ...e3([0.3, 1, 0.2])]), Float64Array.from(e3([0.2, 0.1, 1]))],
};
const mixedSigns = { d: 3, clouds: [Float64Array.from([...e3([-1, 0.2, 0.1]), ...e3([0.3, -1, 0.2])])] };
const I3 = Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1);
const piece = { duration: 0.5, V: I3, B: I3, W: new Float64Array(9), U: new Float64Array(9), b: new Float64Array(3) };
const schedule = { d: 3, pieces: [piece, { ...piece, duration: 0.25 }] };

const otBatch = {
  B: 1,
  n: 2,
  d: 1,
  x: Float64Array.of(0.1, 0.7),
  y: Float64Array.of(0.4, 0.2),
  lambda: Float64Array.of(0.5),
  gamma: Float64Array.of(0.3),
};
const rk4 = { normalization: 'softmax', integrator: 'rk4', dt: 0.1, steps: 4, recordEvery: 2 };
const eulerGram = { normalization: 'softmax', integrator: 'euler-renormalize', dt: 0.1, steps: 3, record: 'gram' };
const sbFields: Path[] = [['iterations'], ['residual']];

/** A case: capability.method(...args) and the array fields of its result to malform. */
function kase(capability: CapabilityName, method: string, args: readonly unknown[], fields: readonly Path[]): Case {
  return { capability, method, args, fields };
}

const CASES: readonly Case[] = [
  kase(
    'sinkhorn',
    'solve',
    [sinkhornBatch, { iterations: 3, domain: 'log', record: true }],
    [['logU'], ['logV'], ['logPlan']],
  ),
  kase(
    'otTransformer',
    'forward',
    [otBatch, { layers: 2, record: 'all', tokens: true }],
    [['u'], ['v'], ['sinkU'], ['planLogits'], ['readout'], ['sorted'], ['tokens']],
  ),
  kase('sphereDynamics', 'velocity', [sphereBatch, 'unnormalized'], [[]]),
  kase('sphereDynamics', 'simulate', [sphereBatch, rk4], [['states'], ['stepIndex']]),
  kase('sphereDynamics', 'simulate', [sphereBatch, eulerGram], [['gram']]),
  kase('sphereDynamics', 'energy', [sphereBatch, 'mean-field'], [[]]),
  kase('sphereDynamics', 'sampleUniform', [5, 3, 11], [[]]),
  kase('sbAttention', 'plan', [particles, sbOptions], [['logPotential'], ['logPlan'], ...sbFields]),
  kase('sbAttention', 'step', [particles, sbOptions], [['barycentre'], ['x'], ...sbFields]),
  kase(
    'sbAttention',
    'iterate',
    [particles, { ...sbOptions, steps: 3, recordEvery: 2 }],
    [['x'], ['recordedSteps'], ...sbFields],
  ),
  kase('sbAttention', 'sinkformer', [sinkformer, { iterations: 4, layers: 2 }], [['x'], ['attention']]),
  kase(
    'interpolator',
    'evolve',
    [family, schedule, { record: true }],
    [['final', 0], ['final', 1], ['boundaries', 1, 0], ['final']],
  ),
  kase('interpolator', 'gate', [3, [0, 0, 1], 0.2, [1, 0, 0]], [['W'], ['U'], ['b']]),
  kase(
    'interpolator',
    'toOrthant',
    [mixedSigns],
    [
      ['pieces', 0, 'V'],
      ['pieces', 0, 'b'],
    ],
  ),
];

function get(obj: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], obj);
}

/** A deep copy of `result` with the value at `path` replaced (or deleted when `value` is undefined). */
function withField(result: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(result);
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  if (value === undefined && !Array.isArray(parent)) delete parent[path.at(-1)!];
  else parent[path.at(-1)!] = value;
  return copy;
}

/** The field name the validators report for a path: 'logPlan', 'final[0]', 'schedule.pieces[0].V' … */
function fieldName(c: Case, path: Path): string {
  if (path.length === 0) return { velocity: 'velocity', energy: 'energy', sampleUniform: 'sample' }[c.method]!;
  const name = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
  return ['toOrthant', 'disentangle', 'matchPoints'].includes(c.method) ? `schedule.${name}` : name;
}

function call(impl: Implementation, c: Case): Promise<unknown> {
  const cap = impl[c.capability] as unknown as Record<string, (...a: unknown[]) => unknown>;
  return Promise.resolve(cap[c.method]!(...c.args));
}

function expectOutputError(c: Case, result: unknown, field: string, kind: string, pattern?: RegExp): void {
  try {
    validateOutput(c.capability, c.method, c.args, result);
  } catch (e) {
    assert.instance(e, OutputError, `${c.capability}.${c.method} ${field} ${kind}: ${String(e)}`);
    assert.is((e as OutputError).field, field, `${c.capability}.${c.method} ${kind}: ${String(e)}`);
    if (pattern) assert.match((e as Error).message, pattern);
    return;
  }
  assert.unreachable(`${c.capability}.${c.method}: ${field} ${kind} was accepted`);
}

test.before(async () => {
  await setupBackend();
});

test('correct outputs of the tfjs and reference implementations pass for every capability method', async () => {
  for (const impl of [tfjsImplementation(), referenceImplementation()]) {
    for (const c of CASES) validateOutput(c.capability, c.method, c.args, await call(impl, c));
  }
});

test('each malformed kind (short, long, NaN, number[], Float32Array, missing) names the field', async () => {
  const ref = referenceImplementation();
  for (const c of CASES) {
    const result = await call(ref, c);
    for (const path of c.fields) {
      const field = fieldName(c, path);
      const value = get(result, path) as ArrayLike<number> & { slice(a: number, b?: number): ArrayLike<number> };
      const Type = value.constructor as unknown as { from(x: ArrayLike<number>): ArrayLike<number> };
      const isList = Array.isArray(value);
      const short = withField(result, path, value.slice(0, -1));
      if (value.length > 0) expectOutputError(c, short, field, 'short', /has \d+ entries, expected/);
      const list = value as unknown as unknown[];
      const longer = isList ? [...list, list[0]] : Type.from([...Array.from(value), 0]);
      expectOutputError(c, withField(result, path, longer), field, 'long');
      if (!isList && value.length > 0 && !(value instanceof Int32Array)) {
        const nan = Type.from(value);
        (nan as unknown as number[])[0] = NaN;
        // sinkU and tokens may hold NaN (no sink token)
        if (!['sinkU', 'tokens'].includes(field)) {
          expectOutputError(c, withField(result, path, nan), field, 'NaN', /NaN/);
        }
        expectOutputError(c, withField(result, path, Array.from(value)), field, 'plain array', /convert with/);
        expectOutputError(c, withField(result, path, Float32Array.from(value)), field, 'Float32Array', /Float32Array/);
      }
      expectOutputError(c, withField(result, path, undefined), field, 'missing');
    }
  }
});

test('the case of a Sinkhorn plan one entry short is an error naming logPlan and both lengths', async () => {
  const c = CASES[0]!;
  const t = (await call(referenceImplementation(), c)) as { logPlan: Float64Array };
  const short = { ...t, logPlan: t.logPlan.slice(0, 15) };
  expectOutputError(c, short, 'logPlan', 'short', /logPlan has 15 entries, expected B·n·m = 16/);
});

test('Sinkhorn: −∞ is accepted exactly where a weight is zero; declared scalars must match the call', async () => {
  const c = CASES[0]!;
  const t = (await call(referenceImplementation(), c)) as { logU: Float64Array; logPlan: Float64Array; stored: number };
  // a = (¼, ¼, ½, 0): row 3 of the plan and log u_3 are −∞
  assert.is(t.logPlan[12], -Infinity);
  const bad = Float64Array.from(t.logPlan);
  bad[0] = -Infinity;
  expectOutputError(c, { ...t, logPlan: bad }, 'logPlan', '−∞ at a positive weight', /−∞ where a weight is zero/);
  const plus = Float64Array.from(t.logPlan);
  plus[12] = Infinity;
  expectOutputError(c, { ...t, logPlan: plus }, 'logPlan', '+∞');
  expectOutputError(c, { ...t, stored: 2 }, 'stored', 'wrong stored count', /expected L \+ 1/);
  expectOutputError(c, { ...t, absorptions: -1 }, 'absorptions', 'negative count');
});

test('SB attention: iteration counts are integers within maxIterations, residuals finite and ≥ 0', async () => {
  const c = CASES.find((x) => x.method === 'plan')!;
  const p = (await call(referenceImplementation(), c)) as Record<string, unknown>;
  expectOutputError(c, { ...p, iterations: Float64Array.of(1.5, 2) }, 'iterations', 'fractional');
  expectOutputError(c, { ...p, iterations: Float64Array.of(201, 2) }, 'iterations', 'over the cap', /maxIterations/);
  expectOutputError(c, { ...p, residual: Float64Array.of(-1, 0) }, 'residual', 'negative');
});

test('a non-object result and methods outside the interface', () => {
  expectOutputError(CASES[0]!, null, 'trace', 'null');
  expectOutputError(CASES[1]!, 42, 'trace', 'a number');
  validateOutput('sinkhorn', 'extraMethodOfAPlugin', [], undefined);
});

test.run();
