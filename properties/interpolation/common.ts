/**
 * Shared pieces of the `interpolation.*` properties (GRR arXiv 2411.04551): the capability accessor, random
 * constant pieces θ = (V, B, W, U, b) from unit floats, comparisons of measure families, coverage and
 * counterexample views, and the rejection rule for draws that miss a hypothesis of Prop 4.2.
 */
import fc from 'fast-check';
import type { Interpolator, MeasureFamily, ParameterPiece, Schedule } from '../../impl/capabilities/interpolator.js';
import { NumericalError } from '../../impl/errors.js';
import { ginibre, unitVector } from '../arbitraries/sphere.js';
import { gaussianFromUnits } from '../../impl/reference/prng.js';
import { capFamily, type CapFamily } from '../arbitraries/sphere-caps.js';
import { unitBlock } from '../arbitraries/scalars.js';
import type { BatchOutcome, ClaimSummary, PropertyContext, PropertySpec } from '../types.js';
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

interface StructureSpec {
  readonly dims: readonly number[];
  readonly N: readonly [number, number];
  readonly n: readonly [number, number];
  readonly kinds: readonly PieceKind[];
  readonly maxPieces: number;
  readonly choices: number;
}

/** The arbitrary of StructureCase: families in random caps (radius ≤ 0.6) and up to maxPieces random pieces. */
function structureCase(spec: StructureSpec): fc.Arbitrary<StructureCase> {
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
function scheduleOf(impl: Interpolator, c: StructureCase, duration: readonly [number, number]): Schedule {
  const d = c.family.d;
  return { d, pieces: c.kinds.map((k, i) => randomPiece(impl, c.raw[i]!, d, c.dMax, k, duration)) };
}

function describeStructure(c: StructureCase): unknown {
  return { family: describeFamily(c.family), kinds: c.kinds, raw: c.raw.slice(0, c.kinds.length), choice: c.choice };
}

/** The generator, coverage bins and counterexample view of a structure claim: d ∈ {3, 4}, n ≥ 2, ≤ 3 pieces. */
export function structureOptions(spec: {
  readonly N: readonly [number, number];
  readonly nMax: number;
  readonly choices: number;
  readonly kinds?: readonly PieceKind[];
}): Pick<PropertySpec<StructureCase>, 'arbitrary' | 'coverageBins' | 'describe'> {
  const { N, nMax, choices, kinds = ['attention', 'gate', 'perceptron', 'mixed'] } = spec;
  return {
    arbitrary: () => structureCase({ dims: [3, 4], N, n: [2, nMax], kinds, maxPieces: 3, choices }),
    coverageBins: INTERPOLATION_COVERAGE_BINS,
    describe: describeStructure,
  };
}

/** What a structure claim runs: the interpolator under test, the case's family and its schedule. */
export function structureRun(
  c: StructureCase,
  ctx: PropertyContext,
  duration: readonly [number, number],
): { readonly I: Interpolator; readonly fam: MeasureFamily; readonly schedule: Schedule } {
  const I = interpolatorOf(ctx);
  return { I, fam: familyOf(c.family), schedule: scheduleOf(I, c, duration) };
}

/** The family as the implementation normalises it (the final state of the empty schedule). */
export async function normalizedInput(I: Interpolator, fam: MeasureFamily): Promise<Float64Array[]> {
  return (await I.evolve(fam, { d: fam.d, pieces: [] })).final;
}

/** Coverage bins and counterexample view of the claims drawn as one cap family. */
export const CAP_FAMILY_VIEW = { coverageBins: INTERPOLATION_COVERAGE_BINS, describe: describeFamily } as const;

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
