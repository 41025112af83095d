/**
 * clustering.metastability (exploratory; GLPR Problem 1 and Fig. 4; Geshkovski–Koubbi–Polyanskiy–Rigollet 2024,
 * arXiv 2410.06833, not read): at large β on the circle the particles sit near m < n clusters for long times.
 * Reported: the mean number of clusters (connected components of {½‖x_i − x_j‖² ≤ 1e-3}) over time per β, and
 * the fraction of runs with more than one cluster at the horizon. Nothing is asserted.
 */
import fc from 'fast-check';
import { seededSpherePoints } from '../arbitraries/sphere.js';
import type { BatchOutcome, BudgetName, ClaimSummary, Proportion, Series } from '../types.js';
import { dynamicsOf, proportion, stateOf } from './common.js';
import { defineProperty } from '../define.js';
import { metastability } from '../../theorems/geshkovski-2023/index.js';

const N = 32;
const D = 2;
const BETAS = [1, 4, 9];
const CLOSE = 1e-3;
const SETUP: Readonly<Record<BudgetName, { realisations: number; horizon: number; recordEvery: number }>> = {
  quick: { realisations: 4, horizon: 10, recordEvery: 10 },
  ci: { realisations: 8, horizon: 30, recordEvery: 10 },
  thorough: { realisations: 64, horizon: 300, recordEvery: 50 },
};

/** Number of connected components of the graph {i ~ j : ½‖x_i − x_j‖² ≤ close} (union–find). */
function clusterCount(x: ArrayLike<number>, n: number, d: number, close: number): number {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += (x[i * d + k]! - x[j * d + k]!) ** 2;
      if (s / 2 <= close) parent[find(i)] = find(j);
    }
  }
  return new Set(parent.map((_, i) => find(i))).size;
}

export const metastabilityProperty = defineProperty<number>(metastability, {
  // a seed has no simpler value: a failure is reported as drawn, not re-run for shrink candidates
  arbitrary: () => fc.noShrink(fc.integer({ min: 0, max: 0x7fffffff })),
  runs: { quick: 1, ci: 1, thorough: 1 },
  defaultSeed: 1001,
  async run(seed, ctx): Promise<BatchOutcome> {
    const dyn = dynamicsOf(ctx);
    const setup = SETUP[ctx.budget];
    const R = setup.realisations;
    const B = BETAS.length * R;
    const beta = Float64Array.from({ length: B }, (_, k) => BETAS[Math.floor(k / R)]!);
    const dt = 0.1;
    const traj = await dyn.simulate(
      { B, n: N, d: D, x: seededSpherePoints(seed, B * N, D), beta },
      {
        normalization: 'softmax',
        integrator: 'euler-renormalize',
        dt,
        steps: Math.round(setup.horizon / dt),
        recordEvery: setup.recordEvery,
      },
    );
    const data: Record<string, number[]> = {};
    const series: Series[] = [];
    BETAS.forEach((b, q) => {
      const mean: [number, number][] = [];
      for (let s = 0; s < traj.stored; s++) {
        let c = 0;
        for (let r = 0; r < R; r++) c += clusterCount(stateOf(traj, q * R + r, s), N, D, CLOSE);
        mean.push([traj.stepIndex[s]! * dt, c / R]);
      }
      series.push({
        name: `mean number of clusters, β = ${b}`,
        x: 't',
        y: 'clusters',
        points: mean,
        role: 'measured',
        group: 'metastability',
      });
      data[`β=${b}`] = Array.from({ length: R }, (_, r) =>
        clusterCount(stateOf(traj, q * R + r, traj.stored - 1), N, D, CLOSE) > 1 ? 1 : 0,
      );
    });
    return { instances: B, measurements: [], coverage: BETAS.map((b) => ({ beta: b, d: D, n: N })), series, data };
  },
  summarize(outcomes): ClaimSummary {
    const proportions: Proportion[] = BETAS.map((b) => {
      const flags = outcomes.flatMap((o) => o.data?.[`β=${b}`] ?? []);
      // reported only: the share of runs still multi-cluster at the horizon; no threshold is claimed
      const p = proportion(
        `P(> 1 cluster at the horizon), d = 2, n = 32, β = ${b}`,
        flags.reduce((a, v) => a + v, 0),
        flags.length,
        0,
        0.95,
      );
      return { ...p, verdict: 'inconclusive' as const };
    });
    return { proportions };
  },
});
