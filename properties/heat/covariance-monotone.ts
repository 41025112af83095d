/**
 * heat.covariance-monotone (spec heat-flow-limit §3.2, property 5): n(Cov′ − Cov) = X_cᵀ(I − Q)(3I − Q)X_c ⪰ 0
 * for Q = nP symmetric, doubly stochastic, spectrum in [0, 1].
 */
import fc from 'fast-check';
import { gaussianOrMixture, particleCase, type ParticleCase } from '../arbitraries/gaussians.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import {
  empiricalCov,
  empiricalMean,
  extent,
  HEAT_COVERAGE_BINS,
  minEigenvalue,
  sbOf,
  slice,
  solveOptionsFor,
  stepErrorModel,
} from './common.js';
import { accuracyOf } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { covarianceMonotone } from '../../theorems/heat-flow/index.js';

export const covarianceMonotoneProperty = defineProperty<ParticleCase>(covarianceMonotone, {
  arbitrary: (budget) =>
    particleCase({
      d: fc.integer({ min: 1, max: 3 }),
      n: fc.integer({ min: 2, max: budget === 'thorough' ? 300 : 150 }),
      batchMax: 4,
      epsMin: 0.01,
      epsMax: 0.2,
      source: gaussianOrMixture,
    }),
  runs: { quick: 2, ci: 6, thorough: 60 },
  coverageBins: HEAT_COVERAGE_BINS,
  async run(c, ctx): Promise<BatchOutcome> {
    const sb = sbOf(ctx);
    const { batch } = c;
    const { B, n, d } = batch;
    const out = await sb.step(batch, solveOptionsFor(sb, batch));
    const model = stepErrorModel(accuracyOf(sb), n);
    const measurements: Measurement[] = [];
    for (let b = 0; b < B; b++) {
      const x = slice(batch.x, b, n * d);
      const y = slice(out.x, b, n * d);
      const C0 = empiricalCov(x, n, d);
      const C1 = empiricalCov(y, n, d);
      const diff = C1.map((v, k) => v - C0[k]!);
      const { diam, xmax } = extent(x, n, d);
      const ex = model.stepError(batch.eps[b]!, diam, xmax);
      // computed x′ = exact x′ + e, |e| ≤ √d·e_x: Cov′ moves by ⪰ −(2√d·e_x·R + d·e_x²)I, R = max|x′ − x̄′|
      const m1 = empiricalMean(y, n, d);
      let R = 0;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let r = 0; r < d; r++) s += (y[i * d + r]! - m1[r]!) ** 2;
        R = Math.max(R, Math.sqrt(s));
      }
      const tol = 2 * Math.sqrt(d) * ex * R + d * ex * ex;
      measurements.push(measure(b, 'λ_min(Cov′ − Cov) ≥ 0', minEigenvalue(diff, d), '>=', 0, tol));
    }
    return {
      instances: B,
      measurements,
      coverage: [...Array(B).keys()].map((b) => ({ n, d, eps: batch.eps[b]!, source: c.sources[b]!.kind })),
    };
  },
});
