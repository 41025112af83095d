/** The phase-diagram plot: the estimate as a heatmap with the computed curve and the measured crossings over it. */
import type * as vl from 'vega-lite';
import type { FigureCurve, PhaseDiagramFigure } from './figures.js';
import { heatmapRects } from './heatmap-grid.js';
import { drawable, frame, overlayXY, type SpecOrEmpty } from './plot-specs.js';

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
        ...overlayXY(),
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
        ...overlayXY(),
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
