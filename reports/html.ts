/**
 * report.html: one self-contained file (inline CSS and SVG, no script, no network) rendered from
 * report.json — summary table, code coverage, then per claim its statement, verdict and why,
 * counterexample and replay command, statistics tables with their verdict rules, input-coverage bars
 * and plots.
 */
import { interruptionLine } from './terminal.js';
import type { CoverageBin } from '../properties/runner/aggregate.js';
import { coverageRows, metricText, type CodeCoverage } from './coverage.js';
import { displayJSON, escapeXml as h, slug } from './escape.js';
import { num, seconds } from './format.js';
import { formatRate, instancesPerSecond } from './throughput.js';
import { HTML_STYLE } from './html-style.js';
import { inlineMarkdown } from './maths.js';
import { OVERVIEW_RULE } from './overview.js';
import type { Plot, PlotSet } from './plots.js';
import type { Report, ReportEntry } from './schema.js';
import { claimTables, COVERAGE_RULE, type TableData } from './sections.js';

export interface HtmlOptions {
  /** Plots per claim (reports/plots.ts); claims without an entry get none. */
  readonly plots?: PlotSet;
  /** c8 summary of the last test run, when present. */
  readonly coverage?: CodeCoverage;
  /** The overview figure of all claims (plots.ts `overviewPlot`), drawn above the summary table. */
  readonly overview?: Plot;
}

/** The anchor of a claim section. */
export function claimAnchor(claimId: string): string {
  return `claim-${slug(claimId)}`;
}

const NUMERIC = /^[−\-+]?(\d|∞|NaN|—)/;

/** An HTML table from header and rows (cells escaped; numeric-looking cells right-aligned). */
function htmlTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>, cls = ''): string {
  const head = `<tr>${header.map((c) => `<th>${h(c)}</th>`).join('')}</tr>`;
  const body = rows
    .map((r) => `<tr>${r.map((c) => `<td${NUMERIC.test(c) ? ' class="num"' : ''}>${h(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table${cls ? ` class="${cls}"` : ''}><thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
}

function badge(status: string): string {
  return `<span class="badge s-${h(status)}">${h(status)}</span>`;
}

function statsTable(t: TableData): string {
  return `<h3>${h(t.title)}</h3>\n${htmlTable(t.header, t.rows)}${t.rule ? `\n<p class="rule">Verdict rule: ${h(t.rule)}</p>` : ''}`;
}

function coverageBars(coverage: Readonly<Record<string, readonly CoverageBin[]>>): string {
  const keys = Object.entries(coverage);
  if (keys.length === 0) return '<h3>Input coverage</h3>\n<p class="no-plot">No input coverage recorded.</p>';
  const blocks = keys.map(([key, bins]) => {
    const max = Math.max(1, ...bins.map((b) => b.count));
    const rows = bins
      .map(
        (b) =>
          `<span>${h(b.label)}</span><span class="bar"><span style="width:${((100 * b.count) / max).toFixed(1)}%"></span></span><span>${b.count}</span>`,
      )
      .join('');
    return `<div><h4>${h(key)}</h4><div class="bars">${rows}</div></div>`;
  });
  return `<h3>Input coverage</h3>\n<div class="coverage-grid">${blocks.join('')}</div>\n<p class="rule">${h(COVERAGE_RULE)}</p>`;
}

function plotFigure(p: Plot): string {
  return `<figure class="plot${p.empty ? ' empty' : ''}" id="plot-${h(p.id)}" data-plot-id="${h(p.id)}">\n${p.svg}\n<figcaption>${p.caption ? `${h(p.caption)} ` : ''}${p.empty ? '' : `<a href="${h(p.file)}">SVG file</a>`}</figcaption></figure>`;
}

function claimSection(e: ReportEntry, plots: readonly Plot[]): string {
  const { claim: c, result: r } = e;
  const out: string[] = [];
  out.push(
    `<section class="claim st-${h(r.status)}" id="${claimAnchor(c.id)}" data-claim-id="${h(c.id)}" data-status="${h(r.status)}">`,
  );
  out.push(`<h2>${badge(r.status)} <code>${h(c.id)}</code> — ${h(c.title)}</h2>`);
  out.push(
    `<p class="meta">kind ${h(c.kind)} · role ${h(c.role)} · ${r.runs} runs · ${r.instances} instances · ${h(seconds(r.durationMs))} · backend ${h(r.backend)}${r.accuracy ? ` · tolerances from ${h(r.accuracy)}` : ''} · implementation ${h(r.impl)} · budget ${h(r.budget)} · seed ${h(r.seed)}${r.interrupted ? ' · <strong>interrupted by the time budget</strong>' : ''}</p>`,
  );
  out.push(
    `<p class="meta">Sources: ${c.sources.map((s) => `${h(s.work)}${s.arxiv ? ` (arXiv ${h(s.arxiv)})` : ''}, ${h(s.locator)} [${h(s.tag)}]`).join('; ')}</p>`,
  );
  out.push(`<p><strong>Statement.</strong> ${inlineMarkdown(c.statement)}</p>`);
  out.push(`<p><strong>Hypotheses sampled.</strong> ${inlineMarkdown(c.hypotheses)}</p>`);
  out.push(
    `<div class="verdict"><strong>Verdict: ${h(r.status)}.</strong> ${h(r.reason)}<p class="rule">Verdict rule: ${inlineMarkdown(c.verdictRule)}</p></div>`,
  );
  if (c.notes && c.notes.length > 0)
    out.push(`<p><strong>Notes.</strong></p><ul>${c.notes.map((n) => `<li>${inlineMarkdown(n)}</li>`).join('')}</ul>`);
  if (r.counterexample) {
    out.push('<h3>Counterexample (shrunk)</h3>');
    if (r.counterexample.error) out.push(`<p>Error: <code>${h(r.counterexample.error)}</code></p>`);
    out.push(
      `<p class="meta">Shrunk ${r.counterexample.numShrinks} time(s)${r.path ? `; fast-check path <code>${h(r.path)}</code>` : ''}. Input:</p>`,
    );
    out.push(`<pre class="counterexample"><code>${h(displayJSON(r.counterexample.input))}</code></pre>`);
  }
  out.push(
    `<p><strong>Replay</strong> (the one command that reruns ${r.counterexample ? 'this failure' : 'this run'}):</p><pre class="replay"><code>${h(r.replay)}</code></pre>`,
  );
  for (const t of claimTables(r)) out.push(statsTable(t));
  out.push(coverageBars(r.coverage));
  out.push('<h3>Figures</h3>');
  if (plots.length === 0)
    out.push(
      '<p class="no-plot">No figure: this claim records no checks, proportions, series, figures or fitted rates.</p>',
    );
  else out.push(...plots.map(plotFigure));
  out.push('</section>');
  return out.join('\n');
}

function coverageSection(cov: CodeCoverage | undefined): string {
  if (!cov)
    return '<h2>Code coverage</h2>\n<p class="muted">No c8 summary found (run <code>npm test</code> first; it writes <code>coverage/coverage-summary.json</code>).</p>';
  const t = coverageRows(cov);
  const cell = (m: { pct: number; covered: number; total: number }): string =>
    `<td><span class="pct-bar"><span style="width:${Math.min(100, Math.max(0, m.pct)).toFixed(1)}%"></span></span>${h(metricText(m))}</td>`;
  const rows = t.rows.map((r) => `<tr><th>${h(r.name)}</th>${r.cells.map(cell).join('')}</tr>`).join('\n');
  return `<h2>Code coverage</h2>\n<p class="meta">c8 summary of the last test run (<code>${h(cov.source)}</code>, written ${h(cov.writtenAt)}).</p>\n<table class="code-coverage"><thead><tr>${t.header.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** Render the whole report as one self-contained HTML document. */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const s = report.summary;
  const env = report.environment;
  const plotsOf = (id: string): readonly Plot[] => options.plots?.get(id) ?? [];
  const summaryRows = report.entries.map((e) => {
    const r = e.result;
    const src = e.claim.sources[0];
    return `<tr><td><a href="#${claimAnchor(e.claim.id)}"><code>${h(e.claim.id)}</code></a></td><td>${src ? `${h(src.work)}, ${h(src.locator)}` : ''}</td><td>${badge(r.status)}</td><td class="num">${r.runs}</td><td class="num">${r.instances}</td><td class="num">${h(seconds(r.durationMs))}</td><td class="num">${h(formatRate(instancesPerSecond(r)))}</td><td>${h(r.backend)}</td></tr>`;
  });
  const counts: Array<[string, number]> = [
    ['verified', s.verified],
    ['violated', s.violated],
    ['inconclusive', s.inconclusive],
    ['error', s.error],
    ['skipped', s.skipped],
    ['reported', s.reported],
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>transformer-ot-verify report — ${s.claims} claims, ${s.verified} verified</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header>
<h1>transformer-ot-verify report</h1>
<p class="meta">Generated ${h(report.createdAt)} by <code>${h(report.command)}</code> (${h(report.tool.name)} ${h(report.tool.version)}, report schema v${report.schemaVersion}).</p>
<p class="meta">Backend <strong>${h(env.backend)}</strong> (tfjs ${h(env.tfjsVersion)}) · implementation ${h(report.options.impl)} · budget ${h(report.options.budget)} · Node ${h(env.node)} on ${h(env.platform)}/${h(env.arch)}, ${env.cpus}× ${h(env.cpuModel)}${env.backendNotes.length > 0 ? ` · backend selection: ${h(env.backendNotes.join('; '))}` : ''}</p>
${interruptionLine(report) ? `<p class="partial"><strong>${h(interruptionLine(report)!)}</strong></p>\n` : ''}<p class="chips"><strong>${s.claims} claims</strong>: ${counts
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `<span>${badge(k)} ${n}</span>`)
    .join('')} · ${s.instances} random instances · ${h(seconds(s.durationMs))}</p>
</header>
${options.overview ? `<h2 id="overview">Overview</h2>\n${plotFigure(options.overview)}\n<p class="rule">${h(OVERVIEW_RULE)}</p>` : ''}
<h2>Summary</h2>
<table class="summary"><thead><tr><th>claim</th><th>source</th><th>status</th><th>runs</th><th>instances</th><th>time</th><th>instances/s</th><th>backend</th></tr></thead><tbody>
${summaryRows.join('\n')}
</tbody></table>
<p class="rule">verified: every check passed (bound), or the statistics support the claim (rate, limit, probabilistic); violated: a shrunk counterexample broke it, or an interval excludes the theory; inconclusive: not enough evidence either way; reported: exploratory or negative-control claims, measured but not asserted.</p>
${coverageSection(options.coverage)}
<h2>Claims</h2>
${report.entries.map((e) => claimSection(e, plotsOf(e.claim.id))).join('\n')}
<p class="meta">Totals: ${num(s.instances)} instances; numbers use 4 significant digits (report.json keeps full precision).</p>
</body>
</html>
`;
}
