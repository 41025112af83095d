/**
 * The depth check shared by ot-transformer.depth-convergence (P4) and ot-transformer.size-independent-weights
 * (P7): run the model until d_H(P_L, P*_λ) reaches the precision's target (spec P4: 1e-8 in float64, 1e-4
 * in float32) or the maximal depth, and compare the final distance with target + analysed floor.
 */
import type { OTTransformer, OTTransformerBatch } from '../../impl/capabilities/ot-transformer.js';
import { linearFit, quantile } from '../statistics.js';
import { measure } from '../measure.js';
import type { BatchOutcome, DataTable, FittedRate, Measurement, Series } from '../types.js';
import { oracleContraction, oracleOf, type OTOracle } from './common.js';
import { hilbertFloor } from './layer-error.js';
import { runToDepth } from './run-to-depth.js';
import { accuracyOf } from '../tolerance.js';

/** Spec P4 targets. */
export function depthTarget(model: OTTransformer): number {
  return model.precision === 'float64' ? 1e-8 : 1e-4;
}

/** Per-layer rate of d_H fitted on the part of a curve between 1e-1 and 10× the target (exp of the OLS slope). */
function fittedLayerRate(curve: ReadonlyArray<readonly [number, number]>, target: number): number {
  const pts = curve.filter(([, dh]) => dh < 1e-1 && dh > 10 * target);
  if (pts.length < 3) return NaN;
  return Math.exp(
    linearFit(
      pts.map((p) => p[0]),
      pts.map((p) => Math.log(p[1])),
    ).slope,
  );
}

export interface DepthCheckOptions {
  readonly chunk: number;
  readonly maxLayers: number;
  readonly label: (b: number) => string;
  readonly coverage: (b: number, layers: number) => Record<string, number | string>;
}

/** Run the depth check on a batch: measurements, per-instance data and one plotted curve per batch. */
export async function depthCheck(
  model: OTTransformer,
  batch: OTTransformerBatch,
  o: DepthCheckOptions,
): Promise<BatchOutcome> {
  const oracles: OTOracle[] = [...Array(batch.B).keys()].map((b) => oracleOf(batch, b));
  const target = depthTarget(model);
  const run = await runToDepth(model, batch, oracles, target, o.chunk, o.maxLayers);
  const acc = accuracyOf(model);
  const measurements: Measurement[] = [];
  const coverage = [];
  const series: Series[] = [];
  const data: Record<string, number[]> = { layers: [], rate: [], n: [], lambda: [], oracleLayers: [], final: [] };
  for (let b = 0; b < batch.B; b++) {
    // float64: the per-layer rounding is ~1e-16 and is bounded over all layers (ρ = 1, steps = L);
    // float32: the condition ρ is measured on the float64 oracle (closed-form dual step from the same start)
    const cond =
      model.precision === 'float32'
        ? oracleContraction(batch, b, oracles[b]!, o.maxLayers)
        : { rho: 1, layersTo1e8: NaN };
    const floor = hilbertFloor(acc, batch, b, run.potentialMax[b]!, cond.rho, run.layers[b]!);
    measurements.push(
      measure(b, `d_H(P_L, P*_λ) at the final depth (target ${target})`, run.finalHilbert[b]!, '<=', target, floor),
    );
    data['layers']!.push(run.layers[b]!);
    data['rate']!.push(fittedLayerRate(run.curve[b]!, target));
    data['n']!.push(batch.n);
    data['lambda']!.push(batch.lambda[b]!);
    data['oracleLayers']!.push(cond.layersTo1e8);
    data['final']!.push(run.finalHilbert[b]!);
    if (b === 0) {
      series.push({
        name: `d_H(P_ℓ, P*) — ${o.label(b)}`,
        x: 'layer ℓ',
        y: 'd_H',
        points: run.curve[b]!,
        role: 'measured',
        logY: true,
        group: 'depth',
      });
    }
    coverage.push(o.coverage(b, run.layers[b]!));
  }
  return { instances: batch.B, measurements, coverage, series, data };
}

/** Depth table and fitted per-layer rate across all outcomes. */
export function summarizeDepth(outcomes: readonly BatchOutcome[]): { tables: DataTable[]; rates: FittedRate[] } {
  const all = (k: string): number[] => outcomes.flatMap((x) => x.data?.[k] ?? []);
  const layers = all('layers');
  const rates = all('rate');
  const ns = all('n');
  const bins: Array<[number, number]> = [
    [2, 4],
    [5, 8],
    [9, 16],
    [17, 32],
    [33, 64],
  ];
  const rows = bins
    .map(([lo, hi]) => {
      const sel = layers.filter((_, k) => ns[k]! >= lo && ns[k]! <= hi);
      const r = rates.filter((_, k) => ns[k]! >= lo && ns[k]! <= hi);
      return sel.length === 0
        ? undefined
        : [`n ∈ [${lo}, ${hi}]`, sel.length, quantile(sel, 0.5), quantile(sel, 1), quantile(r, 0.5), quantile(r, 1)];
    })
    .filter((r): r is (string | number)[] => r !== undefined);
  const finite = rates.filter(Number.isFinite);
  const logs = finite.map(Math.log);
  const mean = logs.reduce((s, x) => s + x, 0) / Math.max(logs.length, 1);
  const sd = Math.sqrt(logs.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(logs.length - 1, 1));
  const half = (1.96 * sd) / Math.sqrt(Math.max(logs.length, 1));
  const rate: FittedRate = {
    name: 'per-layer contraction of d_H(P_ℓ, P*) (geometric mean over instances)',
    estimate: Math.exp(mean),
    ci95: [Math.exp(mean - half), Math.exp(mean + half)],
    theory: [0, 1],
    method:
      'per instance: OLS of log d_H on ℓ between d_H = 1e-1 and 10× the target; 95% normal interval of the mean log-rate',
    verdict: logs.length < 2 ? 'inconclusive' : Math.exp(mean + half) < 1 ? 'consistent' : 'inconsistent',
  };
  return {
    tables: [
      {
        title: 'Depth to reach the target d_H (layers, in chunks) and fitted per-layer rate',
        columns: ['n', 'instances', 'median depth', 'max depth', 'median rate', 'max rate'],
        rows,
      },
    ],
    rates: logs.length > 0 ? [rate] : [],
  };
}
