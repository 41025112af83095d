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
  /** 'heatmap': figure data only; 'crossing': also the crossing-time assertion (d ≥ 128, RK4). */
  readonly role: 'heatmap' | 'crossing';
}

export const linspace = (a: number, b: number, k: number): number[] =>
  Array.from({ length: k }, (_, i) => Math.fround(a + ((b - a) * i) / (k - 1)));

/** Budgets: CI is a coarse grid (minutes on 2 cores); thorough reproduces Fig. 3's resolution (β = linspace(0.1, 9, 90), 256 realisations, t ∈ [0, 30]). */
export const PHASE_BLOCKS: Readonly<Record<BudgetName, readonly PhaseBlock[]>> = {
  quick: [
    {
      d: 2,
      betas: [1, 5, 9],
      realisations: 4,
      horizon: 30,
      integrator: 'euler-renormalize',
      dt: 0.1,
      recordEvery: 5,
      role: 'heatmap',
    },
    {
      d: 128,
      betas: [1, 3],
      realisations: 4,
      horizon: 8,
      integrator: 'rk4',
      dt: 0.1,
      recordEvery: 1,
      role: 'crossing',
    },
  ],
  ci: [
    {
      d: 2,
      betas: [1, 3, 5, 7, 9],
      realisations: 16,
      horizon: 30,
      integrator: 'euler-renormalize',
      dt: 0.1,
      recordEvery: 5,
      role: 'heatmap',
    },
    {
      d: 8,
      betas: [1, 3, 5, 7, 9],
      realisations: 16,
      horizon: 30,
      integrator: 'euler-renormalize',
      dt: 0.1,
      recordEvery: 5,
      role: 'heatmap',
    },
    {
      d: 128,
      betas: [1, 3, 5],
      realisations: 8,
      horizon: 12,
      integrator: 'rk4',
      dt: 0.1,
      recordEvery: 1,
      role: 'crossing',
    },
  ],
  thorough: [
    ...[2, 8, 32, 128].map((d): PhaseBlock => ({
      d,
      betas: linspace(0.1, 9, 90),
      realisations: 256,
      horizon: 30,
      integrator: 'euler-renormalize',
      dt: 0.1,
      recordEvery: 2,
      role: 'heatmap',
    })),
    {
      d: 128,
      betas: linspace(0.5, 6, 12),
      realisations: 64,
      horizon: 30,
      integrator: 'rk4',
      dt: 0.1,
      recordEvery: 1,
      role: 'crossing',
    },
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
