/**
 * sorting.readout-bound (spec P8 a, c; §4 "Exact decomposition"): for the sorting output ŝ_ℓ = M_ℓx of the
 * model, (a) |ŝ_ℓ,i − s*_λ,i| ≤ ((x_max − x_min)/2)·‖M_ℓ,i − nP*ᵀ_i‖₁ (both rows sum to 1), and (c) the
 * entropic limit s*_λ is non-decreasing in i (the Gaussian kernel is TP2: Karlin, Total Positivity).
 */
import fc from 'fast-check';
import type { OTTransformerCase } from '../arbitraries/ot-transformer-batch.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { modelOf, oracleOf, view } from '../ot-transformer/common.js';
import { OT_CASE_REPORTING, sortingGridCase } from '../ot-transformer/cases.js';
import { coverageOfCase } from '../ot-transformer/coverage.js';
import { listOf, sortingLimit } from './common.js';
import { accuracyOf } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { sortingReadoutBound } from '../../theorems/daneshmand-2024/index.js';

const LAYERS = [0, 5, 50, 300];

export const sortingReadoutBoundProperty = defineProperty<OTTransformerCase>(sortingReadoutBound, {
  arbitrary: (budget) =>
    sortingGridCase(budget, { nMax: 40, lambdaMin: 0.03, lambdaMax: 0.1, lambdaValues: [0.1, 0.03] }),
  runs: { quick: 3, ci: 10, thorough: 100 },
  ...OT_CASE_REPORTING,
  async run(c, ctx): Promise<BatchOutcome> {
    void fc;
    const model = modelOf(ctx);
    const { B, n } = c.batch;
    const t = await model.forward(c.batch, { layers: LAYERS[LAYERS.length - 1]!, record: LAYERS });
    const acc = accuracyOf(model);
    const u = acc.u;
    const measurements: Measurement[] = [];
    const coverage = [];
    for (let b = 0; b < B; b++) {
      const o = oracleOf(c.batch, b);
      const x = listOf(c.batch, b);
      const sStar = sortingLimit(o, x);
      const xmax = Math.max(...x);
      const xmin = Math.min(...x);
      const mid = (xmax + xmin) / 2;
      LAYERS.forEach((l, s) => {
        const M = view.readout(t, b, s);
        const sh = view.sorted(t, b, s);
        let worst = { measured: 0, bound: 0, tol: 0, margin: Infinity };
        for (let i = 0; i < n; i++) {
          let l1 = 0;
          let rowSum = 0;
          for (let j = 0; j < n; j++) {
            l1 += Math.abs(M[i * n + j]! - o.readoutLimit[i * n + j]!);
            rowSum += M[i * n + j]!;
          }
          // slack: the computed row sums to 1 only up to rounding (x̄·|Σ_j M_ij − 1|, plus the oracle's n·1e-13),
          // and ŝ = M·x is itself rounded ((n + 2)u·max|x|)
          const tol =
            Math.abs(mid) * (Math.abs(rowSum - 1) + n * 1e-13) + (n + 2) * u * Math.max(Math.abs(xmax), Math.abs(xmin));
          const measured = Math.abs(sh[i]! - sStar[i]!);
          const bound = ((xmax - xmin) / 2) * l1;
          const margin = bound + tol - measured;
          if (Number.isNaN(margin) || margin < worst.margin)
            worst = { measured: Number.isNaN(margin) ? NaN : measured, bound, tol, margin };
        }
        measurements.push(
          measure(
            b,
            '(a) |ŝ_ℓ,i − s*_i| ≤ ((x_max − x_min)/2)·‖M_ℓ,i − nP*ᵀ_i‖₁ (worst row)',
            worst.measured,
            '<=',
            worst.bound,
            worst.tol,
          ),
        );
        void l;
      });
      let minStep = Infinity;
      for (let i = 0; i + 1 < n; i++) minStep = Math.min(minStep, sStar[i + 1]! - sStar[i]!);
      // (c) a property of the float64 limit: tolerance = the oracle's marginal accuracy 1e-13 times n
      measurements.push(measure(b, '(c) min_i (s*_{i+1} − s*_i) ≥ 0', minStep, '>=', 0, 1e-12));
      coverage.push(coverageOfCase(c, b));
    }
    return { instances: B, measurements, coverage };
  },
});
