/**
 * interpolation.point-matching (GRR Prop 4.1 via Prop 4.2; spec §3 Phase 3, §2.2 erratum 2, §4.2 item 11): V ≡ 0,
 * six perceptron pieces per point, and every point lands exactly on its target while each Prop 4.2 step leaves
 * the inactive points where they were.
 */
import fc from 'fast-check';
import { measure } from '../measure.js';
import type { BatchOutcome } from '../types.js';
import { interpolatorOf, REJECTED_DRAW, summarizeMarginRejections } from './common.js';
import { genericPairsArbitrary, matchedSchedule, type PointPairs } from './point-pairs.js';
import { defineProperty } from '../define.js';
import { pointMatching } from '../../theorems/geshkovski-rigollet-ruiz-balet-2024/index.js';

const M_MAX = 5;
const D_MAX = 4;
const STEP = 1e-2;

type MatchCase = PointPairs;

export const pointMatchingProperty = defineProperty<MatchCase>(pointMatching, {
  arbitrary: () => genericPairsArbitrary({ M: fc.integer({ min: 2, max: M_MAX }) }, ({ M }) => M, M_MAX, D_MAX),
  runs: { quick: 3, ci: 10, thorough: 100 },
  describe: (c) => ({ d: c.d, points: Array.from(c.points), targets: Array.from(c.targets) }),
  async run(c, ctx): Promise<BatchOutcome> {
    const I = interpolatorOf(ctx);
    const { d, points, targets } = c;
    const M = points.length / d;
    const matched = await matchedSchedule(I, c, STEP, 'pieces = 6M');
    if (!matched) return REJECTED_DRAW;
    const { schedule: s, measurements: ms } = matched;
    const clouds = [...Array(M).keys()].map((i) => points.slice(i * d, (i + 1) * d));
    const r = await I.evolve({ d, clouds }, s, { record: true, step: STEP });
    const start = clouds;
    let worst = 0;
    for (let i = 0; i < M; i++)
      worst = Math.max(worst, Math.hypot(...r.final[i]!.map((v, k) => v - targets[i * d + k]!)));
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
  summarize: summarizeMarginRejections,
});
