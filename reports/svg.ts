/**
 * SVG rendering: Vega-Lite spec → Vega → SVG string in Node, with no browser and no canvas
 * (`renderer: 'none'` + `toSVG()`; text widths are estimated), plus the "no data" placeholder.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { escapeXml } from './escape.js';

/** Size of every plot's data rectangle (legends and axes add to it). */
export const PLOT_WIDTH = 560;
export const PLOT_HEIGHT = 260;

/** Shared look: readable fonts, no border, white background (the SVG is also saved alone). */
export const PLOT_CONFIG = {
  background: 'white',
  // no per-mark ARIA attributes: they were most of each SVG's bytes; the figure's title and caption describe it
  aria: false,
  font: 'Helvetica, Arial, sans-serif',
  view: { stroke: '#ddd' },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eee' },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 320 },
  title: { fontSize: 13, subtitleFontSize: 11, anchor: 'start' as const, subtitleColor: '#555' },
};

/** Compile a Vega-Lite spec and render it to an SVG string (never touches a DOM). */
export async function vegaLiteToSvg(spec: vl.TopLevelSpec): Promise<string> {
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    // opacity="1" is the default and not inherited: dropping it changes nothing drawn
    return (await view.toSVG()).replace(/ opacity="1"/g, '');
  } finally {
    view.finalize();
  }
}

/**
 * Make the ids inside one SVG unique (clip paths, gradients), so that many SVGs can be inlined into
 * one HTML document without one plot's `url(#clip1)` pointing into another's.
 */
export function prefixSvgIds(svg: string, prefix: string): string {
  const ids = new Set<string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) ids.add(m[1]!);
  if (ids.size === 0) return svg;
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const any = [...ids].map(esc).join('|');
  return svg
    .replace(new RegExp(`(\\sid=")(${any})"`, 'g'), `$1${prefix}-$2"`)
    .replace(new RegExp(`url\\(#(${any})\\)`, 'g'), `url(#${prefix}-$1)`)
    .replace(new RegExp(`(href=")#(${any})"`, 'g'), `$1#${prefix}-$2"`);
}

/** A small SVG that says why there is no plot (instead of empty axes). */
export function messageSvg(title: string, message: string): string {
  const w = PLOT_WIDTH;
  const h = 90;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="no-data" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${escapeXml(`${title}: ${message}`)}">`,
    `<rect x="0.5" y="0.5" width="${w - 1}" height="${h - 1}" fill="#fafafa" stroke="#bbb" stroke-dasharray="4 3"/>`,
    `<text x="14" y="34" font-family="Helvetica, Arial, sans-serif" font-size="13" font-weight="bold" fill="#333">${escapeXml(title)}</text>`,
    `<text x="14" y="60" font-family="Helvetica, Arial, sans-serif" font-size="12" fill="#666">${escapeXml(message)}</text>`,
    '</svg>',
  ].join('');
}
