/** report.json text: non-finite numbers as strings ("Infinity", "NaN"), which parseReport reads back. */
import type { Report } from './schema.js';

export function serializeReport(report: Report): string {
  return JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 1);
}
