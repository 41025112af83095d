/**
 * The terminal summary printed at the end of `verify` and `report`: one line per claim (status, runs,
 * instances, time), failures first with their reason and replay command, the totals, then the written
 * files with the HTML report named first.
 */
import { seconds } from './format.js';
import type { Report, ReportEntry } from './schema.js';

const ORDER: Record<string, number> = { violated: 0, error: 1, inconclusive: 2, verified: 3, reported: 4, skipped: 5 };
const MARK: Record<string, string> = {
  verified: 'PASS',
  violated: 'FAIL',
  error: 'ERR ',
  inconclusive: 'INC ',
  skipped: 'SKIP',
  reported: 'INFO',
};

/** One claim's line (status, id, runs, instances, time), with reason and replay for a failure. */
export function claimLine(e: ReportEntry, width: number): string {
  const r = e.result;
  const line = `${MARK[r.status] ?? r.status}  ${e.claim.id.padEnd(width)}  ${String(r.runs).padStart(4)} runs  ${String(r.instances).padStart(6)} instances  ${seconds(r.durationMs).padStart(8)}`;
  return r.status === 'violated' || r.status === 'error'
    ? `${line}\n      ${r.reason}\n      replay: ${r.replay}`
    : line;
}

/** The width of the id column for these claim ids. */
export function idWidth(ids: readonly string[]): number {
  return Math.max(...ids.map((id) => id.length), 10);
}

/** The sentence saying that a report is partial, or undefined for a finished run. */
export function interruptionLine(report: Report): string | undefined {
  if (!report.interrupted) return undefined;
  const missing = report.notReached ?? [];
  const why =
    report.interruption === 'running'
      ? 'the run had not finished when this report was written'
      : `the run was interrupted (${report.interruption ?? 'unknown'})`;
  const list = missing.length > 0 ? `: ${missing.join(', ')}` : '';
  return `PARTIAL REPORT: ${why}; ${report.entries.length} claim(s) ended, ${missing.length} not reached${list}`;
}

export function renderTerminalSummary(report: Report, paths: readonly string[]): string {
  const entries = [...report.entries].sort((a, b) => (ORDER[a.result.status] ?? 9) - (ORDER[b.result.status] ?? 9));
  const width = idWidth(entries.map((e) => e.claim.id));
  const lines = entries.map((e) => claimLine(e, width));
  const s = report.summary;
  lines.push('');
  lines.push(
    `${s.claims} claims: ${s.verified} verified, ${s.violated} violated, ${s.inconclusive} inconclusive, ${s.error} errors, ${s.skipped} skipped, ${s.reported} reported — ${s.instances} instances in ${seconds(s.durationMs)} on ${report.environment.backend}`,
  );
  const partial = interruptionLine(report);
  if (partial) lines.push(partial);
  const html = paths.filter((p) => p.endsWith('.html'));
  for (const p of html) lines.push(`HTML report: ${p}`);
  for (const p of paths) if (!html.includes(p)) lines.push(`report: ${p}`);
  return lines.join('\n');
}
