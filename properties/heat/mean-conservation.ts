/**
 * heat.mean-conservation (spec heat-flow-limit §3.2, property 4): with Q = nP symmetric and doubly
 * stochastic, (1/n)Σ_i(2x_i − B_i) = x̄ exactly, for any particle set.
 */
import fc from 'fast-check';
import { clusteredArb, gaussianOrMixture } from '../arbitraries/gaussians.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import {
  empiricalMean,
  extent,
  HEAT_COVERAGE_BINS,
  recordedSteps,
  sbOf,
  slice,
  steppedParticles,
  type SteppedParticles,
} from './common.js';
import { defineProperty } from '../define.js';
import { meanConservation } from '../../theorems/heat-flow/index.js';

export const meanConservationProperty = defineProperty<SteppedParticles>(meanConservation, {
  arbitrary: (budget) =>
    steppedParticles(
      {
        d: fc.integer({ min: 1, max: 3 }),
        n: fc.integer({ min: 2, max: budget === 'thorough' ? 300 : 120 }),
        batchMax: 4,
        epsMin: 0.01,
        epsMax: 0.2,
        source: (d) => fc.oneof(gaussianOrMixture(d), clusteredArb(d)),
      },
      budget === 'thorough' ? 8 : 4,
    ),
  runs: { quick: 2, ci: 6, thorough: 60 },
  coverageBins: HEAT_COVERAGE_BINS,
  async run({ particles, steps }, ctx): Promise<BatchOutcome> {
    const sb = sbOf(ctx);
    const { batch } = particles;
    const { B, n, d } = batch;
    const { traj, S, model } = await recordedSteps(sb, batch, steps);
    const measurements: Measurement[] = [];
    for (let b = 0; b < B; b++) {
      const m0 = empiricalMean(slice(traj.x, b * S, n * d), n, d);
      const mK = empiricalMean(slice(traj.x, b * S + S - 1, n * d), n, d);
      let drift = 0;
      for (let r = 0; r < d; r++) drift = Math.max(drift, Math.abs(mK[r]! - m0[r]!));
      // per step the mean moves by the mean of the per-particle errors: ≤ the analysed step error of that step
      let tol = 0;
      for (let s = 0; s < S - 1; s++) {
        const { diam, xmax } = extent(slice(traj.x, b * S + s, n * d), n, d);
        tol += model.stepError(batch.eps[b]!, diam, xmax);
      }
      measurements.push(measure(b, '|x̄_K − x̄_0|∞ (exact: 0)', drift, '<=', 0, tol));
    }
    return {
      instances: B,
      measurements,
      coverage: [...Array(B).keys()].map((b) => ({
        n,
        d,
        eps: batch.eps[b]!,
        steps,
        source: particles.sources[b]!.kind,
      })),
    };
  },
});
