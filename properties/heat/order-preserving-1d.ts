/**
 * heat.order-preserving-1d (spec heat-flow-limit §3.2, property 5): in 1-D, DB = Cov_π(Y|x)/ε < 2 makes
 * x ↦ 2x − B(x) increasing, so x_i < x_j ⇒ x′_i < x′_j (ε ≤ 0.2, the spec's generators).
 */
import fc from 'fast-check';
import { gaussianOrMixture } from '../arbitraries/gaussians.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import {
  extent,
  HEAT_COVERAGE_BINS,
  recordedSteps,
  sbOf,
  slice,
  steppedParticles,
  type SteppedParticles,
} from './common.js';
import { defineProperty } from '../define.js';
import { orderPreserving } from '../../theorems/heat-flow/index.js';

export const orderPreservingProperty = defineProperty<SteppedParticles>(orderPreserving, {
  arbitrary: (budget) =>
    steppedParticles(
      {
        d: fc.constant(1),
        n: fc.integer({ min: 20, max: budget === 'thorough' ? 300 : 150 }),
        batchMax: 4,
        epsMin: 0.01,
        epsMax: 0.2,
        source: gaussianOrMixture,
      },
      budget === 'thorough' ? 5 : 3,
    ),
  runs: { quick: 2, ci: 5, thorough: 60 },
  coverageBins: HEAT_COVERAGE_BINS,
  async run({ particles, steps }, ctx): Promise<BatchOutcome> {
    const sb = sbOf(ctx);
    const { batch } = particles;
    const { B, n } = batch;
    const { traj, S, model } = await recordedSteps(sb, batch, steps);
    const measurements: Measurement[] = [];
    for (let b = 0; b < B; b++) {
      let worst = Infinity;
      let tol = 0;
      for (let s = 0; s < S - 1; s++) {
        const x = slice(traj.x, b * S + s, n);
        const y = slice(traj.x, b * S + s + 1, n);
        const order = [...Array(n).keys()].sort((i, j) => x[i]! - x[j]!);
        for (let k = 0; k + 1 < n; k++) {
          if (x[order[k + 1]!]! === x[order[k]!]!) continue; // ties carry no order
          worst = Math.min(worst, y[order[k + 1]!]! - y[order[k]!]!);
        }
        const { diam, xmax } = extent(x, n, 1);
        tol = Math.max(tol, 2 * model.stepError(batch.eps[b]!, diam, xmax));
      }
      // two particles' errors of opposite sign can swap a pair closer than 2e_x: not a violation
      measurements.push(
        measure(
          b,
          'min over consecutive sorted pairs of x′_(i+1) − x′_(i) ≥ 0',
          worst === Infinity ? 0 : worst,
          '>=',
          0,
          tol,
        ),
      );
    }
    return {
      instances: B,
      measurements,
      coverage: [...Array(B).keys()].map((b) => ({ n, eps: batch.eps[b]!, steps, source: particles.sources[b]!.kind })),
    };
  },
});
