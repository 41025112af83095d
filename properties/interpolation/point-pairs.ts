/**
 * Point pairs for Prop 4.1 (GRR arXiv 2411.04551, Prop 4.1 via Prop 4.2; spec G3): M points and M targets on the
 * sphere, their generic-position filter, and the matched schedule with its structural checks.
 */
import fc from 'fast-check';
import type { Interpolator, Schedule } from '../../impl/capabilities/interpolator.js';
import { uniformSpherePoints } from '../arbitraries/sphere.js';
import { unitBlock } from '../arbitraries/scalars.js';
import { measure } from '../measure.js';
import type { Measurement } from '../types.js';
import { matchOrReject } from './common.js';

/** M points and M targets on S^{d−1} (row-major [M, d], float64 unit rows): the input of Prop 4.1 (spec G3). */
export interface PointPairs {
  readonly d: number;
  readonly points: Float64Array;
  readonly targets: Float64Array;
}

/** Unit floats consumed by {@link pointPairsFromRaw} for up to mMax pairs in dimension dMax. */
function pointPairsRawLength(mMax: number, dMax: number): number {
  return 4 * mMax * dMax;
}

/** M uniform points and M uniform targets from a raw block laid out for (mMax, dMax); rows renormalised in float64. */
function pointPairsFromRaw(raw: readonly number[], d: number, M: number, mMax: number, dMax: number): PointPairs {
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
function genericPairs(c: PointPairs): boolean {
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
 * Generic point pairs (spec G3) in d ∈ {3, 4}, drawn with the extra integer fields of `shape`, which fix the pair
 * count `count(shape)` ∈ [2, mMax]; the raw block is not shrunk.
 */
export function genericPairsArbitrary<S extends Record<string, number>>(
  shape: { readonly [K in keyof S]: fc.Arbitrary<S[K]> },
  count: (s: S) => number,
  mMax: number,
  dMax: number,
): fc.Arbitrary<S & PointPairs> {
  type Draw = S & { readonly d: number; readonly raw: readonly number[] };
  const draws = fc.record({
    d: fc.constantFrom(3, 4),
    ...shape,
    raw: fc.noShrink(unitBlock(pointPairsRawLength(mMax, dMax))),
  }) as unknown as fc.Arbitrary<Draw>;
  return draws
    .filter((r) => count(r) >= 2 && count(r) <= mMax)
    .map((r) => {
      const { d, raw, ...s } = r;
      return { ...(s as unknown as S), ...pointPairsFromRaw(raw, d, count(r), mMax, dMax) };
    })
    .filter(genericPairs);
}

/**
 * Prop 4.1's schedule for the pairs at RK4 step `step` and its structure (six pieces per point, named `pieces`;
 * V ≡ 0), or undefined when the draw misses the Prop 4.2 hypotheses.
 */
export async function matchedSchedule(
  I: Interpolator,
  c: PointPairs,
  step: number,
  pieces: string,
): Promise<{ readonly schedule: Schedule; readonly measurements: Measurement[] } | undefined> {
  const s = await matchOrReject(I, c.d, c.points, c.targets, step);
  if (!s) return undefined;
  const maxV = Math.max(0, ...s.pieces.flatMap((p) => Array.from(p.V, Math.abs)));
  return {
    schedule: s,
    measurements: [
      measure(0, pieces, s.pieces.length, '==', (6 * c.points.length) / c.d, 0),
      measure(0, 'max |V| (V ≡ 0)', maxV, '<=', 0, 0),
    ],
  };
}
