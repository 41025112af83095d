/**
 * interpolation.arcs-example (exploratory; GRR Example 6.1, spec §4.2 item 15, generator G4): on the circle (d = 2)
 * with the constant θ = (V, B, W) = (I, 0, 0), a measure whose tokens sit symmetrically on an arc of half-width
 * < π/2 around u_i converges to δ_{u_i}: every token reaches angle ≤ 1e-6 from u_i by T = 30, and
 * E = 1 − cos ϑ (ϑ the angle to u_i) is nonincreasing per token (Ė = −α_i sin²ϑ ≤ 0).
 */
import fc from 'fast-check';
import { chordal, geodesic } from '../../impl/reference/sphere-geometry.js';
import { measure } from '../measure.js';
import type { BatchOutcome, ClaimSummary, Measurement } from '../types.js';
import { interpolatorOf, repeated, sphereDefect } from './common.js';
import { defineProperty } from '../define.js';
import { arcsExample } from '../../theorems/geshkovski-rigollet-ruiz-balet-2024/index.js';

const T = 30;
const CHECK = 0.5;
const STEP = 2e-2;
const ANGLE = 1e-6;

/** N symmetric arcs: measure i has tokens at angles θ_i ± δ_{i,j}, half-widths δ ∈ [0.05, 1.45] (< π/2). */
export interface ArcsCase {
  readonly midpoints: readonly number[];
  readonly halfWidths: ReadonlyArray<readonly number[]>;
}

function arcsCase(): fc.Arbitrary<ArcsCase> {
  return fc
    .array(
      fc.record({
        mid: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        deltas: fc.array(fc.double({ min: 0.05, max: 1.45, noNaN: true }), { minLength: 1, maxLength: 4 }),
      }),
      { minLength: 1, maxLength: 3 },
    )
    .map((arcs) => ({ midpoints: arcs.map((a) => a.mid), halfWidths: arcs.map((a) => a.deltas) }));
}

function cloudOf(mid: number, deltas: readonly number[]): Float64Array {
  const x = new Float64Array(4 * deltas.length);
  deltas.forEach((dl, j) => {
    x.set([Math.cos(mid + dl), Math.sin(mid + dl), Math.cos(mid - dl), Math.sin(mid - dl)], 4 * j);
  });
  return x;
}

/** E = 1 − cos ϑ = |x − u|²/2, computed from the chord (no cancellation near ϑ = 0). */
function lyapunov(x: Float64Array, t: number, u: Float64Array): number {
  return chordal(x, t, u, 0, 2) ** 2 / 2;
}

export const arcsExampleProperty = defineProperty<ArcsCase>(arcsExample, {
  arbitrary: () => arcsCase(),
  runs: { quick: 2, ci: 6, thorough: 60 },
  defaultSeed: 20241106,
  describe: (c) => c,
  async run(c, ctx): Promise<BatchOutcome> {
    const I = interpolatorOf(ctx);
    const d = 2;
    const V = Float64Array.from([1, 0, 0, 1]);
    const z = (): Float64Array => new Float64Array(4);
    const p = { duration: CHECK, V, B: z(), W: z(), U: z(), b: new Float64Array(2), label: 'example-6.1' };
    const fam = { d, clouds: c.midpoints.map((m, i) => cloudOf(m, c.halfWidths[i]!)) };
    const x0 = (await I.evolve(fam, { d, pieces: [] })).final;
    const K = Math.round(T / CHECK);
    const r = await I.evolve(fam, repeated(d, p, K), { record: true, step: STEP });
    const ms: Measurement[] = [];
    let eUp = 0;
    let finalAngle = 0;
    const hitTimes: number[] = [];
    c.midpoints.forEach((m, i) => {
      const u = Float64Array.from([Math.cos(m), Math.sin(m)]);
      const states = [x0[i]!, ...r.boundaries!.map((b) => b[i]!)];
      const n = states[0]!.length / d;
      let hit = NaN;
      for (let k = 0; k < states.length; k++) {
        const x = states[k]!;
        let worst = 0;
        for (let t = 0; t < n; t++) {
          worst = Math.max(worst, geodesic(x, u, d, t, 0));
          if (k > 0) eUp = Math.max(eUp, lyapunov(x, t, u) - lyapunov(states[k - 1]!, t, u));
        }
        if (Number.isNaN(hit) && worst <= ANGLE) hit = k * CHECK;
        if (k === states.length - 1) finalAngle = Math.max(finalAngle, worst);
      }
      hitTimes.push(hit);
    });
    // RK4 + renormalisation keeps |x| = 1 to a few u₆₄ per step (1e-12 covers 1500 steps)
    ms.push(measure(0, 'max | |x| − 1 | after the run', sphereDefect(r.final, d), '<=', 0, 1e-12));
    // E = |x − u|²/2 from the chord: rounding of one evaluation ≤ 4u₆₄·E + u₆₄² per coordinate; the symmetric
    // configuration's midpoint drifts only by rounding (≤ 1e-13 over the run), so an increase above 1e-14 is real
    ms.push(measure(0, 'max increase of E = 1 − cos ϑ per token between checkpoints', eUp, '<=', 0, 1e-14));
    // spec item 15: angle ≤ 1e-6 by T = 30 (geodesic in atan2 form, accurate to ~u₆₄ near 0)
    ms.push(measure(0, `max angle to the arc midpoint at T = ${T}`, finalAngle, '<=', ANGLE, 0));
    const nTok = c.halfWidths.map((h) => 2 * h.length);
    return {
      instances: 1,
      measurements: ms,
      coverage: [{ d, N: c.midpoints.length, n: Math.max(...nTok), halfWidth: Math.max(...c.halfWidths.flat()) }],
      data: {
        hitTime: hitTimes.map((h) => (Number.isNaN(h) ? -1 : h)),
        halfWidth: c.halfWidths.map((h) => Math.max(...h)),
        finalAngle: [finalAngle],
        eUp: [eUp],
      },
    };
  },
  summarize(outcomes): ClaimSummary {
    const hits = outcomes.flatMap((o) => o.data?.['hitTime'] ?? []);
    const widths = outcomes.flatMap((o) => o.data?.['halfWidth'] ?? []);
    const conv = hits.filter((h) => h >= 0);
    const rows = hits.map((h, i) => [i, Number(widths[i]!.toFixed(3)), h >= 0 ? h : `> ${T}`] as (number | string)[]);
    const worstAngle = Math.max(...outcomes.flatMap((o) => o.data?.['finalAngle'] ?? []));
    const worstE = Math.max(...outcomes.flatMap((o) => o.data?.['eUp'] ?? []));
    return {
      tables: [
        {
          title: `Example 6.1 (d = 2, θ = (I, 0, 0)): arcs whose tokens are all within ${ANGLE} of the midpoint by T = ${T}`,
          columns: [
            'arcs converged',
            'arcs',
            'max first time (checkpoints every 0.5)',
            `max angle at T = ${T}`,
            'max increase of E',
          ],
          rows: [[conv.length, hits.length, conv.length ? Math.max(...conv) : '—', worstAngle, worstE]],
        },
        {
          title: 'Example 6.1: first checkpoint with every token within 1e-6 of u_i, per arc',
          columns: ['arc', 'max half-width δ', 'time'],
          rows,
        },
      ],
    };
  },
});
