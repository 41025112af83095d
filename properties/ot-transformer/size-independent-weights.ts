/**
 * ot-transformer.size-independent-weights (spec P7; Daneshmand 2024, AISTATS page Remark 1; author's code):
 * one weight set (one λ, γ = λ/2) drives d_H(P_L, P*_λ) → 0 for every n ∈ {2, 4, 8, 16, 32, 64}; only the
 * −1/n prompt entry changes with n.
 */
import fc from 'fast-check';
import type { OTTransformerBatch } from '../../impl/capabilities/ot-transformer.js';
import { logUniform, unitBlock } from '../arbitraries/scalars.js';
import type { BatchOutcome, Measurement, Series } from '../types.js';
import { modelOf } from './common.js';
import { OT_COVERAGE_BINS } from './coverage.js';
import { depthCheck, summarizeDepth } from './depth.js';
import { defineProperty } from '../define.js';
import { sizeIndependentWeights } from '../../theorems/daneshmand-2024/index.js';

const SIZES = [2, 4, 8, 16, 32, 64] as const;
const PER_SIZE = 2;
const MAX_LAYERS = { quick: 3000, ci: 6000, thorough: 20000 } as const;

interface Input {
  readonly lambda: number;
  readonly d: number;
  readonly points: readonly number[];
}

/** The batch of PER_SIZE instances with n points each, sliced from one block (same λ, γ for all n). */
function batchFor(x: Input, n: number): OTTransformerBatch {
  const { d } = x;
  const s = 1 / Math.sqrt(d);
  const B = PER_SIZE;
  const X = new Float64Array(B * n * d);
  const Y = new Float64Array(B * n * d);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < d; k++) {
        X[(b * n + i) * d + k] = Math.fround(x.points[(b * 2 * 64 + i) * 3 + k]! * s);
        Y[(b * n + i) * d + k] = Math.fround(x.points[((b * 2 + 1) * 64 + i) * 3 + k]! * s);
      }
    }
  }
  return {
    B,
    n,
    d,
    x: X,
    y: Y,
    lambda: new Float64Array(B).fill(x.lambda),
    gamma: new Float64Array(B).fill(Math.fround(x.lambda / 2)),
  };
}

export const sizeIndependentWeightsProperty = defineProperty<Input>(sizeIndependentWeights, {
  arbitrary: () =>
    fc.record({
      lambda: logUniform(0.3, 1),
      d: fc.integer({ min: 1, max: 3 }),
      points: unitBlock(PER_SIZE * 2 * 64 * 3),
    }),
  runs: { quick: 1, ci: 1, thorough: 10 },
  defaultSeed: 777,
  coverageBins: { ...OT_COVERAGE_BINS, layers: [0, 500, 1000, 2000, 4000, 8000, 20001] },
  describe: (x) => ({ lambda: x.lambda, d: x.d, sizes: SIZES }),
  async run(x, ctx): Promise<BatchOutcome> {
    const model = modelOf(ctx);
    const measurements: Measurement[] = [];
    const coverage: Record<string, number | string>[] = [];
    const series: Series[] = [];
    const data: Record<string, number[]> = {};
    let instances = 0;
    for (const n of SIZES) {
      const batch = batchFor(x, n);
      const o = await depthCheck(model, batch, {
        chunk: 500,
        maxLayers: MAX_LAYERS[ctx.budget],
        label: () => `n=${n}, d=${x.d}, λ=${x.lambda.toPrecision(3)}, γ=λ/2`,
        coverage: (b, layers) => ({ n, d: x.d, lambda: x.lambda, gammaOverLambda: 0.5, layers }),
      });
      measurements.push(
        ...o.measurements.map((m) => ({
          ...m,
          instance: instances + m.instance,
          quantity: `${m.quantity} [n = ${n}]`,
        })),
      );
      coverage.push(...o.coverage);
      series.push(...(o.series ?? []));
      for (const [k, v] of Object.entries(o.data ?? {})) data[k] = [...(data[k] ?? []), ...v];
      instances += batch.B;
    }
    return { instances, measurements, coverage, series, data };
  },
  summarize: (outcomes) => summarizeDepth(outcomes),
});
