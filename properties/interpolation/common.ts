/**
 * Shared pieces of the `interpolation.*` properties (GRR arXiv 2411.04551): the capability accessor, random
 * constant pieces θ = (V, B, W, U, b) from unit floats, comparisons of measure families, coverage and
 * counterexample views, and the rejection rule for draws that miss a hypothesis of Prop 4.2.
 */
import fc from 'fast-check';
import type { Interpolator, MeasureFamily, ParameterPiece, Schedule } from '../../impl/capabilities/interpolator.js';
import { NumericalError } from '../../impl/errors.js';
import { ginibre, uniformSpherePoints, unitVector } from '../arbitraries/sphere.js';
import { gaussianFromUnits } from '../../impl/reference/prng.js';
import { capFamily, type CapFamily } from '../arbitraries/sphere-caps.js';
import { unitBlock } from '../arbitraries/scalars.js';
import type { BatchOutcome, ClaimSummary, PropertyContext } from '../types.js';
import { capabilityOf } from '../capability.js';

/** The interpolator under test (the runner skips implementations without one first). */
export function interpolatorOf(ctx: PropertyContext): Interpolator {
  return capabilityOf(ctx, 'interpolator');
}

/** Unit floats consumed by {@link randomPiece} in dimension dMax. */
export function pieceRawLength(dMax: number): number {
  return 8 * dMax * dMax + 6 * dMax + 4;
}

export type PieceKind = 'attention' | 'gate' | 'perceptron' | 'mixed';

/**
 * A random constant piece from raw unit floats (layout for dMax). Kinds: attention (V Ginibre; B = 0, βI with
 * β ∈ [0, 4], or Ginibre), gate G(a, τ, z) built by the implementation under test (τ ∈ [−0.5, 0.5]),
 * perceptron (W, U Ginibre, b ~ N(0, ¼)), mixed (attention + perceptron). Duration in [dMin, dMax].
 */
export function randomPiece(
  impl: Interpolator,
  raw: readonly number[],
  d: number,
  dMax: number,
  kind: PieceKind,
  duration: readonly [number, number],
): ParameterPiece {
  const dd = 2 * dMax * dMax;
  const t = duration[0] + raw[0]! * (duration[1] - duration[0]);
  const bVariant = raw[1]!;
  const beta = 4 * raw[2]!;
  const V = ginibre(raw, d, 4);
  const Bg = ginibre(raw, d, 4 + dd);
  const W = ginibre(raw, d, 4 + 2 * dd);
  const U = ginibre(raw, d, 4 + 3 * dd);
  const vecOff = 4 + 4 * dd;
  const b = Float64Array.from(
    { length: d },
    (_, k) => 0.5 * gaussianFromUnits(raw[vecOff + 2 * k]!, raw[vecOff + 2 * k + 1]!),
  );
  const zero = (): Float64Array => new Float64Array(d * d);
  const B =
    bVariant < 1 / 3
      ? zero()
      : bVariant < 2 / 3
        ? Float64Array.from({ length: d * d }, (_, k) => (k % (d + 1) === 0 ? beta : 0))
        : Bg;
  if (kind === 'gate') {
    const a = unitVector(raw, d, vecOff + 2 * dMax);
    const z = unitVector(raw, d, vecOff + 4 * dMax);
    const g = impl.gate(d, a, raw[3]! - 0.5, z);
    return { duration: t, V: zero(), B: zero(), W: g.W, U: g.U, b: g.b, label: 'gate' };
  }
  if (kind === 'attention')
    return { duration: t, V, B, W: zero(), U: zero(), b: new Float64Array(d), label: 'attention' };
  if (kind === 'perceptron') return { duration: t, V: zero(), B: zero(), W, U, b, label: 'perceptron' };
  return { duration: t, V, B, W, U, b, label: 'mixed' };
}

/** Max |x − y| over every coordinate of two families of equal shapes (NaN on a NaN). */
export function familyDiff(a: readonly Float64Array[], b: readonly Float64Array[]): number {
  let m = 0;
  a.forEach((x, i) => {
    const y = b[i]!;
    for (let k = 0; k < x.length; k++) {
      const v = Math.abs(x[k]! - y[k]!);
      if (Number.isNaN(v)) m = NaN;
      else if (v > m) m = v;
    }
  });
  return m;
}

/** Max | ‖x_i‖ − 1 | over every token. */
export function sphereDefect(a: readonly Float64Array[], d: number): number {
  let m = 0;
  for (const x of a) {
    for (let i = 0; i < x.length / d; i++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += x[i * d + k]! ** 2;
      const v = Math.abs(Math.sqrt(s) - 1);
      m = Number.isNaN(v) ? NaN : Math.max(m, v);
    }
  }
  return m;
}

/** The family a property hands to the implementation. */
export function familyOf(f: CapFamily): MeasureFamily {
  return { d: f.d, clouds: f.clouds };
}

/** Coverage coordinates of a family. */
export function familyCoverage(
  f: CapFamily,
  extra: Record<string, number | string> = {},
): Record<string, number | string> {
  return {
    d: f.d,
    N: f.clouds.length,
    n: Math.max(...f.clouds.map((x) => x.length / f.d)),
    radius: f.radius,
    centre: f.centre,
    ...extra,
  };
}

/** JSON view of a family for counterexamples. */
export function describeFamily(f: CapFamily): unknown {
  return {
    d: f.d,
    centre: f.centre,
    radius: f.radius,
    clouds: f.clouds.map((x) => Array.from(x)),
    targets: f.targets ? Array.from(f.targets) : undefined,
  };
}

/**
 * Whether an exception is a construction refusing a draw that misses a hypothesis of Prop 4.2 (the hyperplane
 * margin, measure-zero; footnote 6 “perturb the targets”): such draws are counted, not failed.
 */
export function isHypothesisRejection(e: unknown): boolean {
  return e instanceof NumericalError && /Prop 4\.2 hypotheses/.test(e.message);
}

/** The outcome of a draw refused for missing a Prop 4.2 hypothesis: no instance, counted in data.rejected. */
export const REJECTED_DRAW: BatchOutcome = { instances: 0, measurements: [], coverage: [], data: { rejected: [1] } };

/** matchPoints (Prop 4.1/4.2) on one draw, or undefined when the draw misses the Prop 4.2 hypotheses. */
export async function matchOrReject(
  I: Interpolator,
  d: number,
  points: Float64Array,
  targets: Float64Array,
  step: number,
): Promise<Schedule | undefined> {
  try {
    return await I.matchPoints(d, points, targets, { step });
  } catch (e) {
    if (isHypothesisRejection(e)) return undefined;
    throw e;
  }
}

/** Schedules made of one piece repeated `count` times (a constant θ observed at checkpoints: no switch). */
export function repeated(d: number, p: ParameterPiece, count: number): Schedule {
  return { d, pieces: Array.from({ length: count }, () => p) };
}

export const INTERPOLATION_COVERAGE_BINS = {
  N: [1, 2, 3, 4],
  n: [1, 10, 20, 30, 41],
  radius: [0, 0.2, 0.4, 0.8],
} as const;

/** A family plus the raw material of K random pieces (structure claims). */
export interface StructureCase {
  readonly family: CapFamily;
  readonly kinds: readonly PieceKind[];
  readonly raw: ReadonlyArray<readonly number[]>;
  readonly dMax: number;
  /** A free integer parameter (duplication factor, rescaling constant index, …). */
  readonly choice: number;
}

export interface StructureSpec {
  readonly dims: readonly number[];
  readonly N: readonly [number, number];
  readonly n: readonly [number, number];
  readonly kinds: readonly PieceKind[];
  readonly maxPieces: number;
  readonly choices: number;
}

/** The arbitrary of StructureCase: families in random caps (radius ≤ 0.6) and up to maxPieces random pieces. */
export function structureCase(spec: StructureSpec): fc.Arbitrary<StructureCase> {
  const dMax = Math.max(...spec.dims);
  return fc
    .record({
      family: capFamily({
        dims: spec.dims,
        N: spec.N,
        n: spec.n,
        radius: [0.1, 0.6],
        centre: 'uniform',
        shared: false,
      }),
      kinds: fc.array(fc.constantFrom(...spec.kinds), { minLength: 1, maxLength: spec.maxPieces }),
      raw: fc.array(unitBlock(pieceRawLength(dMax)), { minLength: spec.maxPieces, maxLength: spec.maxPieces }),
      choice: fc.integer({ min: 0, max: spec.choices - 1 }),
    })
    .map((c) => ({ ...c, dMax }));
}

/** The schedule of a StructureCase, pieces built by the implementation's gate where needed. */
export function scheduleOf(impl: Interpolator, c: StructureCase, duration: readonly [number, number]): Schedule {
  const d = c.family.d;
  return { d, pieces: c.kinds.map((k, i) => randomPiece(impl, c.raw[i]!, d, c.dMax, k, duration)) };
}

export function describeStructure(c: StructureCase): unknown {
  return { family: describeFamily(c.family), kinds: c.kinds, raw: c.raw.slice(0, c.kinds.length), choice: c.choice };
}

/** M points and M targets on S^{d−1} (row-major [M, d], float64 unit rows): the input of Prop 4.1 (spec G3). */
export interface PointPairs {
  readonly d: number;
  readonly points: Float64Array;
  readonly targets: Float64Array;
}

/** Unit floats consumed by {@link pointPairsFromRaw} for up to mMax pairs in dimension dMax. */
export function pointPairsRawLength(mMax: number, dMax: number): number {
  return 4 * mMax * dMax;
}

/** M uniform points and M uniform targets from a raw block laid out for (mMax, dMax); rows renormalised in float64. */
export function pointPairsFromRaw(
  raw: readonly number[],
  d: number,
  M: number,
  mMax: number,
  dMax: number,
): PointPairs {
  // float64 unit rows (the float32 rounding of uniformSpherePoints is undone by renormalising)
  const norm = (x: Float64Array): Float64Array => {
    for (let i = 0; i < x.length / d; i++) {
      const r = Math.hypot(...x.subarray(i * d, (i + 1) * d));
      for (let k = 0; k < d; k++) x[i * d + k] = x[i * d + k]! / r;
    }
    return x;
  };
  return {
    d,
    points: norm(uniformSpherePoints(raw, M, d, dMax)),
    targets: norm(uniformSpherePoints(raw.slice(2 * mMax * dMax), M, d, dMax)),
  };
}

function rowAngle(x: Float64Array, i: number, y: Float64Array, j: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += x[i * d + k]! * y[j * d + k]!;
  return Math.acos(Math.max(-1, Math.min(1, s)));
}

/** Spec G3: distinct points and targets (pairwise angle ≥ 0.2 among all 2M), d_g(x_i, y_i) ≤ π − 0.2. */
export function genericPairs(c: PointPairs): boolean {
  const { d, points, targets } = c;
  const all = new Float64Array(points.length + targets.length);
  all.set(points);
  all.set(targets, points.length);
  const m = all.length / d;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) if (rowAngle(all, i, all, j, d) < 0.2) return false;
  for (let i = 0; i < points.length / d; i++) if (rowAngle(points, i, targets, i, d) > Math.PI - 0.2) return false;
  return true;
}

/**
 * Summary of claims whose draws may miss the Prop 4.2 margin ({@link isHypothesisRejection}; each outcome
 * carries data.rejected = [0 | 1]): a table of the count, inconclusive above 25%.
 */
export function summarizeMarginRejections(outcomes: readonly BatchOutcome[]): ClaimSummary {
  const rejected = outcomes.reduce((a, o) => a + (o.data?.['rejected']?.[0] ?? 0), 0);
  const frac = rejected / Math.max(1, outcomes.length);
  if (frac > 0.25)
    return {
      verdict: {
        status: 'inconclusive',
        reason: `${rejected}/${outcomes.length} draws rejected by the Prop 4.2 margin (> 25%)`,
      },
    };
  return {
    tables: [
      {
        title: 'Draws rejected by the Prop 4.2 margin (footnote 6)',
        columns: ['rejected', 'draws'],
        rows: [[rejected, outcomes.length]],
      },
    ],
  };
}
