/**
 * ot-transformer.sink-potential (spec P14, DERIVED in spec §2): from ũ_0 = ṽ_0 = 0 the sink potentials
 * descend monotonically to −2λ log n, the fixed point of ũ ← ũ − γ(ne^{ũ/λ} − 1/n)/(ne^{ũ/λ} + 1).
 */
import { sinkPotentialLimit } from '../../impl/reference/ot-transformer.js';
import { otTransformerCase, type OTTransformerCase } from '../arbitraries/ot-transformer-batch.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement, Series } from '../types.js';
import { modelOf, view } from './common.js';
import { OT_CASE_REPORTING } from './cases.js';
import { coverageOfCase } from './coverage.js';
import { accuracyOf } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { sinkPotential } from '../../theorems/daneshmand-2024/index.js';

const LAYERS = 300;

export const sinkPotentialProperty = defineProperty<OTTransformerCase>(sinkPotential, {
  arbitrary: (budget) =>
    otTransformerCase({
      nMax: 64,
      dMax: 2,
      batchMax: budget === 'quick' ? 2 : 4,
      lambdaMin: 0.05,
      lambdaMax: 1,
      gammaOverLambda: [0.25, 0.5],
      families: ['unit-cube'],
      inits: ['zero'],
    }),
  runs: { quick: 2, ci: 5, thorough: 60 },
  defaultSeed: 1414,
  ...OT_CASE_REPORTING,
  async run(c, ctx): Promise<BatchOutcome> {
    const model = modelOf(ctx);
    const { B, n } = c.batch;
    const t = await model.forward(c.batch, { layers: LAYERS, potentials: 'all', record: [LAYERS] });
    const acc = accuracyOf(model);
    const u = acc.u;
    const measurements: Measurement[] = [];
    const coverage = [];
    const series: Series[] = [];
    for (let b = 0; b < B; b++) {
      const lambda = c.batch.lambda[b]!;
      const gamma = c.batch.gamma[b]!;
      const limit = sinkPotentialLimit(n, lambda);
      // f(ũ) = (ne^{ũ/λ} − 1/n)/(ne^{ũ/λ} + 1) has f′ = (1 + 1/n)·a/(λ(a + 1)²), a = ne^{ũ/λ} ∈ [1/n, n] between
      // ũ* = −2λ log n and 0, where a/(a+1)² ≥ n/(n+1)²: f′ ≥ 1/(λ(n+1)) = q/γ, and f′ ≤ 1/(2λ) so γf′ ≤ ¼.
      // Mean value theorem: every layer contracts |ũ − ũ*| by ≤ 1 − q without overshoot (hence monotone):
      // |ũ_L − ũ*| ≤ |ũ_0 − ũ*|(1 − q)^L. Float: each layer adds ≤ u·(|ũ| + γ), a stall at ≤ u(|ũ| + γ)/q.
      const q = gamma / (lambda * (n + 1));
      let increases = 0;
      let worstStep = 0;
      for (const which of ['sinkU', 'sinkV'] as const) {
        let prev = view[which](t, b, 0);
        for (let l = 1; l <= LAYERS; l++) {
          const cur = view[which](t, b, l);
          const step = Number.isNaN(cur) ? NaN : cur - prev;
          if (step > u * (Math.abs(cur) + gamma)) increases++;
          worstStep = Number.isNaN(step) ? NaN : Math.max(worstStep, step);
          prev = cur;
        }
        const gap = Math.abs(view[which](t, b, LAYERS) - limit);
        const bound = Math.abs(limit) * (1 - q) ** LAYERS;
        // stall of the float iteration, plus the rounding of the limit −2λ log n itself (2u·|ũ*|)
        const floor = (u * (Math.abs(limit) + gamma)) / q + 2 * u * Math.abs(limit);
        measurements.push(
          measure(
            b,
            `|${which === 'sinkU' ? 'ũ' : 'ṽ'}_L + 2λ log n| ≤ |ũ_0 + 2λ log n|(1 − γ/(λ(n+1)))^L`,
            gap,
            '<=',
            bound,
            floor,
          ),
        );
      }
      measurements.push(
        measure(
          b,
          'largest increase of ũ_ℓ, ṽ_ℓ in one layer (monotone descent)',
          worstStep,
          '<=',
          0,
          u * (Math.abs(limit) + gamma),
        ),
      );
      if (b === 0) {
        const pts: [number, number][] = [];
        for (let l = 0; l <= LAYERS; l += 4) pts.push([l, view.sinkU(t, b, l) - limit]);
        series.push({
          name: `ũ_ℓ + 2λ log n — n=${n}, λ=${lambda.toPrecision(3)}`,
          x: 'layer ℓ',
          y: 'ũ_ℓ − ũ*',
          points: pts,
          role: 'measured',
          group: 'sink',
        });
      }
      coverage.push(coverageOfCase(c, b, { increases }));
    }
    return { instances: B, measurements, coverage, series };
  },
});
