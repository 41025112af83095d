/**
 * report.json text: non-finite numbers as strings ("Infinity", "NaN"), which parseReport reads back; indented,
 * except that arrays of plain numbers (points, ladders, samples) stay on one line.
 */
import type { Report } from './schema.js';

/** An indented array holding only numbers (a raw newline inside proves it is structure, not string content). */
const NUMBER_ARRAY = /\[\n\s*(-?[\d.eE+-]+(?:,\n\s*-?[\d.eE+-]+)*)\n\s*\]/g;

export function serializeReport(report: Report): string {
  const text = JSON.stringify(
    report,
    (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
    1,
  );
  return text.replace(NUMBER_ARRAY, (_m, body: string) => `[${body.replace(/,\n\s*/g, ',')}]`);
}
