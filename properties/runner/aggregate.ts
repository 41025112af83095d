/** Aggregation of measurements and coverage across the batches of one claim run. */
import { quantile } from '../statistics.js';
import type { BatchOutcome, Measurement, Relation } from '../types.js';
import { binLabel, checkSample, type CheckSample } from './check-sample.js';

interface Quantiles {
  readonly min: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

export interface QuantityStats {
  readonly quantity: string;
  readonly relation: Relation;
  readonly count: number;
  readonly failures: number;
  readonly measured: Quantiles;
  readonly bound: Quantiles;
  /**
   * measured / bound for inequalities whose bound exceeds 10× the analysed tolerance: how tight the bound
   * is. Pairs at the rounding floor are left out (their ratio is noise); `ratioCount` says how many remain.
   */
  readonly ratio?: Quantiles;
  readonly ratioCount: number;
  /** Smallest slack bound + tol − measured (≤), measured − bound + tol (≥), tol − |diff| (==). */
  readonly worstMargin: number;
  /** Every check normalised (1 = the claim's edge), downsampled per coverage bin: what the report draws. */
  readonly sample?: CheckSample;
}

function quantiles(xs: readonly number[]): Quantiles {
  return {
    min: quantile(xs, 0),
    p50: quantile(xs, 0.5),
    p90: quantile(xs, 0.9),
    p99: quantile(xs, 0.99),
    max: quantile(xs, 1),
  };
}

function margin(m: Measurement): number {
  if (m.relation === '<=') return m.bound + m.tolerance - m.measured;
  if (m.relation === '>=') return m.measured - m.bound + m.tolerance;
  return m.tolerance - Math.abs(m.measured - m.bound);
}

/** Per-quantity statistics of all measurements. */
export function aggregateMeasurements(
  outcomes: readonly BatchOutcome[],
  edges: Readonly<Record<string, readonly number[]>> = {},
): QuantityStats[] {
  const groups = new Map<string, Measurement[]>();
  for (const o of outcomes) {
    for (const m of o.measurements) {
      const g = groups.get(m.quantity);
      if (g) g.push(m);
      else groups.set(m.quantity, [m]);
    }
  }
  return [...groups.entries()].map(([quantity, ms]) => {
    const sample = checkSample(quantity, outcomes, edges);
    const withRatio = ms.filter(
      (m) => m.relation !== '==' && m.bound > 10 * m.tolerance && m.bound > 0 && Number.isFinite(m.bound),
    );
    return {
      quantity,
      relation: ms[0]!.relation,
      count: ms.length,
      failures: ms.filter((m) => !m.pass).length,
      measured: quantiles(ms.map((m) => m.measured)),
      bound: quantiles(ms.map((m) => m.bound)),
      ratio: withRatio.length > 0 ? quantiles(withRatio.map((m) => m.measured / m.bound)) : undefined,
      ratioCount: withRatio.length,
      worstMargin: ms.reduce((w, m) => Math.min(w, Number.isNaN(margin(m)) ? -Infinity : margin(m)), Infinity),
      ...(sample ? { sample } : {}),
    };
  });
}

export interface CoverageBin {
  readonly label: string;
  readonly count: number;
}

/** Bins of the sampled hypothesis space, per coverage key. */
export function aggregateCoverage(
  outcomes: readonly BatchOutcome[],
  edges: Readonly<Record<string, readonly number[]>> = {},
): Record<string, CoverageBin[]> {
  const counts = new Map<string, Map<string, number>>();
  const bump = (key: string, label: string): void => {
    const m = counts.get(key) ?? new Map<string, number>();
    m.set(label, (m.get(label) ?? 0) + 1);
    counts.set(key, m);
  };
  for (const o of outcomes) {
    for (const c of o.coverage) {
      for (const [key, value] of Object.entries(c)) {
        bump(key, binLabel(value, edges[key]));
      }
    }
  }
  const out: Record<string, CoverageBin[]> = {};
  for (const [key, m] of counts) {
    const e = edges[key];
    const labels = [...m.keys()];
    if (!e) labels.sort((x, y) => Number(x) - Number(y) || x.localeCompare(y));
    else {
      const order = (l: string): number => (l.startsWith('<') ? -1 : l.startsWith('≥') ? 1e9 : parseFloat(l.slice(1)));
      labels.sort((x, y) => order(x) - order(y));
    }
    out[key] = labels.map((label) => ({ label, count: m.get(label)! }));
  }
  return out;
}
