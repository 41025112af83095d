/**
 * ot-transformer.paper-figures (exploratory): the Figs 3/4 setup of the author's notebook (x = perm(0..n−1)/n,
 * y = 0..n−1, λ = 0.1, γ = 0.05, u₀ ~ N(0,1), v₀ ~ U(0,1), 5000 layers) for n ∈ {4, 6, 8}, run on the model
 * under test. report.json carries, per n, d_H(P_ℓ, P*) for every layer (from the model's potentials, spec §7)
 * and max|M_ℓ − nP*ᵀ| every 10 layers (the model's readout), ready for plotting.
 */
import { mulberry32 } from '../../impl/reference/prng.js';
import fc from 'fast-check';
import type { OTTransformerBatch } from '../../impl/capabilities/ot-transformer.js';
import { measure } from '../measure.js';
import type { BatchOutcome, DataTable, Measurement, Series } from '../types.js';
import { hilbertFromPotentials, modelOf, oracleOf, readoutError } from './common.js';
import { defineProperty } from '../define.js';
import { paperFigures } from '../../theorems/daneshmand-2024/index.js';

const SIZES = [4, 6, 8] as const;
const LAYERS = 5000;
const READOUT_EVERY = 10;

/** Deterministic uniform stream (mulberry32), so the figure instance is fixed. */
const stream = mulberry32;

/** The notebook's instance for n points (seeded permutation and initial potentials). */
function figureInstance(n: number, seed: number): OTTransformerBatch {
  const r = stream(seed + n);
  const perm = [...Array(n).keys()]
    .map((i) => [r(), i] as const)
    .sort((p, q) => p[0] - q[0])
    .map((p) => p[1]);
  const u0 = Float64Array.from({ length: n }, () =>
    Math.fround(Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r())),
  );
  const v0 = Float64Array.from({ length: n }, () => Math.fround(r()));
  return {
    B: 1,
    n,
    d: 1,
    x: Float64Array.from(perm, (p) => Math.fround(p / n)),
    y: Float64Array.from({ length: n }, (_, i) => i),
    lambda: Float64Array.of(Math.fround(0.1)),
    gamma: Float64Array.of(Math.fround(0.05)),
    u0,
    v0,
  };
}

export const paperFiguresProperty = defineProperty<number>(paperFigures, {
  arbitrary: () => fc.constant(2024),
  runs: { quick: 1, ci: 1, thorough: 1 },
  defaultSeed: 2024,
  describe: (seed) => ({ seed, sizes: SIZES, layers: LAYERS, lambda: 0.1, gamma: 0.05 }),
  async run(seed, ctx): Promise<BatchOutcome> {
    const model = modelOf(ctx);
    const measurements: Measurement[] = [];
    const series: Series[] = [];
    const coverage: Record<string, number | string>[] = [];
    const data: Record<string, number[]> = {};
    const record = [...Array(LAYERS / READOUT_EVERY + 1).keys()].map((k) => k * READOUT_EVERY);
    for (const [k, n] of SIZES.entries()) {
      const batch = figureInstance(n, seed);
      const o = oracleOf(batch, 0);
      const t = await model.forward(batch, { layers: LAYERS, potentials: 'all', record });
      const dH = [...Array(LAYERS + 1).keys()].map((l) => hilbertFromPotentials(t, 0, l, o));
      const rErr = record.map((_, s) => readoutError(t, 0, s, o));
      data[`dH_n${n}`] = dH;
      data[`readoutError_n${n}`] = rErr;
      series.push({
        name: `d_H(P_ℓ, P*) — n = ${n}`,
        x: 'layer ℓ',
        y: 'd_H',
        points: record.map((l) => [l, dH[l]!] as [number, number]),
        role: 'measured',
        logY: true,
        group: 'fig3-4 Hilbert',
      });
      series.push({
        name: `max|M_ℓ − nP*ᵀ| — n = ${n}`,
        x: 'layer ℓ',
        y: 'max error',
        points: record.map((l, s) => [l, rErr[s]!] as [number, number]),
        role: 'measured',
        logY: true,
        group: 'fig3-4 readout',
      });
      // informational (the curves are the result): only a NaN or a negative distance fails
      measurements.push(measure(k, `d_H(P_5000, P*) (n = ${n}, informational)`, dH[LAYERS]!, '>=', 0, 0));
      coverage.push({ n, lambda: 0.1, gammaOverLambda: 0.5 });
    }
    return { instances: SIZES.length, measurements, coverage, series, data };
  },
  summarize(outcomes) {
    const d = outcomes[0]?.data ?? {};
    const firstBelow = (xs: readonly number[], thr: number, every = 1): number => {
      const k = xs.findIndex((x) => x < thr);
      return k < 0 ? NaN : k * every;
    };
    const table: DataTable = {
      title: 'Figs 3/4 (λ = 0.1, γ = 0.05, 5000 layers): depth to accuracy and final errors',
      columns: [
        'n',
        'ℓ: d_H < 1e-2',
        'ℓ: d_H < 1e-3',
        'd_H at 300',
        'd_H at 600',
        'd_H at 5000',
        'readout error at 300',
        'at 600',
        'at 5000',
      ],
      rows: SIZES.map((n) => {
        const h = d[`dH_n${n}`] ?? [];
        const r = d[`readoutError_n${n}`] ?? [];
        return [
          n,
          firstBelow(h, 1e-2),
          firstBelow(h, 1e-3),
          h[300]!,
          h[600]!,
          h[LAYERS]!,
          r[300 / READOUT_EVERY]!,
          r[600 / READOUT_EVERY]!,
          r[LAYERS / READOUT_EVERY]!,
        ];
      }),
    };
    const figures: Record<string, unknown> = {
      'fig3-4': {
        setup: {
          x: 'perm(0..n−1)/n',
          y: '0..n−1',
          lambda: 0.1,
          gamma: 0.05,
          init: 'u ~ N(0,1), v ~ U(0,1) (seeded)',
          layers: LAYERS,
          readoutEvery: READOUT_EVERY,
        },
        sizes: Object.fromEntries(
          SIZES.map((n) => [String(n), { hilbert: d[`dH_n${n}`] ?? [], readoutError: d[`readoutError_n${n}`] ?? [] }]),
        ),
      },
    };
    return { tables: [table], figures };
  },
});
