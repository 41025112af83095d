/**
 * The line plot of series, convergence curves and trajectories: colour by instance, dash by role (measured or
 * theory), thinned for drawing while report.json keeps every point.
 */
import type * as vl from 'vega-lite';
import type { FigureCurve } from './figures.js';
import { logAxis } from './log-axis.js';
import { drawable, frame, type SpecOrEmpty } from './plot-specs.js';

const DASH = {
  domain: ['measured', 'theory'],
  range: [
    [1, 0],
    [6, 4],
  ],
};

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
