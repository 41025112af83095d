/**
 * The terminal summary printed at the end of `verify` and `report`: one line per claim (status, runs,
 * instances, time), failures first with their reason and replay command, the totals, then the written
 * files with the HTML report named first.
 */
import { seconds } from './format.js';
import type { Report } from './schema.js';

const ORDER: Record<string, number> = { violated: 0, error: 1, inconclusive: 2, verified: 3, reported: 4, skipped: 5 };
const MARK: Record<string, string> = { verified: 'PASS', violated: 'FAIL', error: 'ERR ', inconclusive: 'INC ', skipped: 'SKIP', reported: 'INFO' };

export function renderTerminalSummary(report: Report, paths: readonly string[]): string {
  const entries = [...report.entries].sort((a, b) => (ORDER[a.result.status] ?? 9) - (ORDER[b.result.status] ?? 9));
  const width = Math.max(...entries.map((e) => e.claim.id.length), 10);
  const lines = entries.map((e) => {
    const r = e.result;
    const line = `${MARK[r.status] ?? r.status}  ${e.claim.id.padEnd(width)}  ${String(r.runs).padStart(4)} runs  ${String(r.instances).padStart(6)} instances  ${seconds(r.durationMs).padStart(8)}`;
    return r.status === 'violated' || r.status === 'error' ? `${line}\n      ${r.reason}\n      replay: ${r.replay}` : line;
  });
  const s = report.summary;
  lines.push('');
  lines.push(`${s.claims} claims: ${s.verified} verified, ${s.violated} violated, ${s.inconclusive} inconclusive, ${s.error} errors, ${s.skipped} skipped, ${s.reported} reported — ${s.instances} instances in ${seconds(s.durationMs)} on ${report.environment.backend}`);
  const html = paths.filter((p) => p.endsWith('.html'));
  for (const p of html) lines.push(`HTML report: ${p}`);
  for (const p of paths) if (!html.includes(p)) lines.push(`report: ${p}`);
  return lines.join('\n');
}
