/**
 * interpolation.generic-disentanglement (exploratory; GRR Prop 6.2, spec §4.2 item 16, generator G5): for d = 3
 * and i.i.d. uniform n-atom empirical inputs, one constant θ = (V, B, W) = (I, βI, 0), β ∈ {0, 1}, clusters each
 * measure to one point and the N limit points are a.s. pairwise distinct, so the measures are disentangled with
 * no switch. Measured: the time each draw takes to reach diameter < 1e-3 (horizon T_max = 200; non-converged
 * draws are reported, not failed) and, for converged draws, the separation of the limit points (> 1e-3).
 */
import fc from 'fast-check';
import { barycenter, geodesic, geodesicDiameter, unit } from '../../impl/reference/sphere-geometry.js';
import { gaussianFromUnits } from '../../impl/reference/prng.js';
import { unitBlock } from '../arbitraries/scalars.js';
import { measure } from '../measure.js';
import type { BatchOutcome, ClaimSummary, Measurement } from '../types.js';
import type { Interpolator } from '../../impl/capabilities/interpolator.js';
import { interpolatorOf, repeated, sphereDefect } from './common.js';
import { defineProperty } from '../define.js';
import { genericDisentanglement } from '../../theorems/geshkovski-rigollet-ruiz-balet-2024/index.js';

const D = 3;
const T_MAX = 200;
const CHECK = 1;
const CHUNK = 10;
const STEP = 5e-2;
const DIAM = 1e-3;
const N_MAX = 4;
const n_MAX = 10;

/** N ∈ [2, 4] measures of n ∈ [2, 10] i.i.d. uniform atoms on S² (float64 unit rows); run under β = 0 and β = 1. */
export interface GenericCase {
  readonly N: number;
  readonly n: number;
  readonly raw: readonly number[];
}

function cloudsOf(c: GenericCase): Float64Array[] {
  return Array.from({ length: c.N }, (_, i) => {
    const x = new Float64Array(c.n * D);
    for (let t = 0; t < c.n; t++) {
      const off = 2 * D * (i * n_MAX + t);
      for (let k = 0; k < D; k++) x[t * D + k] = gaussianFromUnits(c.raw[off + 2 * k]!, c.raw[off + 2 * k + 1]!);
      const r = Math.hypot(x[t * D]!, x[t * D + 1]!, x[t * D + 2]!);
      for (let k = 0; k < D; k++) x[t * D + k] = x[t * D + k]! / r;
    }
    return x;
  });
}

/** Both values of β run on every draw (stratified: no draw of the seed decides which regime is measured). */
const BETAS = [0, 1] as const;

interface BetaRun {
  readonly beta: number;
  readonly converged: boolean;
  readonly time: number;
  readonly sep: number;
  readonly gap: number;
  readonly defect: number;
}

/** Evolve the draw under the constant θ = (I, βI, 0), observed every CHECK until every diameter is < DIAM or T_MAX. */
async function runBeta(I: Interpolator, c: GenericCase, beta: number): Promise<BetaRun> {
  const V = new Float64Array(D * D);
  const B = new Float64Array(D * D);
  for (let k = 0; k < D; k++) {
    V[k * D + k] = 1;
    B[k * D + k] = beta;
  }
  const p = {
    duration: CHECK,
    V,
    B,
    W: new Float64Array(D * D),
    U: new Float64Array(D * D),
    b: new Float64Array(D),
    label: 'prop-6.2',
  };
  let clouds = (await I.evolve({ d: D, clouds: cloudsOf(c) }, { d: D, pieces: [] })).final;
  const hit: number[] = Array.from({ length: c.N }, () => NaN);
  const diam = (x: Float64Array): number => geodesicDiameter(x, c.n, D);
  let t = 0;
  while (t < T_MAX && hit.some((h) => Number.isNaN(h))) {
    const r = await I.evolve({ d: D, clouds }, repeated(D, p, CHUNK), { record: true, step: STEP });
    r.boundaries!.forEach((b, k) =>
      b.forEach((x, i) => {
        if (Number.isNaN(hit[i]!) && diam(x) < DIAM) hit[i] = t + (k + 1) * CHECK;
      }),
    );
    clouds = r.final;
    t += CHUNK * CHECK;
  }
  const converged = hit.every((h) => !Number.isNaN(h));
  let sep = NaN;
  let gap = NaN;
  if (converged) {
    const z = clouds.map((x) => unit(barycenter(x, c.n, D)));
    const r = clouds.map(diam);
    sep = Infinity;
    gap = Infinity;
    for (let i = 0; i < c.N; i++) {
      for (let j = i + 1; j < c.N; j++) {
        const g = geodesic(z[i]!, z[j]!, D);
        sep = Math.min(sep, g);
        gap = Math.min(gap, g - r[i]! - r[j]!);
      }
    }
  }
  return { beta, converged, time: converged ? Math.max(...hit) : NaN, sep, gap, defect: sphereDefect(clouds, D) };
}

export const genericDisentanglementProperty = defineProperty<GenericCase>(genericDisentanglement, {
  arbitrary: () =>
    fc.record({
      N: fc.integer({ min: 2, max: N_MAX }),
      n: fc.integer({ min: 2, max: n_MAX }),
      raw: unitBlock(2 * D * N_MAX * n_MAX),
    }),
  runs: { quick: 2, ci: 5, thorough: 50 },
  describe: (c) => ({ N: c.N, n: c.n, betas: BETAS, clouds: cloudsOf(c).map((x) => Array.from(x)) }),
  async run(c, ctx): Promise<BatchOutcome> {
    const I = interpolatorOf(ctx);
    const runs: BetaRun[] = [];
    for (const beta of BETAS) runs.push(await runBeta(I, c, beta));
    const ms: Measurement[] = [];
    for (const r of runs) {
      // RK4 + renormalisation keeps |x| = 1 to a few u₆₄ per step (1e-12 covers the ≤ 7000 steps)
      ms.push(measure(0, `max | |x| − 1 | at the end (β = ${r.beta})`, r.defect, '<=', 0, 1e-12));
      if (!r.converged) continue;
      // spec item 16: limits pairwise > 1e-3 apart (a probability-1 statement; the geodesic in atan2 form is
      // accurate to ~u₆₄, far below the 1e-3 bound)
      ms.push(measure(0, `min angle between the limit points (β = ${r.beta}, converged draws)`, r.sep, '>=', DIAM, 0));
      // disentangled: caps B(z_i, diam_i) pairwise disjoint ⇒ disjoint hulls (cap radius < π/2)
      ms.push(
        measure(0, `min d_g(z_i, z_j) − diam_i − diam_j at the convergence time (β = ${r.beta})`, r.gap, '>=', 0, 0),
      );
    }
    return {
      instances: runs.length,
      measurements: ms,
      coverage: runs.map((r) => ({ d: D, N: c.N, n: c.n, beta: r.beta })),
      data: {
        converged: runs.map((r) => (r.converged ? 1 : 0)),
        time: runs.filter((r) => r.converged).map((r) => r.time),
        sep: runs.filter((r) => r.converged).map((r) => r.sep),
        row: runs.flatMap((r) => [c.N, c.n, r.beta, r.converged ? r.time : -1, r.converged ? r.sep : -1]),
      },
    };
  },
  summarize(outcomes): ClaimSummary {
    const conv = outcomes.reduce((a, o) => a + (o.data?.['converged'] ?? []).reduce((x, y) => x + y, 0), 0);
    const trials = outcomes.reduce((a, o) => a + (o.data?.['converged'] ?? []).length, 0);
    const times = outcomes.flatMap((o) => o.data?.['time'] ?? []);
    const seps = outcomes.flatMap((o) => o.data?.['sep'] ?? []);
    const rows = outcomes.flatMap((o, i) => {
      const flat = o.data?.['row'] ?? [];
      const out: (number | string)[][] = [];
      for (let k = 0; k + 4 < flat.length; k += 5) {
        const [N, n, beta, time, sep] = flat.slice(k, k + 5) as [number, number, number, number, number];
        out.push([i, N, n, beta, time >= 0 ? time : `> ${T_MAX}`, sep >= 0 ? sep : '—']);
      }
      return out;
    });
    return {
      tables: [
        {
          title: `Prop 6.2 (d = 3, θ = (I, βI, 0), each draw under β = 0 and β = 1): runs with every measure of diameter < ${DIAM} by T_max = ${T_MAX}`,
          columns: [
            'runs converged',
            'runs (draws × 2 values of β)',
            'max time to diameter < 1e-3',
            'min limit-point separation',
          ],
          rows: [[conv, trials, times.length ? Math.max(...times) : '—', seps.length ? Math.min(...seps) : '—']],
        },
        {
          title: 'Prop 6.2 per draw and β (time: first checkpoint, every 1, with all N diameters < 1e-3)',
          columns: ['draw', 'N', 'n', 'β', 'time', 'min separation'],
          rows,
        },
      ],
    };
  },
});
