/** The log–log fit plot: measured points, the fitted power law with the 95% band of its slope, and the theory. */
import type * as vl from 'vega-lite';
import type { LogLogFitFigure } from './figures.js';
import { num } from './format.js';
import { logAxis } from './log-axis.js';
import { drawable, frame, type SpecOrEmpty } from './plot-specs.js';

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
