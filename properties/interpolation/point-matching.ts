/**
 * interpolation.point-matching (GRR Prop 4.1 via Prop 4.2; spec §3 Phase 3, §2.2 erratum 2, §4.2 item 11): V ≡ 0,
 * six perceptron pieces per point, and every point lands exactly on its target while each Prop 4.2 step leaves
 * the inactive points where they were.
 */
import fc from 'fast-check';
import { unitBlock } from '../arbitraries/scalars.js';
import { uniformSpherePoints } from '../arbitraries/sphere.js';
import { measure } from '../measure.js';
import type { BatchOutcome, ClaimProperty, ClaimSummary, Measurement } from '../types.js';
import { interpolatorOf, isHypothesisRejection } from './common.js';

const M_MAX = 5;
const D_MAX = 4;
const STEP = 1e-2;

interface MatchCase {
  readonly d: number;
  readonly points: Float64Array;
  readonly targets: Float64Array;
}

function angle(x: Float64Array, i: number, y: Float64Array, j: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += x[i * d + k]! * y[j * d + k]!;
  return Math.acos(Math.max(-1, Math.min(1, s)));
}

/** Spec G3: distinct points and targets (pairwise angle ≥ 0.2 among all 2M), d_g(x_i, y_i) ≤ π − 0.2. */
function generic(c: MatchCase): boolean {
  const { d, points, targets } = c;
  const all = new Float64Array(points.length + targets.length);
  all.set(points);
  all.set(targets, points.length);
  const m = all.length / d;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) if (angle(all, i, all, j, d) < 0.2) return false;
  for (let i = 0; i < points.length / d; i++) if (angle(points, i, targets, i, d) > Math.PI - 0.2) return false;
  return true;
}

export const pointMatchingProperty: ClaimProperty<MatchCase> = {
  claimId: 'interpolation.point-matching',
  arbitrary: () =>
    fc
      .record({ d: fc.constantFrom(3, 4), M: fc.integer({ min: 2, max: M_MAX }), raw: fc.noShrink(unitBlock(4 * M_MAX * D_MAX)) })
      .map(({ d, M, raw }) => {
        // float64 unit rows (the float32 rounding of uniformSpherePoints is undone by renormalising)
        const norm = (x: Float64Array): Float64Array => {
          for (let i = 0; i < x.length / d; i++) {
            const r = Math.hypot(...x.subarray(i * d, (i + 1) * d));
            for (let k = 0; k < d; k++) x[i * d + k] = x[i * d + k]! / r;
          }
          return x;
        };
        return { d, points: norm(uniformSpherePoints(raw, M, d, D_MAX)), targets: norm(uniformSpherePoints(raw.slice(2 * M_MAX * D_MAX), M, d, D_MAX)) };
      })
      .filter(generic),
  runs: { quick: 3, ci: 10, thorough: 100 },
  describe: (c) => ({ d: c.d, points: Array.from(c.points), targets: Array.from(c.targets) }),
  async run(c, ctx): Promise<BatchOutcome> {
    const I = interpolatorOf(ctx);
    const { d, points, targets } = c;
    const M = points.length / d;
    let s;
    try {
      s = await I.matchPoints(d, points, targets, { step: STEP });
    } catch (e) {
      if (isHypothesisRejection(e)) return { instances: 0, measurements: [], coverage: [], data: { rejected: [1] } };
      throw e;
    }
    const ms: Measurement[] = [];
    ms.push(measure(0, 'pieces = 6M', s.pieces.length, '==', 6 * M, 0));
    ms.push(measure(0, 'max |V| (V ≡ 0)', Math.max(0, ...s.pieces.flatMap((p) => Array.from(p.V, Math.abs))), '<=', 0, 0));
    const clouds = [...Array(M).keys()].map((i) => points.slice(i * d, (i + 1) * d));
    const r = await I.evolve({ d, clouds }, s, { record: true, step: STEP });
    const start = clouds;
    let worst = 0;
    for (let i = 0; i < M; i++) worst = Math.max(worst, Math.hypot(...r.final[i]!.map((v, k) => v - targets[i * d + k]!)));
    // exact hitting (τ₄ by quadrature, RK4 along smooth gates): spec ≤ 1e-9
    ms.push(measure(0, 'max_i |x^i(T) − y^i|', worst, '<=', 0, 1e-9));
    let drift = 0;
    let tauBad = 0;
    if (s.pieces.length === 6 * M) {
      for (let stage = 0; stage < M; stage++) {
        const before = stage === 0 ? start : r.boundaries![6 * stage - 1]!;
        const after = r.boundaries![6 * stage + 5]!;
        const moved = before.map((x, i) => Math.hypot(...x.map((v, k) => v - after[i]![k]!)));
        const active = moved.indexOf(Math.max(...moved));
        moved.forEach((m, i) => {
          if (i !== active) drift = Math.max(drift, m);
        });
        const t4 = s.pieces[6 * stage + 3]!.duration;
        if (!(Number.isFinite(t4) && t4 > 0)) tauBad++;
      }
      ms.push(measure(0, 'inactive drift per Prop 4.2 step', drift, '<=', 0, 1e-9));
      ms.push(measure(0, 'corridor durations τ₄ not finite and > 0', tauBad, '==', 0, 0));
    }
    return { instances: 1, measurements: ms, coverage: [{ d, M }], data: { rejected: [0] } };
  },
  summarize(outcomes): ClaimSummary {
    const rejected = outcomes.reduce((a, o) => a + (o.data?.['rejected']?.[0] ?? 0), 0);
    const frac = rejected / Math.max(1, outcomes.length);
    if (frac > 0.25) return { verdict: { status: 'inconclusive', reason: `${rejected}/${outcomes.length} draws rejected by the Prop 4.2 margin (> 25%)` } };
    return { tables: [{ title: 'Draws rejected by the Prop 4.2 margin (footnote 6)', columns: ['rejected', 'draws'], rows: [[rejected, outcomes.length]] }] };
  },
};
