/**
 * The four "almost surely one cluster" claims (GLPR Thms 4.1, 4.3, 5.1, 6.1) as instances of the shared
 * clustering property (clustering-common.ts). Horizons come from a float64 pilot of 200 seeds per regime
 * with no failure (spec P10; numbers in the claims' hypotheses).
 */
import type { ClusteringRegime } from './clustering-common.js';
import { clusteringProperty } from './clustering-common.js';
import { beta51 } from './theory.js';
import {
  clusteringAnyBeta,
  clusteringBetaZero,
  clusteringLargeBeta,
  clusteringSmallBeta,
} from '../../theorems/geshkovski-2023/index.js';

const logUniform = (lo: number, hi: number, t: number): number =>
  Math.fround(Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo))));
const same = <T>(x: T): Record<'quick' | 'ci' | 'thorough', T> => ({ quick: x, ci: x, thorough: x });

const BETA_ZERO: ClusteringRegime = {
  label: 'β = 0, n ∈ [2, 12], d ∈ {2, 3, 4, 8}',
  nMin: 2,
  nMax: 12,
  dims: [2, 3, 4, 8],
  beta: () => 0,
  normalizations: ['softmax'],
  horizon: 40,
  eta: 0.1,
};

export const clusteringBetaZeroProperty = clusteringProperty({
  claim: clusteringBetaZero,
  regimes: same([BETA_ZERO]),
  batch: { quick: 10, ci: 25, thorough: 125 },
  runs: { quick: 2, ci: 8, thorough: 8 },
  defaultSeed: 4101,
});

const SMALL_CIRCLE: ClusteringRegime = {
  label: 'd = 2, β ∈ [1e-2, 1]',
  nMin: 2,
  nMax: 12,
  dims: [2],
  beta: (_n, _d, t) => logUniform(1e-2, 1, t),
  normalizations: ['softmax', 'unnormalized'],
  horizon: 60,
  eta: 0.1,
};
const SMALL_GENERAL: ClusteringRegime = {
  label: 'd ∈ {3, 4, 8}, β ∈ [1e-3, 0.1/n]',
  nMin: 2,
  nMax: 12,
  dims: [3, 4, 8],
  beta: (n, _d, t) => logUniform(1e-3, 0.1 / n, t),
  normalizations: ['softmax'],
  horizon: 60,
  eta: 0.1,
};

export const clusteringSmallBetaProperty = clusteringProperty({
  claim: clusteringSmallBeta,
  regimes: same([SMALL_CIRCLE, SMALL_GENERAL]),
  batch: { quick: 10, ci: 20, thorough: 125 },
  runs: { quick: 2, ci: 8, thorough: 8 },
  defaultSeed: 4301,
});

const LARGE_N3: ClusteringRegime = {
  label: 'd = 2, n = 3, β ∈ [1.01·β₅.₁, 3]',
  nMin: 3,
  nMax: 3,
  dims: [2],
  beta: (n, d, t) => Math.fround(1.01 * beta51(n, d) + t * (3 - 1.01 * beta51(n, d))),
  normalizations: ['softmax'],
  horizon: 400,
  eta: 0.1,
};
const LARGE_N4: ClusteringRegime = {
  label: 'd = 2, n = 4, β ∈ [3.5, 4]',
  nMin: 4,
  nMax: 4,
  dims: [2],
  beta: (_n, _d, t) => Math.fround(3.5 + 0.5 * t),
  normalizations: ['softmax'],
  horizon: 5000,
  eta: 0.1,
};

export const clusteringLargeBetaProperty = clusteringProperty({
  claim: clusteringLargeBeta,
  regimes: { quick: [LARGE_N3], ci: [LARGE_N3], thorough: [LARGE_N3, LARGE_N4] },
  batch: { quick: 10, ci: 100, thorough: 250 },
  runs: { quick: 1, ci: 2, thorough: 4 },
  defaultSeed: 5101,
});

const ANY_BETA: ClusteringRegime = {
  label: 'd ∈ {3, 4, 8}, β ∈ [1e-2, 3]',
  nMin: 2,
  nMax: 12,
  dims: [3, 4, 8],
  beta: (_n, _d, t) => logUniform(1e-2, 3, t),
  normalizations: ['softmax'],
  horizon: 200,
  eta: 0.1,
};

export const clusteringAnyBetaProperty = clusteringProperty({
  claim: clusteringAnyBeta,
  regimes: same([ANY_BETA]),
  batch: { quick: 10, ci: 25, thorough: 125 },
  runs: { quick: 2, ci: 8, thorough: 8 },
  defaultSeed: 6101,
});
