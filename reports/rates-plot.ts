/** The fitted-rate plot: each rate's estimate with its 95% interval against the theoretical value or interval. */
import type * as vl from 'vega-lite';
import type { FittedRate } from '../properties/types.js';
import { frame, type SpecOrEmpty } from './plot-specs.js';

/** Fitted rates: estimate with its 95% interval (bar) and the theoretical value or interval (red). */
export function ratesSpec(rates: readonly FittedRate[], title: string): SpecOrEmpty {
  const rows = rates.filter((r) => Number.isFinite(r.estimate));
  if (rows.length === 0) return { empty: 'No data: no fitted rate has a finite estimate.' };
  const est = rows.map((r) => ({
    rate: r.name,
    estimate: r.estimate,
    lo: r.ci95[0],
    hi: r.ci95[1],
    verdict: r.verdict,
  }));
  // an admissible interval open to ±∞ is drawn to just past the data (an SVG cannot draw to infinity)
  const finite = [
    ...est.flatMap((e) => [e.lo, e.hi, e.estimate]),
    ...rows.flatMap((r) => (typeof r.theory === 'number' ? [r.theory] : r.theory)),
  ].filter(Number.isFinite);
  const [fmin, fmax] = [Math.min(...finite), Math.max(...finite)];
  const pad = 0.1 * (fmax - fmin || Math.abs(fmax) || 1);
  const clampTheory = (v: number): number => (v === Infinity ? fmax + pad : v === -Infinity ? fmin - pad : v);
  const theory = rows.map((r) => {
    const [lo, hi] = typeof r.theory === 'number' ? [r.theory, r.theory] : r.theory;
    return { rate: r.name, lo: clampTheory(lo), hi: clampTheory(hi) };
  });
  const y = { field: 'rate', type: 'nominal' as const, title: null, axis: { labelLimit: 380 } };
  const height = Math.max(40, 34 * rows.length);
  return {
    spec: {
      ...frame(title, 'dot + bar: estimate and 95% interval · red: theory (tick or admissible interval)'),
      width: 420,
      height,
      layer: [
        {
          data: { values: theory },
          mark: { type: 'rule', color: '#e4202c', strokeWidth: 6, opacity: 0.45 },
          encoding: {
            y,
            x: { field: 'lo', type: 'quantitative', title: 'rate', scale: { zero: false } },
            x2: { field: 'hi' },
          },
        },
        {
          data: { values: theory },
          mark: { type: 'tick', color: '#e4202c', thickness: 2 },
          encoding: { y, x: { field: 'lo', type: 'quantitative' } },
        },
        {
          data: { values: est },
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
        },
        {
          data: { values: est },
          mark: { type: 'point', filled: true, size: 60 },
          encoding: {
            y,
            x: { field: 'estimate', type: 'quantitative' },
            color: {
              field: 'verdict',
              type: 'nominal',
              scale: {
                domain: ['consistent', 'inconsistent', 'inconclusive'],
                range: ['#2ca02c', '#d62728', '#ff7f0e'],
              },
              legend: { orient: 'bottom' },
            },
          },
        },
      ],
    } as vl.TopLevelSpec,
  };
}
