/**
 * Vega-Lite specs for the report's plots: line plots (series, convergence, trajectories), the
 * phase-diagram heatmap with its curve, the log–log fit, and the fitted-rate interval plot. Each
 * builder returns a spec, or a message when there is nothing to draw.
 */
import type * as vl from 'vega-lite';
import type { FittedRate } from '../properties/types.js';
import type { FigureCurve, LogLogFitFigure, PhaseDiagramFigure } from './figures.js';
import { num } from './format.js';
import { heatmapRects } from './heatmap-grid.js';
import { PLOT_CONFIG, PLOT_HEIGHT, PLOT_WIDTH } from './svg.js';

/** A spec to render, or the reason there is nothing to draw. */
export type SpecOrEmpty = { readonly spec: vl.TopLevelSpec; readonly note?: string } | { readonly empty: string };

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const DASH = {
  domain: ['measured', 'theory'],
  range: [
    [1, 0],
    [6, 4],
  ],
};

/** Schema, shared look, title (with an optional subtitle) and the standard plot size. */
export function frame(
  title: string,
  subtitle?: string,
): Pick<vl.TopLevelSpec, '$schema' | 'config' | 'title'> & { width: number; height: number } {
  return {
    $schema: SCHEMA,
    config: PLOT_CONFIG,
    title: subtitle ? { text: title, subtitle } : title,
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
  };
}

/**
 * Axis for a log scale: labels only at 1·10ᵏ (spans over 2 decades) or at 1, 2, 5·10ᵏ, so that
 * labels never crowd; grid lines stay at every tick.
 */
export function logAxis(values: readonly number[]): { labelExpr: string; labelOverlap: boolean; values?: number[] } {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v));
  const decades = pos.length > 0 ? Math.log10(Math.max(...pos) / Math.min(...pos)) : 0;
  if (decades > 4) {
    // wide spans: ticks and grid lines at powers of ten only (minor ticks would be most of the SVG)
    const [a, b] = [Math.floor(Math.log10(Math.min(...pos))), Math.ceil(Math.log10(Math.max(...pos)))];
    const every = Math.max(1, Math.ceil((b - a) / 12));
    const ticks = Array.from({ length: b - a + 1 }, (_, k) => a + k)
      .filter((e) => e % every === 0)
      .map((e) => 10 ** e);
    const fmtWide =
      "(datum.value >= 1e-3 && datum.value < 1e4 ? format(datum.value, '~g') : format(datum.value, '.0e'))";
    return { labelExpr: fmtWide, labelOverlap: false, values: ticks };
  }
  if (decades > 1.5 && pos.length > 0) {
    // ticks and grid lines at 1, 2, 5 · 10ᵏ only: nine minor lines per decade are most of a log plot's SVG
    const [a, b] = [Math.floor(Math.log10(Math.min(...pos))), Math.ceil(Math.log10(Math.max(...pos)))];
    const ticks = Array.from({ length: b - a + 1 }, (_, k) => a + k).flatMap((e) => [1, 2, 5].map((m) => m * 10 ** e));
    const keepWide = decades > 2 ? `abs(datum.value / pow(10, round(log(datum.value) / LN10)) - 1) < 1e-6` : 'true';
    const fmtMid =
      "(datum.value >= 1e-3 && datum.value < 1e4 ? format(datum.value, '~g') : format(datum.value, '.0e'))";
    return { labelExpr: `${keepWide} ? ${fmtMid} : ''`, labelOverlap: false, values: ticks };
  }
  const lead = 'datum.value / pow(10, floor(log(datum.value) / LN10 + 1e-9))';
  const keep =
    decades > 2
      ? `abs(${lead} - 1) < 1e-6`
      : `(abs(${lead} - 1) < 1e-6 || abs(${lead} - 2) < 1e-6 || abs(${lead} - 5) < 1e-6)`;
  const fmt = "(datum.value >= 1e-3 && datum.value < 1e4 ? format(datum.value, '~g') : format(datum.value, '.0e'))";
  return { labelExpr: `${keep} ? ${fmt} : ''`, labelOverlap: false };
}

/** Keep the points a scale can draw: finite, and positive on log axes. */
function drawable(
  points: ReadonlyArray<readonly [number, number]>,
  logX: boolean,
  logY: boolean,
): Array<[number, number]> {
  return points
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!logX || x > 0) && (!logY || y > 0))
    .map(([x, y]) => [x, y]);
}

/** Points a drawn curve keeps at most; report.json keeps every point. */
export const MAX_DRAWN_POINTS = 300;

/** Every k-th point (first and last kept) so that a curve draws at most MAX_DRAWN_POINTS points. */
function thin<T>(points: readonly T[], max = MAX_DRAWN_POINTS): T[] {
  if (points.length <= max) return [...points];
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]!);
}

/** Split "quantity — instance label" names so that colour encodes the instance and dash the role. */
function labelOf(name: string): string {
  const k = name.lastIndexOf(' — ');
  return k >= 0 ? name.slice(k + 3) : name;
}

interface LineCurve extends FigureCurve {
  readonly role: 'measured' | 'theory';
}

export interface LinesInput {
  readonly title: string;
  readonly x: string;
  readonly y: string;
  readonly curves: readonly LineCurve[];
  readonly logX: boolean;
  readonly logY: boolean;
}

/** Lines: colour by curve (instance label), dashed for theory curves (bounds, closed forms). */
export function linesSpec(p: LinesInput): SpecOrEmpty {
  let dropped = 0;
  let thinned = 0;
  const values = p.curves.flatMap((c) => {
    const all = drawable(c.points, p.logX, p.logY);
    dropped += c.points.length - all.length;
    const pts = thin(all);
    thinned += all.length - pts.length;
    return pts.map(([x, y]) => ({ x, y, curve: c.name, label: all ? labelOf(c.name) : c.name, role: c.role }));
  });
  if (values.length === 0) {
    const total = p.curves.reduce((s, c) => s + c.points.length, 0);
    return {
      empty:
        total === 0
          ? 'No data: no curve has any point.'
          : `No drawable data: all ${total} points are non-finite${p.logY || p.logX ? ' or ≤ 0 on a log axis' : ''}.`,
    };
  }
  const labels = new Set(values.map((v) => v.label)).size;
  const roles = new Set(values.map((v) => v.role));
  const notes = [
    dropped > 0 ? `${dropped} point(s) not drawn (non-finite${p.logY || p.logX ? ' or ≤ 0 on a log axis' : ''}).` : '',
    thinned > 0
      ? `Curves thinned to at most ${MAX_DRAWN_POINTS} points each for drawing (${thinned} left out; report.json keeps them all).`
      : '',
  ].filter(Boolean);
  const note = notes.length > 0 ? notes.join(' ') : undefined;
  const few = values.length / Math.max(1, p.curves.length) <= 24;
  const spec: vl.TopLevelSpec = {
    ...frame(p.title, roles.has('theory') ? 'solid: measured · dashed: theory' : undefined),
    data: { values },
    mark: { type: 'line', point: few ? { size: 18 } : false, strokeWidth: 1.6, clip: true },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        title: p.x,
        scale: p.logX ? { type: 'log' } : { zero: false },
        axis: p.logX ? logAxis(values.map((v) => v.x)) : {},
      },
      y: {
        field: 'y',
        type: 'quantitative',
        title: p.y,
        scale: p.logY ? { type: 'log' } : { zero: false },
        axis: p.logY ? logAxis(values.map((v) => v.y)) : {},
      },
      color: {
        field: 'label',
        type: 'nominal',
        title: null,
        legend:
          labels > 1 ? { orient: 'bottom', columns: labels > 6 ? 2 : 1, labelLimit: labels > 6 ? 330 : 640 } : null,
      },
      strokeDash: { field: 'role', type: 'nominal', scale: DASH, legend: null },
      detail: { field: 'curve', type: 'nominal' },
      order: { field: 'x', type: 'quantitative' },
    },
  };
  return note ? { spec, note } : { spec };
}

/** The phase diagram: a heatmap of the estimate with the computed curve (red) and measured crossings over it. */
export function phaseDiagramSpec(f: PhaseDiagramFigure, title: string): SpecOrEmpty {
  const cells = f.cells.filter((c) => Number.isFinite(c.x) && Number.isFinite(c.y) && Number.isFinite(c.value));
  if (cells.length === 0)
    return { empty: `No data: the phase diagram has no finite cell (${f.cells.length} cell(s) recorded).` };
  const { rects, note } = heatmapRects(cells);
  const xDomain = [Math.min(...rects.map((r) => r.x)), Math.max(...rects.map((r) => r.x2))];
  const yDomain = [Math.min(...rects.map((r) => r.y)), Math.max(...rects.map((r) => r.y2))];
  const inUnit = cells.every((c) => c.value >= 0 && c.value <= 1);
  const line = (c: FigureCurve | undefined, series: string): Array<{ x: number; y: number; series: string }> =>
    drawable(c?.points ?? [], false, false).map(([x, y]) => ({ x, y, series }));
  const curve = line(f.curve, f.curve ? `computed: ${f.curve.name}` : '');
  const measured = line(f.measured, f.measured ? `measured: ${f.measured.name}` : '');
  const overlay = [...curve, ...measured];
  const names = [...new Set(overlay.map((o) => o.series))];
  const layers: Array<Record<string, unknown>> = [
    {
      data: { values: rects },
      mark: { type: 'rect' },
      encoding: {
        x: { field: 'x', type: 'quantitative', title: f.x, scale: { domain: xDomain, nice: false, zero: false } },
        x2: { field: 'x2' },
        y: { field: 'y', type: 'quantitative', title: f.y, scale: { domain: yDomain, nice: false, zero: false } },
        y2: { field: 'y2' },
        color: {
          field: 'value',
          type: 'quantitative',
          title: f.value,
          scale: { scheme: 'viridis', ...(inUnit ? { domain: [0, 1] } : {}) },
          legend: { orient: 'right' },
        },
      },
    },
  ];
  if (curve.length > 0) {
    layers.push({
      data: { values: curve },
      mark: { type: 'line', strokeWidth: 2.5, clip: true },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative' },
        stroke: {
          field: 'series',
          type: 'nominal',
          scale: { domain: names, range: ['#e4202c', '#ffffff'] },
          title: null,
          legend: { orient: 'bottom' },
        },
        order: { field: 'x', type: 'quantitative' },
      },
    });
  }
  if (measured.length > 0) {
    layers.push({
      data: { values: measured },
      mark: { type: 'point', filled: true, size: 36, clip: true, stroke: 'black', strokeWidth: 0.8 },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative' },
        fill: {
          field: 'series',
          type: 'nominal',
          scale: { domain: names, range: curve.length > 0 ? ['#e4202c', '#ffffff'] : ['#ffffff'] },
          title: null,
          legend: { orient: 'bottom', symbolStrokeColor: 'black', symbolStrokeWidth: 1 },
        },
      },
    });
  }
  const subtitle = f.curve
    ? `heatmap: ${f.value} · red line: ${f.curve.name}`
    : `heatmap: ${f.value} (no computed curve recorded)`;
  const spec = {
    ...frame(title, subtitle),
    layer: layers,
    resolve: { scale: { color: 'independent' } },
  } as unknown as vl.TopLevelSpec;
  return note ? { spec, note } : { spec };
}

/** Points on log–log axes with the fitted line (dashed) and the theoretical slope (dotted). */
export function logLogFitSpec(f: LogLogFitFigure, title: string): SpecOrEmpty {
  const pts = drawable(f.points, true, true);
  if (pts.length === 0)
    return { empty: `No drawable data: ${f.points.length} point(s), none finite and positive on log–log axes.` };
  const xs = pts.map((p) => p.at(0)!);
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  const ci = f.ci95 ? ` [${num(f.ci95[0])}, ${num(f.ci95[1])}]` : '';
  const fitName = `fit: slope ${num(f.slope)}${ci}`;
  const rows: Array<{ x: number; y: number; series: string }> = pts.map(([x, y]) => ({ x, y, series: 'measured' }));
  const fitAt = (x: number): number => Math.exp(f.intercept + f.slope * Math.log(x));
  const line: Array<{ x: number; y: number; series: string }> = [];
  if (Number.isFinite(fitAt(lo)) && Number.isFinite(fitAt(hi)))
    line.push({ x: lo, y: fitAt(lo), series: fitName }, { x: hi, y: fitAt(hi), series: fitName });
  const domain = ['measured', fitName];
  const range = ['#1f77b4', '#d62728'];
  if (f.theorySlope !== undefined && Number.isFinite(f.theorySlope)) {
    const lx = xs.reduce((s, x) => s + Math.log(x), 0) / xs.length;
    const ly = pts.reduce((s, p) => s + Math.log(p[1]), 0) / pts.length;
    const name = `theory: slope ${num(f.theorySlope)}`;
    for (const x of [lo, hi]) line.push({ x, y: Math.exp(ly + f.theorySlope * (Math.log(x) - lx)), series: name });
    domain.push(name);
    range.push('#7f7f7f');
  }
  const band: Array<{ x: number; lo: number; hi: number; series: string }> = [];
  if (f.ci95 && f.ci95.every(Number.isFinite) && hi > lo) {
    const lx = xs.reduce((s, x) => s + Math.log(x), 0) / xs.length;
    const centre = f.intercept + f.slope * lx;
    const name = 'fit: 95% band of the slope';
    for (let k = 0; k <= 24; k++) {
      const x = Math.exp(Math.log(lo) + (k / 24) * (Math.log(hi) - Math.log(lo)));
      const ys = f.ci95.map((s) => Math.exp(centre + s * (Math.log(x) - lx)));
      band.push({ x, lo: Math.min(...ys), hi: Math.max(...ys), series: name });
    }
    domain.push(name);
    range.push('#f4a6a6');
  }
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: { domain, range },
    legend: { orient: 'bottom' as const },
  };
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: f.x,
    scale: { type: 'log' as const },
    axis: logAxis(xs),
  };
  const y = {
    field: 'y',
    type: 'quantitative' as const,
    title: f.y,
    scale: { type: 'log' as const },
    axis: logAxis([...pts.map((p) => p[1]), ...line.map((l) => l.y), ...band.flatMap((b) => [b.lo, b.hi])]),
  };
  return {
    spec: {
      ...frame(title, `log–log; ${fitName}${f.theorySlope !== undefined ? `, theory ${num(f.theorySlope)}` : ''}`),
      layer: [
        ...(band.length > 0
          ? [
              {
                data: { values: band },
                mark: { type: 'area' as const, opacity: 0.35, clip: true },
                encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color },
              },
            ]
          : []),
        { data: { values: rows }, mark: { type: 'point', filled: true, size: 40 }, encoding: { x, y, color } },
        {
          data: { values: line },
          mark: { type: 'line', strokeDash: [6, 4], clip: true },
          encoding: { x, y, color, detail: { field: 'series' } },
        },
      ],
    } as vl.TopLevelSpec,
  };
}

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
