/**
 * The four "almost surely one cluster" claims (GLPR Thms 4.1, 4.3, 5.1, 6.1) as instances of the shared
 * clustering property (clustering-common.ts). Horizons come from a float64 pilot of 200 seeds per regime
 * with no failure (spec P10; numbers in the claims' hypotheses).
 */
import { clusteringProperty, clusteringRegime } from './clustering-common.js';
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

/** Runs of the claims with one regime per budget (the batch sizes carry the budget). */
const RUNS = { quick: 2, ci: 8, thorough: 8 };

const BETA_ZERO = clusteringRegime(
  'β = 0, n ∈ [2, 12], d ∈ {2, 3, 4, 8}',
  [2, 12],
  [2, 3, 4, 8],
  () => 0,
  ['softmax'],
  40,
);

export const clusteringBetaZeroProperty = clusteringProperty({
  claim: clusteringBetaZero,
  regimes: same([BETA_ZERO]),
  batch: { quick: 10, ci: 25, thorough: 125 },
  runs: RUNS,
  defaultSeed: 4101,
});

const SMALL_CIRCLE = clusteringRegime(
  'd = 2, β ∈ [1e-2, 1]',
  [2, 12],
  [2],
  (_n, _d, t) => logUniform(1e-2, 1, t),
  ['softmax', 'unnormalized'],
  60,
);
const SMALL_GENERAL = clusteringRegime(
  'd ∈ {3, 4, 8}, β ∈ [1e-3, 0.1/n]',
  [2, 12],
  [3, 4, 8],
  (n, _d, t) => logUniform(1e-3, 0.1 / n, t),
  ['softmax'],
  60,
);

export const clusteringSmallBetaProperty = clusteringProperty({
  claim: clusteringSmallBeta,
  regimes: same([SMALL_CIRCLE, SMALL_GENERAL]),
  batch: { quick: 10, ci: 20, thorough: 125 },
  runs: RUNS,
  defaultSeed: 4301,
});

const LARGE_N3 = clusteringRegime(
  'd = 2, n = 3, β ∈ [1.01·β₅.₁, 3]',
  [3, 3],
  [2],
  (n, d, t) => Math.fround(1.01 * beta51(n, d) + t * (3 - 1.01 * beta51(n, d))),
  ['softmax'],
  400,
);
const LARGE_N4 = clusteringRegime(
  'd = 2, n = 4, β ∈ [3.5, 4]',
  [4, 4],
  [2],
  (_n, _d, t) => Math.fround(3.5 + 0.5 * t),
  ['softmax'],
  5000,
);

export const clusteringLargeBetaProperty = clusteringProperty({
  claim: clusteringLargeBeta,
  regimes: { quick: [LARGE_N3], ci: [LARGE_N3], thorough: [LARGE_N3, LARGE_N4] },
  batch: { quick: 10, ci: 100, thorough: 250 },
  runs: { quick: 1, ci: 2, thorough: 4 },
  defaultSeed: 5101,
});

const ANY_BETA = clusteringRegime(
  'd ∈ {3, 4, 8}, β ∈ [1e-2, 3]',
  [2, 12],
  [3, 4, 8],
  (_n, _d, t) => logUniform(1e-2, 3, t),
  ['softmax'],
  200,
);

export const clusteringAnyBetaProperty = clusteringProperty({
  claim: clusteringAnyBeta,
  regimes: same([ANY_BETA]),
  batch: { quick: 10, ci: 25, thorough: 125 },
  runs: RUNS,
  defaultSeed: 6101,
});
