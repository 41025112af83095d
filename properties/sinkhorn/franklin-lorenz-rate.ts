/**
 * sinkhorn.franklin-lorenz-rate (spec P10): Sinkhorn converges linearly in the Hilbert metric,
 *   d_H(u^{(ℓ)}, u*) ≤ κ·d_H(v^{(ℓ−1)}, v*),  d_H(v^{(ℓ)}, v*) ≤ κ·d_H(u^{(ℓ)}, u*)   (each half-step),
 *   d_H(v^{(ℓ)}, v*) ≤ κ^{2ℓ}·d_H(v^{(0)}, v*)                                           (eq. 4.22),
 *   ‖log P^{(ℓ)} − log P*‖_∞ ≤ d_H(u^{(ℓ)}, u*) + d_H(v^{(ℓ)}, v*)                         (eq. 4.24),
 * (Franklin & Lorenz 1989; Peyré & Cuturi 2019, Thm 4.2 and Rem. 4.14). The iterates come from the
 * solver under test; u*, v*, P* from the float64 exact plan.
 */
import { hilbertDistanceLog } from '../../impl/reference/hilbert.js';
import { logSumExp } from '../../impl/reference/logsumexp.js';
import { logPlanFrom } from '../../impl/reference/sinkhorn.js';
import type { SinkhornCase } from '../arbitraries/sinkhorn-batch.js';
import { measure } from '../measure.js';
import { linearFit, quantile } from '../statistics.js';
import { perturbedContraction } from '../tolerance.js';
import type { BatchOutcome, DataTable, Measurement, Series } from '../types.js';
import { convergenceSetting, SINKHORN_CASE_REPORTING } from './cases.js';
import {
  coverageOf,
  exactPlan,
  halfStepNoise,
  instanceOracle,
  recordedLogTrace,
  maxLogPlanDeviation,
  traceSlice,
} from './common.js';
import { defineProperty } from '../define.js';
import { franklinLorenzRate } from '../../theorems/sinkhorn-hilbert/index.js';

const ITERATIONS = 25;
/** Measurements are taken only while the error is above this multiple of the noise δ (below it, d_H is rounding). */
const NOISE_FLOOR_FACTOR = 100;

export const franklinLorenzRateProperty = defineProperty<SinkhornCase>(franklinLorenzRate, {
  ...convergenceSetting(0.1),
  ...SINKHORN_CASE_REPORTING,
  async run(c, ctx): Promise<BatchOutcome> {
    const { solver, trace } = await recordedLogTrace(ctx, c.batch, ITERATIONS);
    const { B, n, m } = c.batch;
    const measurements: Measurement[] = [];
    const coverage = [];
    const series: Series[] = [];
    const fitted: number[] = [];
    const kappa2: number[] = [];
    for (let i = 0; i < B; i++) {
      const o = instanceOracle(c.batch, i);
      const star = exactPlan(o);
      const k = o.kappa;
      const dV0 = hilbertDistanceLog(traceSlice(trace, 'logV', i, 0), star.logV);
      const delta = halfStepNoise(solver, c.batch, i, [
        traceSlice(trace, 'logV', i, ITERATIONS),
        traceSlice(trace, 'logU', i, ITERATIONS),
      ]);
      let dPrevV = dV0;
      const curve: [number, number][] = [[0, dV0]];
      const bound: [number, number][] = [[0, dV0]];
      for (let l = 1; l <= ITERATIONS; l++) {
        if (dPrevV < NOISE_FLOOR_FACTOR * delta) break;
        const logU = traceSlice(trace, 'logU', i, l);
        const logV = traceSlice(trace, 'logV', i, l);
        const dU = hilbertDistanceLog(logU, star.logU);
        const dV = hilbertDistanceLog(logV, star.logV);
        // half-steps: the computed iterate is the exact map of the previous one plus ≤ δ per entry (2δ in d_H)
        measurements.push(measure(i, 'd_H(u_ℓ,u*) ≤ κ·d_H(v_{ℓ−1},v*)', dU, '<=', k * dPrevV, 2 * delta));
        measurements.push(measure(i, 'd_H(v_ℓ,v*) ≤ κ·d_H(u_ℓ,u*)', dV, '<=', k * dU, 2 * delta));
        // per-iteration contraction against κ²: the measured rate the report compares with theory
        measurements.push(
          measure(i, 'd_H(v_ℓ,v*)/d_H(v_{ℓ−1},v*) ≤ κ²', dV / dPrevV, '<=', k * k, (2 * delta * (1 + k)) / dPrevV),
        );
        // (4.22) with the perturbation sum of 2δ(1+κ) per iteration
        measurements.push(
          measure(
            i,
            'd_H(v_ℓ,v*) ≤ κ^{2ℓ}·d_H(v_0,v*)  (4.22)',
            dV,
            '<=',
            k ** (2 * l) * dV0,
            perturbedContraction(k * k, l, 0, 2 * delta * (1 + k)),
          ),
        );
        // (4.24): both plans are scalings of one K; with unequal total masses the sign argument of the proof
        // leaves |log(ΣP_ℓ/ΣP*)|, which is added to the bound exactly (float64 evaluation: 1e-12 slack)
        const logP = logPlanFrom(o.problem, logU, 0, logV, 0);
        const massGap = Math.abs(logSumExp(logP, 0, n * m) - logSumExp(star.logPlan, 0, n * m));
        measurements.push(
          measure(
            i,
            '‖log P_ℓ − log P*‖∞ ≤ d_H(u_ℓ,u*) + d_H(v_ℓ,v*)  (4.24)',
            maxLogPlanDeviation(logP, star.logPlan),
            '<=',
            dU + dV + massGap,
            1e-12 * (1 + dU + dV),
          ),
        );
        curve.push([l, dV]);
        bound.push([l, k ** (2 * l) * dV0]);
        dPrevV = dV;
      }
      if (curve.length >= 4) {
        // fitted per-iteration rate: exp of the OLS slope of log d_H(v_ℓ, v*) on ℓ
        const { slope } = linearFit(
          curve.map((p) => p[0]),
          curve.map((p) => Math.log(p[1])),
        );
        fitted.push(Math.exp(slope));
        kappa2.push(k * k);
      }
      if (i === 0) {
        const label = `n=${n}, m=${m}, ε=${c.batch.eps[0]!.toPrecision(3)}, κ²=${(k * k).toPrecision(3)}`;
        series.push({
          name: `d_H(v_ℓ, v*) — ${label}`,
          x: 'iteration ℓ',
          y: 'd_H',
          points: curve,
          role: 'measured',
          logY: true,
          group: 'convergence',
        });
        series.push({
          name: `κ^{2ℓ}·d_H(v_0, v*) — ${label}`,
          x: 'iteration ℓ',
          y: 'd_H',
          points: bound,
          role: 'theory',
          logY: true,
          group: 'convergence',
        });
      }
      coverage.push(coverageOf(c, i, o));
    }
    return { instances: B, measurements, coverage, series, data: { fittedRate: fitted, kappa2 } };
  },
  summarize(outcomes) {
    const fitted = outcomes.flatMap((o) => o.data?.['fittedRate'] ?? []);
    const k2 = outcomes.flatMap((o) => o.data?.['kappa2'] ?? []);
    const ratio = fitted.map((f, q) => f / k2[q]!);
    const table: DataTable = {
      title: 'Fitted per-iteration rate of d_H(v_ℓ, v*) against the Franklin–Lorenz rate κ²',
      columns: ['statistic', 'fitted rate', 'κ²', 'fitted / κ²'],
      rows: (['min', 'p50', 'p90', 'max'] as const).map((s) => {
        const q = { min: 0, p50: 0.5, p90: 0.9, max: 1 }[s];
        return [s, quantile(fitted, q), quantile(k2, q), quantile(ratio, q)];
      }),
    };
    return { tables: [table] };
  },
});
