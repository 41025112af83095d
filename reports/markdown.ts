/**
 * report.md: per claim the statement, verdict and why, the shrunk counterexample with its replay
 * command, the measured-vs-theory table, fitted rates, proportions, data tables and coverage bins.
 */
import { num, seconds, STATUS_ICON } from './format.js';
import type { Report, ReportEntry } from './schema.js';

function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [`| ${header.map(esc).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

function truncateJSON(value: unknown, max = 4000): string {
  const s = JSON.stringify(value, null, 1);
  return s.length > max ? `${s.slice(0, max)}\n… (${s.length - max} more characters in report.json)` : s;
}

export function sourceLine(e: ReportEntry): string {
  const s = e.claim.sources[0];
  if (!s) return '';
  return `${s.work}${s.arxiv ? ` (arXiv ${s.arxiv})` : ''}, ${s.locator} [${s.tag}]`;
}

function claimSection(e: ReportEntry): string {
  const { claim: c, result: r } = e;
  const out: string[] = [];
  out.push(`## ${c.id} — ${c.title}`, '');
  out.push(`**Status:** ${STATUS_ICON[r.status] ?? r.status} · **kind:** ${c.kind} · **role:** ${c.role} · **runs:** ${r.runs} · **instances:** ${r.instances} · **time:** ${seconds(r.durationMs)} · **backend:** ${r.backend} · **implementation:** ${r.impl}`, '');
  out.push(`**Sources:** ${c.sources.map((s) => `${s.work}${s.arxiv ? ` (arXiv ${s.arxiv})` : ''}, ${s.locator} [${s.tag}]`).join('; ')}`, '');
  out.push(`**Statement.** ${c.statement}`, '');
  out.push(`**Hypotheses sampled.** ${c.hypotheses}`, '');
  out.push(`**Verdict.** ${r.reason}`, '');
  out.push(`*Verdict rule:* ${c.verdictRule}`, '');
  if (c.notes && c.notes.length > 0) out.push('**Notes.**', ...c.notes.map((n) => `- ${n}`), '');
  if (r.counterexample) {
    out.push('### Counterexample (shrunk)', '');
    if (r.counterexample.error) out.push(`Error: \`${r.counterexample.error}\``, '');
    if (r.counterexample.failing.length > 0) {
      out.push(table(['instance', 'quantity', 'measured', 'relation', 'bound', 'tolerance'], r.counterexample.failing.map((m) => [String(m.instance), m.quantity, num(m.measured, 6), m.relation, num(m.bound, 6), num(m.tolerance, 3)])), '');
    }
    out.push(`Shrunk ${r.counterexample.numShrinks} time(s). Input:`, '', '```json', truncateJSON(r.counterexample.input), '```', '');
  }
  out.push(`**Replay:** \`${r.replay}\``, '');
  if (r.quantities.length > 0) {
    out.push('### Measured vs theory', '');
    out.push(table(
      ['quantity', 'checks', 'failures', 'measured p50', 'measured max', 'theory p50', 'ratio p50', 'ratio p90', 'ratio max', 'worst margin'],
      r.quantities.map((q) => [q.quantity, String(q.count), String(q.failures), num(q.measured.p50), num(q.measured.max), num(q.bound.p50), num(q.ratio?.p50), num(q.ratio?.p90), num(q.ratio?.max), num(q.worstMargin, 3)]),
    ), '');
    out.push('*ratio* = measured / theoretical value (≤ 1 means inside the bound); *margin* = slack left after the analysed tolerance (negative = violation).', '');
  }
  if (r.rates.length > 0) {
    out.push('### Fitted rates', '');
    out.push(table(['rate', 'estimate', '95% interval', 'theory', 'verdict', 'method', 'ladder'], r.rates.map((x) => [
      x.name, num(x.estimate), `[${num(x.ci95[0])}, ${num(x.ci95[1])}]`, typeof x.theory === 'number' ? num(x.theory) : `[${num(x.theory[0])}, ${num(x.theory[1])}]`, x.verdict, x.method, x.ladder ? x.ladder.map((v) => num(v, 3)).join(', ') : '—',
    ])), '');
    out.push('*Rule:* consistent when the 95% interval contains (or lies inside) the theoretical value; inconsistent when it excludes it.', '');
  }
  if (r.proportions.length > 0) {
    out.push('### Proportions (exact Clopper–Pearson intervals)', '');
    out.push(table(['event', 'successes / trials', 'interval', 'level', 'claimed p ≥', 'verdict'], r.proportions.map((p) => [p.name, `${p.successes} / ${p.trials}`, `[${num(p.ci[0])}, ${num(p.ci[1])}]`, String(p.level), num(p.threshold), p.verdict])), '');
    out.push('*Rule:* verified when the interval’s lower end ≥ the claimed probability, violated when its upper end is below it, inconclusive otherwise.', '');
  }
  for (const t of r.tables) {
    out.push(`### ${t.title}`, '', table(t.columns, t.rows.map((row) => row.map((v) => (typeof v === 'number' ? num(v) : v)))), '');
  }
  const cov = Object.entries(r.coverage);
  if (cov.length > 0) {
    out.push('### Input coverage', '');
    out.push(table(['parameter', 'bins (count)'], cov.map(([k, bins]) => [k, bins.map((b) => `${b.label}: ${b.count}`).join(' · ')])), '');
  }
  if (r.series.length > 0) out.push(`*${r.series.length} plotted series are in report.json (\`entries[].result.series\`).*`, '');
  return out.join('\n');
}

/** Render a report as Markdown. */
export function renderMarkdown(report: Report): string {
  const s = report.summary;
  const env = report.environment;
  const head = [
    '# transformer-ot-verify report',
    '',
    `Generated ${report.createdAt} by \`${report.command}\` (${report.tool.name} ${report.tool.version}, report schema v${report.schemaVersion}).`,
    '',
    `**Backend:** ${env.backend} (tfjs ${env.tfjsVersion}) · **implementation:** ${report.options.impl} · **budget:** ${report.options.budget} · **Node** ${env.node} on ${env.platform}/${env.arch}, ${env.cpus}× ${env.cpuModel}`,
    env.backendNotes.length > 0 ? `\n*Backend selection:* ${env.backendNotes.join('; ')}` : '',
    '',
    `**${s.claims} claims:** ${s.verified} verified, ${s.violated} violated, ${s.inconclusive} inconclusive, ${s.error} errors, ${s.skipped} skipped, ${s.reported} reported (not asserted) · **${s.instances} random instances** · ${seconds(s.durationMs)}`,
    '',
    table(['claim', 'source', 'status', 'runs', 'instances', 'time', 'backend'], report.entries.map((e) => [
      `[${e.claim.id}](#${e.claim.id.replace(/[^a-z0-9-]/g, '')}--${e.claim.title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')})`, sourceLine(e), STATUS_ICON[e.result.status] ?? e.result.status, String(e.result.runs), String(e.result.instances), seconds(e.result.durationMs), e.result.backend,
    ])),
    '',
  ];
  return [...head, ...report.entries.map(claimSection)].join('\n');
}
