/**
 * The grid of clustering.phase-diagram (GLPR Fig. 3, §6.3; spec P12): blocks of (d, β, realisations, horizon,
 * integrator) per budget, and the crossing-time helper shared by the units and the summary.
 */
import type { SphereIntegrator } from '../../impl/capabilities/sphere-dynamics.js';
import type { BudgetName } from '../types.js';

export const N = 32;
export const DELTA = 1e-3;

export interface PhaseBlock {
  readonly d: number;
  readonly betas: readonly number[];
  readonly realisations: number;
  readonly horizon: number;
  readonly integrator: SphereIntegrator;
  readonly dt: number;
  readonly recordEvery: number;
  /** 'heatmap': figure data only; 'crossing': also the crossing-time assertion (d = 1024, RK4). */
  readonly role: 'heatmap' | 'crossing';
}

export const linspace = (a: number, b: number, k: number): number[] =>
  Array.from({ length: k }, (_, i) => Math.fround(a + ((b - a) * i) / (k - 1)));

/** A heatmap block (Fig. 3): the authors' normalised Euler, dt = 0.1, t ∈ [0, 30]. */
function heatmap(d: number, betas: readonly number[], realisations: number, recordEvery: number): PhaseBlock {
  return {
    d,
    betas,
    realisations,
    horizon: 30,
    integrator: 'euler-renormalize',
    dt: 0.1,
    recordEvery,
    role: 'heatmap',
  };
}

/**
 * A crossing block (§6.3, eq. (6.12)): RK4 at dt = 0.1, every step recorded, at d = 1024, where the finite-d
 * lag of the crossing behind t*(β) is within the 5% allowance up to β = 6; at the spec's d = 128 it is not
 * (−9% at β = 6; docs/maths/attention-dynamics-clustering.md, P12 erratum).
 */
function crossing(betas: readonly number[], realisations: number, horizon: number): PhaseBlock {
  return { d: 1024, betas, realisations, horizon, integrator: 'rk4', dt: 0.1, recordEvery: 1, role: 'crossing' };
}

/** Budgets: CI is a coarse grid (minutes on 2 cores); thorough reproduces Fig. 3's resolution (β = linspace(0.1, 9, 90), 256 realisations, t ∈ [0, 30]). */
export const PHASE_BLOCKS: Readonly<Record<BudgetName, readonly PhaseBlock[]>> = {
  quick: [heatmap(2, [1, 5, 9], 4, 5), crossing([1, 3], 4, 8)],
  ci: [heatmap(2, [1, 3, 5, 7, 9], 16, 5), heatmap(8, [1, 3, 5, 7, 9], 16, 5), crossing([1, 3, 5], 8, 12)],
  thorough: [
    ...[2, 8, 32, 128].map((d) => heatmap(d, linspace(0.1, 9, 90), 256, 2)),
    crossing(linspace(0.5, 6, 12), 64, 30),
  ],
};

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
