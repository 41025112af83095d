/**
 * report.md: per claim the statement, verdict and why, the shrunk counterexample with its replay
 * command, the statistics tables (measured vs theory, rates, proportions, data) with their verdict
 * rules, coverage bins, and links to the plot SVGs; the c8 coverage summary when present.
 */
import { interruptionLine } from './terminal.js';
import { coverageRows, metricText, type CodeCoverage } from './coverage.js';
import { displayJSON, escapeMarkdownCell } from './escape.js';
import { seconds, STATUS_ICON } from './format.js';
import { formatRate, instancesPerSecond } from './throughput.js';
import type { PlotSet } from './plots.js';
import type { Report, ReportEntry } from './schema.js';
import { claimTables, COVERAGE_RULE } from './sections.js';

export interface MarkdownOptions {
  readonly plots?: PlotSet;
  readonly coverage?: CodeCoverage;
}

/** A GitHub-flavoured Markdown table (pipes and newlines in cells escaped). */
function mdTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const esc = escapeMarkdownCell;
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

function sourceLine(e: ReportEntry): string {
  const s = e.claim.sources[0];
  if (!s) return '';
  return `${s.work}${s.arxiv ? ` (arXiv ${s.arxiv})` : ''}, ${s.locator} [${s.tag}]`;
}

/** GitHub's heading anchor for "## <id> — <title>". */
function anchor(e: ReportEntry): string {
  return `${e.claim.id.replace(/[^a-z0-9-]/g, '')}--${e.claim.title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-')}`;
}

function claimSection(e: ReportEntry, plots: PlotSet | undefined): string {
  const { claim: c, result: r } = e;
  const out: string[] = [];
  out.push(`## ${c.id} — ${c.title}`, '');
  out.push(
    `**Status:** ${STATUS_ICON[r.status] ?? r.status} · **kind:** ${c.kind} · **role:** ${c.role} · **runs:** ${r.runs} · **instances:** ${r.instances} · **time:** ${seconds(r.durationMs)} · **backend:** ${r.backend} · **implementation:** ${r.impl}`,
    '',
  );
  if (r.accuracy) out.push(`**Tolerances from:** ${r.accuracy}`, '');
  out.push(
    `**Sources:** ${c.sources.map((s) => `${s.work}${s.arxiv ? ` (arXiv ${s.arxiv})` : ''}, ${s.locator} [${s.tag}]`).join('; ')}`,
    '',
  );
  out.push(`**Statement.** ${c.statement}`, '');
  out.push(`**Hypotheses sampled.** ${c.hypotheses}`, '');
  out.push(`**Verdict.** ${r.reason}`, '');
  out.push(`*Verdict rule:* ${c.verdictRule}`, '');
  if (c.notes && c.notes.length > 0) out.push('**Notes.**', ...c.notes.map((n) => `- ${n}`), '');
  if (r.counterexample) {
    out.push('### Counterexample (shrunk)', '');
    if (r.counterexample.error) out.push(`Error: \`${r.counterexample.error}\``, '');
    out.push(
      `Shrunk ${r.counterexample.numShrinks} time(s). Input:`,
      '',
      '```json',
      displayJSON(r.counterexample.input),
      '```',
      '',
    );
  }
  out.push(`**Replay:** \`${r.replay}\``, '');
  for (const t of claimTables(r)) {
    out.push(`### ${t.title}`, '', mdTable(t.header, t.rows), '');
    if (t.rule) out.push(`*Verdict rule:* ${t.rule}`, '');
  }
  const cov = Object.entries(r.coverage);
  if (cov.length > 0) {
    out.push('### Input coverage', '');
    out.push(
      mdTable(
        ['parameter', 'bins (count)'],
        cov.map(([k, bins]) => [k, bins.map((b) => `${b.label}: ${b.count}`).join(' · ')]),
      ),
      '',
    );
    out.push(`*${COVERAGE_RULE}*`, '');
  }
  const ps = plots?.get(c.id) ?? [];
  if (ps.length > 0) {
    out.push('### Figures', '');
    for (const p of ps)
      out.push(`- [${p.title}](${p.file})${p.empty ? ` — ${p.empty}` : ''}${p.caption ? ` — ${p.caption}` : ''}`);
    out.push('');
  } else if (r.series.length > 0 || (r.figures && Object.keys(r.figures).length > 0)) {
    out.push(
      `*Plot data is in report.json (\`entries[].result.series\`, \`.figures\`); re-render with \`transformer-ot-verify report\` to draw it.*`,
      '',
    );
  }
  return out.join('\n');
}

function coverageSection(cov: CodeCoverage | undefined): string[] {
  if (!cov) return [];
  const t = coverageRows(cov);
  return [
    '## Code coverage',
    '',
    `c8 summary of the last test run (\`${cov.source}\`, written ${cov.writtenAt}).`,
    '',
    mdTable(
      t.header,
      t.rows.map((r) => [r.name, ...r.cells.map(metricText)]),
    ),
    '',
  ];
}

/** Render a report as Markdown. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
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
    ...(interruptionLine(report) ? [`> **${interruptionLine(report)}**`, ''] : []),
    `**${s.claims} claims:** ${s.verified} verified, ${s.violated} violated, ${s.inconclusive} inconclusive, ${s.error} errors, ${s.skipped} skipped, ${s.reported} reported (not asserted) · **${s.instances} random instances** · ${seconds(s.durationMs)}`,
    '',
    mdTable(
      ['claim', 'source', 'status', 'runs', 'instances', 'time', 'instances/s', 'backend'],
      report.entries.map((e) => [
        `[${e.claim.id}](#${anchor(e)})`,
        sourceLine(e),
        STATUS_ICON[e.result.status] ?? e.result.status,
        String(e.result.runs),
        String(e.result.instances),
        seconds(e.result.durationMs),
        formatRate(instancesPerSecond(e.result)),
        e.result.backend,
      ]),
    ),
    '',
    ...coverageSection(options.coverage),
  ];
  return [...head, ...report.entries.map((e) => claimSection(e, options.plots))].join('\n');
}
