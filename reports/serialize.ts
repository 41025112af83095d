/**
 * report.json text: non-finite numbers as strings ("Infinity", "NaN"), which parseReport reads back; indented,
 * except that arrays of plain numbers (points, ladders, samples) stay on one line.
 */
import type { Report, ReportEntry } from './schema.js';

/** An indented array holding only numbers (a raw newline inside proves it is structure, not string content). */
const NUMBER_ARRAY = /\[\n\s*(-?[\d.eE+-]+(?:,\n\s*-?[\d.eE+-]+)*)\n\s*\]/g;

const finiteOrString = (_k: string, v: unknown): unknown =>
  typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;

/** JSON with one-space indentation and arrays of plain numbers on one line. */
function compactJson(value: unknown): string {
  const text = JSON.stringify(value, finiteOrString, 1);
  return text.replace(NUMBER_ARRAY, (_m, body: string) => `[${body.replace(/,\n\s*/g, ',')}]`);
}

/** One entry's text as it stands inside the report's `entries` array (two levels deep). */
export function serializeEntry(entry: ReportEntry): string {
  return compactJson(entry).replace(/\n/g, '\n  ');
}

const ENTRIES = '\u0000entries\u0000';

/**
 * The report's text. `entryText` may supply each entry's {@link serializeEntry} text already made (the run journal
 * keeps them, so that rewriting report.json as each claim ends does not serialise every earlier claim again).
 */
export function serializeReport(report: Report, entryText: (e: ReportEntry) => string = serializeEntry): string {
  const frame = compactJson({ ...report, entries: ENTRIES });
  const items = report.entries.map(entryText);
  const entries = items.length === 0 ? '[]' : `[\n  ${items.join(',\n  ')}\n ]`;
  return frame.replace(JSON.stringify(ENTRIES), () => entries);
}
