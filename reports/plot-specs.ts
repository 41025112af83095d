/**
 * What every Vega-Lite plot of the report shares: the spec-or-message a builder returns, the frame (schema, look,
 * title, size), the filter of points a scale can draw, and the x/y encoding of an overlay layer. The builders are
 * line-plot.ts, phase-diagram-plot.ts, loglog-fit-plot.ts, rates-plot.ts and counterexample-plot.ts.
 */
import type * as vl from 'vega-lite';
import { PLOT_CONFIG, PLOT_HEIGHT, PLOT_WIDTH } from './svg.js';

/** A spec to render, or the reason there is nothing to draw. */
export type SpecOrEmpty = { readonly spec: vl.TopLevelSpec; readonly note?: string } | { readonly empty: string };

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

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

/** Keep the points a scale can draw: finite, and positive on log axes. */
export function drawable(
  points: ReadonlyArray<readonly [number, number]>,
  logX: boolean,
  logY: boolean,
): Array<[number, number]> {
  return points
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!logX || x > 0) && (!logY || y > 0))
    .map(([x, y]) => [x, y]);
}

/** Fields x and y as quantitative positions: a layer drawn over another layer's scales and axes. */
export function overlayXY(): {
  x: { field: 'x'; type: 'quantitative' };
  y: { field: 'y'; type: 'quantitative' };
} {
  return { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } };
}
