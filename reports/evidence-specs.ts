/**
 * Vega-Lite specs of a claim's evidence that the property does not draw itself: the distribution of its
 * checks against the bound (ECDF of the normalised values of properties/runner/check-sample.ts, split by
 * coverage bin), the tightest value of every compared quantity, and proportions with their exact intervals
 * against the claimed probability p₀.
 */
import type * as vl from 'vega-lite';
import type { QuantityStats } from '../properties/runner/aggregate.js';
import { SAMPLE_POINTS, type CheckSample, type SampleScale } from '../properties/runner/check-sample.js';
import type { Proportion } from '../properties/types.js';
import { num } from './format.js';
import { logAxis } from './log-axis.js';
import { frame, type SpecOrEmpty } from './plot-specs.js';

const BOUND_RED = '#e4202c';
const BAND = '#f2a93b';

/** The x-axis title of a normalised scale: what is divided by what, and where the claim's edge is. */
function scaleTitle(scale: SampleScale, relation: string): string {
  if (scale === 'ratio') return 'measured / bound (dimensionless; 1 = the bound)';
  if (scale === 'tolerance') return '|measured − theory| / tolerance (1 = the analysed tolerance)';
  return relation === '>='
    ? '(bound + tol) / (measured + 2·tol) (1 = the edge)'
    : 'measured / (bound + tolerance) (1 = the edge)';
}

/** How close one normalised value came to breaking the claim: ≤ 1 holds, > 1 broke it (≥ ratios inverted). */
export function tightnessOf(value: number, s: Pick<CheckSample, 'relation' | 'scale'>): number {
  return s.relation === '>=' && s.scale === 'ratio' ? 1 / value : value;
}

/** Whether the claim holds right of 1 on this sample's axis (≥ ratios) rather than left of it. */
const holdsRight = (s: CheckSample): boolean => s.relation === '>=' && s.scale === 'ratio';

/** The worst (largest) tightness of a sample, and its median (from the kept order statistics). */
export function sampleTightness(s: CheckSample): { worst: number; median: number } | undefined {
  const pts = s.groups.flatMap((g) => g.points.map(([v, f]) => ({ t: tightnessOf(v, s), f, w: g.count })));
  if (pts.length === 0)
    return s.groups.some((g) => g.zeros > 0) ? { worst: tightnessOf(0, s), median: tightnessOf(0, s) } : undefined;
  const worst = Math.max(...pts.map((p) => p.t));
  const sorted = [...pts].sort((a, b) => a.t - b.t);
  return { worst, median: sorted[Math.floor(sorted.length / 2)]!.t };
}

const short = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The longest common prefix of several names, cut at a word boundary (empty for one name). */
function commonPrefix(names: readonly string[]): string {
  if (names.length < 2) return '';
  let k = 0;
  while (names.every((n) => k < n.length && n[k] === names[0]![k])) k++;
  const cut = names[0]!.slice(0, k);
  for (const sep of [' — ', ', ', ' ']) {
    const at = cut.lastIndexOf(sep);
    if (at > 0) return cut.slice(0, at + sep.length);
  }
  return '';
}

/** ECDF of one quantity's checks, one step line per coverage bin, the bound at 1 and the tolerance band. */
export function checksEcdfSpec(q: QuantityStats, title: string, notAsserted: boolean): SpecOrEmpty {
  const s = q.sample;
  if (!s) return { empty: 'No data: this quantity records no normalisable check.' };
  const band = s.band !== undefined && Number.isFinite(s.band) ? s.band : undefined;
  const edge = band === undefined ? [1] : holdsRight(s) ? [Math.max(1 - band, 1e-300), 1] : [1, 1 + band];
  const zeros = s.groups.reduce((a, g) => a + g.zeros, 0);
  const nonFinite = s.groups.reduce((a, g) => a + g.nonFinite, 0);
  // exact zeros cannot sit on a log axis: they are drawn at a floor a decade below everything else
  const floor = Math.min(...s.groups.flatMap((g) => g.points.map((p) => p[0])), ...edge) / 10;
  const rows = s.groups.flatMap((g) => {
    const group = `${g.label} (${g.count})`;
    const first = g.points[0];
    const start = [
      ...(g.zeros > 0 ? [{ x: floor, F: g.zeros / g.count, group }] : []),
      ...(first ? [{ x: first[0], F: g.zeros / g.count, group }] : []),
    ];
    return [...start, ...g.points.map(([x, F]) => ({ x, F, group }))];
  });
  if (rows.length === 0) return { empty: `No drawable data: all ${q.count} normalised checks are non-finite.` };
  const xs = rows.map((r) => r.x);
  const lo = Math.min(...xs, ...edge) / 1.3;
  const hi = Math.max(...xs, ...edge) * 1.3;
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: scaleTitle(s.scale, s.relation),
    scale: { type: 'log' as const, domain: [lo, hi], nice: false },
    axis: logAxis([lo, hi]),
  };
  const groups = [...new Set(rows.map((r) => r.group))];
  const legendTitle = s.by ? `measured, by ${s.by} bin (checks)` : 'measured (checks)';
  const layers: Array<Record<string, unknown>> = [];
  if (band !== undefined && band > 0) {
    layers.push({
      data: { values: [{ a: edge[0], b: edge[1] }] },
      mark: { type: 'rect', color: BAND, opacity: 0.35 },
      encoding: { x: { ...x, field: 'a' }, x2: { field: 'b' } },
    });
  }
  layers.push(
    {
      data: { values: [{ x: 1 }] },
      mark: { type: 'rule', color: BOUND_RED, strokeWidth: 2, strokeDash: [6, 4] },
      encoding: { x },
    },
    {
      data: { values: rows },
      mark: {
        type: 'line',
        interpolate: 'step-after',
        strokeWidth: 1.8,
        point: rows.length / groups.length <= 12 ? { size: 16 } : false,
      },
      encoding: {
        x,
        y: { field: 'F', type: 'quantitative', title: 'fraction of checks ≤ x (ECDF)', scale: { domain: [0, 1] } },
        color: {
          field: 'group',
          type: 'nominal',
          title: legendTitle,
          scale: { domain: groups },
          legend: { orient: 'bottom', columns: groups.length > 4 ? 4 : groups.length, titleLimit: 500 },
        },
        order: { field: 'x', type: 'quantitative' },
      },
    },
  );
  const holds = holdsRight(s) ? 'right of' : 'left of';
  const subtitle = [
    ...(notAsserted ? ['not asserted (measured only)'] : []),
    'lines: measured',
    'red dashed: the bound (theory)',
    ...(band ? [`orange: analysed tolerance (${num(band, 2)} of the bound)`] : []),
    `the claim holds ${holds} it`,
  ].join(' · ');
  const notes = [
    zeros > 0
      ? `${zeros} check(s) are exactly 0, drawn at x = ${num(floor, 2)} (the ECDF's first step is their share).`
      : '',
    nonFinite > 0 ? `${nonFinite} non-finite value(s) not drawn.` : '',
    `${s.groups.reduce((a, g) => a + g.count, 0)} of ${q.count} checks drawn` +
      (s.scale === 'ratio' && q.count > q.ratioCount ? ' (pairs at the rounding floor left out)' : '') +
      `; at most ${SAMPLE_POINTS} order statistics per bin are kept.`,
  ]
    .filter(Boolean)
    .join(' ');
  return { spec: { ...frame(title, subtitle), layer: layers } as unknown as vl.TopLevelSpec, note: notes };
}

/** The tightest normalised value of each compared quantity (dot: worst check; bar from the median), log x. */
export function quantityTightnessSpec(qs: readonly QuantityStats[], title: string, notAsserted: boolean): SpecOrEmpty {
  const rows = qs.flatMap((q) => {
    const t = q.sample ? sampleTightness(q.sample) : undefined;
    if (!t || !Number.isFinite(t.worst)) return [];
    const scale = q.sample!.scale === 'ratio' ? 'm/b' : q.sample!.scale === 'tolerance' ? 'err/tol' : 'm/(b+tol)';
    const label = `${q.quantity.length > 60 ? `${q.quantity.slice(0, 57)}…` : q.quantity} [${scale}]`;
    return [
      {
        label,
        worst: t.worst,
        median: t.median,
        failed:
          q.failures > 0
            ? 'broke the claim'
            : t.worst === 0
              ? 'every check exactly 0 (drawn at the left edge)'
              : 'held',
      },
    ];
  });
  if (rows.length === 0) return { empty: 'No drawable data: no quantity has a finite normalised check.' };
  const positive = rows.flatMap((r) => [r.worst, r.median]).filter((v) => v > 0);
  const floor = Math.min(1, ...positive) / 1000;
  for (const r of rows) {
    r.worst = Math.max(r.worst, floor);
    r.median = Math.max(r.median, floor);
  }
  const all = rows.flatMap((r) => [r.worst, r.median, 1]);
  const [lo, hi] = [Math.min(...all) / 1.5, Math.max(...all) * 1.5];
  const x = {
    type: 'quantitative' as const,
    title: 'worst check / its limit (1 = at the bound)',
    scale: { type: 'log' as const, domain: [lo, hi], nice: false },
    axis: logAxis([lo, hi]),
  };
  const y = { field: 'label', type: 'nominal' as const, title: null, sort: null, axis: { labelLimit: 280 } };
  return {
    spec: {
      ...frame(
        title,
        `${notAsserted ? 'not asserted · ' : ''}bar: median → worst check (measured) · ` +
          'red dashed: the bound (theory) · ≥ ratios inverted',
      ),
      width: 420,
      height: Math.max(40, 22 * rows.length),
      layer: [
        {
          data: { values: [{ one: 1 }] },
          mark: { type: 'rule', color: BOUND_RED, strokeWidth: 2, strokeDash: [6, 4] },
          encoding: { x: { ...x, field: 'one' } },
        },
        {
          data: { values: rows },
          mark: { type: 'rule', strokeWidth: 2, color: '#8c8c8c' },
          encoding: { y, x: { ...x, field: 'median' }, x2: { field: 'worst' } },
        },
        {
          data: { values: rows },
          mark: { type: 'point', filled: true, size: 60 },
          encoding: {
            y,
            x: { ...x, field: 'worst' },
            color: {
              field: 'failed',
              type: 'nominal',
              title: 'worst check',
              scale: {
                domain: ['held', 'broke the claim', 'every check exactly 0 (drawn at the left edge)'],
                range: ['#1f77b4', BOUND_RED, '#8c8c8c'],
              },
              legend: { orient: 'bottom' },
            },
          },
        },
      ],
    } as unknown as vl.TopLevelSpec,
  };
}

/** Proportions: the estimate with its exact interval per configuration, against the claimed p₀ (red tick). */
export function proportionsSpec(ps: readonly Proportion[], title: string, notAsserted: boolean): SpecOrEmpty {
  const kept = ps.filter((p) => p.trials > 0);
  const prefix = commonPrefix(kept.map((p) => p.name));
  const rows = kept.map((p) => ({
    name: short(p.name.slice(prefix.length) || p.name, 64),
    p: p.successes / p.trials,
    lo: p.ci[0],
    hi: p.ci[1],
    p0: p.threshold,
    verdict: p.verdict,
    text: `${p.successes}/${p.trials}, ${num(p.level * 100, 4)}% CI`,
  }));
  if (rows.length === 0) return { empty: 'No data: no proportion has any trial.' };
  const y = { field: 'name', type: 'nominal' as const, title: null, sort: null, axis: { labelLimit: 400 } };
  const event = prefix ? ` — ${prefix.replace(/[\s—,]+$/, '')}` : '';
  const lo = Math.max(0, Math.min(...rows.flatMap((r) => [r.lo, r.p0])) - 0.05);
  const x = {
    type: 'quantitative' as const,
    title: 'probability of the event (proportion of trials)',
    scale: { domain: [lo, 1], nice: false },
  };
  return {
    spec: {
      ...frame(
        `${title}${event}`,
        `${notAsserted ? 'not asserted · ' : ''}dot + bar: measured proportion and exact Clopper–Pearson interval · ` +
          'red tick: claimed p₀ (theory)',
      ),
      width: 440,
      height: Math.max(40, 30 * rows.length),
      layer: [
        {
          data: { values: rows },
          mark: { type: 'tick', color: BOUND_RED, thickness: 3, size: 22 },
          encoding: { y, x: { ...x, field: 'p0' } },
        },
        {
          data: { values: rows },
          mark: { type: 'rule', strokeWidth: 2.5 },
          encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' } },
        },
        {
          data: { values: rows },
          mark: { type: 'point', filled: true, size: 70 },
          encoding: {
            y,
            x: { ...x, field: 'p' },
            color: {
              field: 'verdict',
              type: 'nominal',
              title: 'verdict',
              scale: { domain: ['verified', 'violated', 'inconclusive'], range: ['#2ca02c', BOUND_RED, '#ff7f0e'] },
              legend: { orient: 'bottom' },
            },
          },
        },
        {
          data: { values: rows },
          mark: { type: 'text', align: 'left', dx: 6, dy: -9, fontSize: 10, color: '#555' },
          encoding: { y, x: { ...x, field: 'lo' }, text: { field: 'text' } },
        },
      ],
    } as unknown as vl.TopLevelSpec,
  };
}
