/**
 * clustering.phase-diagram (GLPR Fig. 3, §6.3, eq. 6.12; spec P12): P(t, β) = mean over realisations of the
 * fraction of off-diagonal pairs with ⟨x_i(t), x_j(t)⟩ ≥ 1 − δ (SA, n = 32, δ = 1e-3, Q = K = V = I), against
 * Γ∞ = {γ_β(t) = 1 − δ} computed from the ODE (6.9) — never digitised from the figure. Assertion (P12 i,
 * heuristic): at d ≥ 128 with RK4 the 0.5-crossing time is within max(0.5, 5%) of t*(β) for β ≤ 6 — compared as
 * intervals: P̂(t) is a mean of R per-realisation fractions, so the crossing time is known only up to the times
 * where the band P̂ ± t_{R−1}·s/√R (pointwise, level 1 − 10⁻³/#β, Bonferroni over β) crosses 0.5; the claim is
 * violated when that crossing interval misses t* ± max(0.5, 5%·t*). (A point estimate from R = 8 realisations
 * against a 0.5 band false-alarmed at β = 5: 9.04 vs 9.54.)
 * The heatmaps and Γ∞ go to summarize().figures; the L¹ distance to 1{γ_β ≥ 1 − δ} per d (P12 ii) and the
 * d = 2 values at the horizon for β ≥ 6 (P12 iii) to tables.
 */
import fc from 'fast-check';
import type { SphereIntegrator } from '../../impl/capabilities/sphere-dynamics.js';
import { seededSpherePoints } from '../arbitraries/sphere.js';
import { measure } from '../measure.js';
import { studentTQuantile } from '../statistics.js';
import type { BatchOutcome, BudgetName, ClaimProperty, ClaimSummary, DataTable, Measurement } from '../types.js';
import { dynamicsOf } from './common.js';
import { equiangularCurve, transitionTime } from './theory.js';

const N = 32;
const DELTA = 1e-3;

interface PhaseBlock {
  readonly d: number;
  readonly betas: readonly number[];
  readonly realisations: number;
  readonly horizon: number;
  readonly integrator: SphereIntegrator;
  readonly dt: number;
  readonly recordEvery: number;
  /** 'heatmap': figure data only; 'crossing': also the crossing-time assertion (d ≥ 128, RK4). */
  readonly role: 'heatmap' | 'crossing';
}

const linspace = (a: number, b: number, k: number): number[] => Array.from({ length: k }, (_, i) => Math.fround(a + ((b - a) * i) / (k - 1)));

/** Budgets: CI is a coarse grid (minutes on 2 cores); thorough reproduces Fig. 3's resolution (β = linspace(0.1, 9, 90), 256 realisations, t ∈ [0, 30]). */
export const PHASE_BLOCKS: Readonly<Record<BudgetName, readonly PhaseBlock[]>> = {
  quick: [
    { d: 2, betas: [1, 5, 9], realisations: 4, horizon: 30, integrator: 'euler-renormalize', dt: 0.1, recordEvery: 5, role: 'heatmap' },
    { d: 128, betas: [1, 3], realisations: 4, horizon: 8, integrator: 'rk4', dt: 0.1, recordEvery: 1, role: 'crossing' },
  ],
  ci: [
    { d: 2, betas: [1, 3, 5, 7, 9], realisations: 16, horizon: 30, integrator: 'euler-renormalize', dt: 0.1, recordEvery: 5, role: 'heatmap' },
    { d: 8, betas: [1, 3, 5, 7, 9], realisations: 16, horizon: 30, integrator: 'euler-renormalize', dt: 0.1, recordEvery: 5, role: 'heatmap' },
    { d: 128, betas: [1, 3, 5], realisations: 8, horizon: 12, integrator: 'rk4', dt: 0.1, recordEvery: 1, role: 'crossing' },
  ],
  thorough: [
    ...[2, 8, 32, 128].map((d): PhaseBlock => ({ d, betas: linspace(0.1, 9, 90), realisations: 256, horizon: 30, integrator: 'euler-renormalize', dt: 0.1, recordEvery: 2, role: 'heatmap' })),
    { d: 128, betas: linspace(0.5, 6, 12), realisations: 64, horizon: 30, integrator: 'rk4', dt: 0.1, recordEvery: 1, role: 'crossing' },
  ],
};

/** Instances per simulate call: keeps the recorded Gram matrices ([B, stored, n, n] float64) near 100 MB. */
function chunkSize(stored: number): number {
  return Math.max(1, Math.floor(1e8 / (stored * N * N * 8)));
}

/** First time the curve reaches `level` (linear interpolation), Infinity if never. */
export function crossingTime(times: readonly number[], values: readonly number[], level: number): number {
  for (let k = 0; k < values.length; k++) {
    if (values[k]! >= level) {
      if (k === 0) return times[0]!;
      const f = (level - values[k - 1]!) / (values[k]! - values[k - 1]!);
      return times[k - 1]! + f * (times[k]! - times[k - 1]!);
    }
  }
  return Infinity;
}

interface BlockResult {
  readonly block: PhaseBlock;
  readonly times: number[];
  /** P[β index][time index]. */
  readonly P: number[][];
  readonly ms: number;
}

export const phaseDiagramProperty: ClaimProperty<number> = {
  claimId: 'clustering.phase-diagram',
  arbitrary: () => fc.integer({ min: 0, max: 0x7fffffff }),
  runs: { quick: 1, ci: 1, thorough: 1 },
  defaultSeed: 6303,
  async run(seed, ctx): Promise<BatchOutcome> {
    const dyn = dynamicsOf(ctx);
    const measurements: Measurement[] = [];
    const coverage: Record<string, number | string>[] = [];
    const results: BlockResult[] = [];
    const crossings: { d: number; beta: number; tStar: number; tHat: number; earliest: number; latest: number; band: number }[] = [];
    let instances = 0;
    for (const [bi, block] of PHASE_BLOCKS[ctx.budget].entries()) {
      const t0 = performance.now();
      const steps = Math.round(block.horizon / block.dt);
      const stored = Math.floor(steps / block.recordEvery) + 1 + (steps % block.recordEvery ? 1 : 0);
      const total = block.betas.length * block.realisations;
      const chunk = chunkSize(stored);
      const sums = block.betas.map(() => new Float64Array(stored));
      const squares = block.betas.map(() => new Float64Array(stored));
      let times: number[] = [];
      for (let start = 0; start < total; start += chunk) {
        const B = Math.min(chunk, total - start);
        const beta = Float64Array.from({ length: B }, (_, k) => block.betas[Math.floor((start + k) / block.realisations)]!);
        const x = seededSpherePoints((seed ^ Math.imul(bi + 1, 0x9e3779b1) ^ Math.imul(start + 1, 0x85ebca6b)) >>> 0, B * N, block.d);
        const traj = await dyn.simulate({ B, n: N, d: block.d, x, beta }, {
          normalization: 'softmax', integrator: block.integrator, dt: block.dt, steps, recordEvery: block.recordEvery, record: 'gram',
        });
        times = Array.from(traj.stepIndex, (s) => s * block.dt);
        const G = traj.gram!;
        for (let b = 0; b < B; b++) {
          const betaIndex = Math.floor((start + b) / block.realisations);
          for (let s = 0; s < traj.stored; s++) {
            const off = (b * traj.stored + s) * N * N;
            let count = 0;
            for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) if (i !== j && G[off + i * N + j]! >= 1 - DELTA) count++;
            const fraction = count / (N * (N - 1));
            sums[betaIndex]![s] = sums[betaIndex]![s]! + fraction;
            squares[betaIndex]![s] = squares[betaIndex]![s]! + fraction * fraction;
          }
        }
        instances += B;
      }
      const P = sums.map((row) => Array.from(row, (v) => v / block.realisations));
      results.push({ block, times, P, ms: performance.now() - t0 });
      block.betas.forEach((beta, k) => {
        coverage.push({ d: block.d, beta, integrator: block.integrator });
        if (block.role !== 'crossing' || beta > 6) return;
        const tStar = transitionTime(beta, N, DELTA);
        if (!(tStar < block.horizon)) return;
        // pointwise t-band of the mean of R fractions, Bonferroni over the β values of the block
        const R = block.realisations;
        const tq = studentTQuantile(1 - 1e-3 / (2 * block.betas.length), R - 1);
        const half = P[k]!.map((m, s) => tq * Math.sqrt(Math.max(0, (squares[k]![s]! / R - m * m) * (R / (R - 1))) / R));
        const earliest = crossingTime(times, P[k]!.map((m, s) => m + half[s]!), 0.5);
        const latest = crossingTime(times, P[k]!.map((m, s) => m - half[s]!), 0.5);
        const band = Math.max(0.5, 0.05 * tStar);
        // distance between the crossing interval [earliest, latest] and t* ± band (0 when they meet)
        const gap = Math.max(0, earliest - (tStar + band), tStar - band - latest);
        measurements.push(measure(k, `0.5-crossing interval vs t*(β) ± max(0.5, 5%) from (6.9), d=${block.d}`, gap, '<=', 0, 0));
        crossings.push({ d: block.d, beta, tStar, tHat: crossingTime(times, P[k]!, 0.5), earliest, latest, band });
      });
    }
    // the grid goes through `data` as flat rows: block i → times, wall time, and one row of P per β
    const data: Record<string, number[]> = {};
    results.forEach((r, i) => {
      data[`${i}|times`] = r.times;
      data[`${i}|ms`] = [r.ms];
      r.P.forEach((row, k) => { data[`${i}|P|${k}`] = row; });
    });
    data['crossing'] = crossings.flatMap((c) => [c.d, c.beta, c.tStar, c.tHat, c.earliest, c.latest, c.band]);
    return { instances, measurements, coverage, data };
  },
  summarize(outcomes, ctx): ClaimSummary {
    const results: BlockResult[] = [];
    for (const o of outcomes) {
      const data = o.data ?? {};
      PHASE_BLOCKS[ctx.budget].forEach((block, i) => {
        const times = data[`${i}|times`];
        if (!times) return;
        results.push({ block, times: [...times], ms: data[`${i}|ms`]![0]!, P: block.betas.map((_, k) => [...data[`${i}|P|${k}`]!]) });
      });
    }
    const blocks = results.map((r) => {
      const tStar = r.block.betas.map((b) => transitionTime(b, N, DELTA));
      const gamma = r.block.betas.map((b) => equiangularCurve(b, N, r.times));
      // P12 ii: mean |P − 1{γ_β(t) ≥ 1 − δ}| over the grid
      let l1 = 0;
      r.P.forEach((row, k) => row.forEach((p, s) => { l1 += Math.abs(p - (gamma[k]![s]! >= 1 - DELTA ? 1 : 0)); }));
      l1 /= r.P.length * r.times.length;
      return {
        d: r.block.d, integrator: r.block.integrator, dt: r.block.dt, realisations: r.block.realisations, role: r.block.role,
        betas: r.block.betas, times: r.times, P: r.P, tStar, l1, seconds: r.ms / 1000,
        crossing: r.P.map((row) => crossingTime(r.times, row, 0.5)),
      };
    });
    const tables: DataTable[] = [
      {
        title: 'Phase diagram blocks: L¹ distance to 1{γ_β(t) ≥ 1 − δ} (P12 ii) and wall time',
        columns: ['d', 'integrator', 'β values', 'realisations', 'horizon', 'mean |P − 1{γ ≥ 1−δ}|', 'seconds'],
        rows: blocks.map((b) => [b.d, b.integrator, b.betas.length, b.realisations, b.times[b.times.length - 1] ?? 0, b.l1, b.seconds]),
      },
      {
        title: 'Crossing-time assertion (P12 i): 0.5-crossing point estimate and its interval (pointwise 99.9% t-band on P̂, Bonferroni over β) against t* ± max(0.5, 5%)',
        columns: ['d', 'β', 't*(β)', 'allowed band', 'crossing (point)', 'crossing interval'],
        rows: outcomes.flatMap((o) => {
          const c = o.data?.['crossing'] ?? [];
          const rows: (string | number)[][] = [];
          for (let q = 0; q + 6 < c.length; q += 7) rows.push([c[q]!, c[q + 1]!, c[q + 2]!, `± ${c[q + 6]!.toFixed(3)}`, c[q + 3]!, `[${c[q + 4]!.toFixed(3)}, ${c[q + 5]!.toFixed(3)}]`]);
          return rows;
        }),
      },
      {
        title: '0.5-crossing time vs t*(β) from (6.9) (n = 32, δ = 1e-3)',
        columns: ['d', 'integrator', 'β', 't*(β)', 'crossing time'],
        rows: blocks.flatMap((b) => b.betas.map((beta, k) => [b.d, b.integrator, beta, b.tStar[k]!, b.crossing[k]!])),
      },
      {
        title: 'P12 iii: d = 2, P at the horizon for β ≥ 6 (multi-cluster, far from 1)',
        columns: ['β', 'P(t = horizon)'],
        rows: blocks.filter((b) => b.d === 2).flatMap((b) => b.betas.map((beta, k) => [beta, b.P[k]![b.times.length - 1]!] as [number, number]).filter(([beta]) => beta >= 6)),
      },
    ];
    const curveBetas = linspace(0.1, 9, 90);
    const curveT = curveBetas.map((b) => transitionTime(b, N, DELTA));
    // one typed 'phase-diagram' figure per block (reports/figures.ts): P over (t, β) with Γ∞ from (6.9) over it
    const typed = Object.fromEntries(blocks.map((b) => {
      const horizon = b.times[b.times.length - 1] ?? 0;
      return [`figure3_d${b.d}_${b.integrator}`, {
        type: 'phase-diagram' as const,
        title: `Figure 3: P(⟨x₁(t), x₂(t)⟩ ≥ 1 − δ), n = ${N}, d = ${b.d} (${b.integrator}, ${b.realisations} realisations)`,
        x: 't', y: 'β', value: 'P(⟨x₁,x₂⟩ ≥ 1 − δ)',
        cells: b.betas.flatMap((beta, k) => b.times.map((t, s) => ({ x: t, y: beta, value: b.P[k]![s]! }))),
        curve: { name: 'Γ∞: t*(β) from eq. (6.9)', role: 'theory' as const, points: curveBetas.map((beta, k) => [curveT[k]!, beta] as [number, number]).filter(([t]) => t <= horizon) },
        measured: { name: '0.5-crossing of P', points: b.betas.map((beta, k) => [b.crossing[k]!, beta] as [number, number]).filter(([t]) => Number.isFinite(t)) },
        caption: 'The heatmap should switch from 0 to 1 along the computed curve; at small d the transition is earlier and blurred (P12 ii–iii).',
      }];
    }));
    return {
      tables,
      figures: {
        ...typed,
        phaseDiagram: {
          n: N, delta: DELTA, statistic: 'mean over realisations of the fraction of pairs i ≠ j with ⟨x_i(t), x_j(t)⟩ ≥ 1 − δ',
          blocks,
          gammaInfinity: { source: 'eq. (6.9), RK4 h = 1e-3', betas: curveBetas, tStar: curveT },
        },
      },
    };
  },
};
