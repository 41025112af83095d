/**
 * compare.html: the comparison of two reports as a page (`report --compare old.json new.json`): the status
 * changes of compare.ts as a table, and for every fitted rate in both reports the old and new estimates with
 * their 95% intervals side by side against the theory, one panel per rate (each on its own scale).
 */
import type * as vl from 'vega-lite';
import type { FittedRate } from '../properties/types.js';
import type { Comparison } from './compare.js';
import { escapeXml as h } from './escape.js';
import { num } from './format.js';
import { HTML_STYLE } from './html-style.js';
import { SCHEMA, type SpecOrEmpty } from './plot-specs.js';
import type { Report } from './schema.js';
import { messageSvg, PLOT_CONFIG, prefixSvgIds, vegaLiteToSvg } from './svg.js';

interface RatePair {
  readonly claimId: string;
  readonly name: string;
  readonly old: FittedRate;
  readonly new: FittedRate;
}

/** Fitted rates present in both reports (same claim, same rate name). */
function ratePairs(oldReport: Report, newReport: Report): RatePair[] {
  const oldById = new Map(oldReport.entries.map((e) => [e.claim.id, e.result]));
  return newReport.entries.flatMap((e) => {
    const o = oldById.get(e.claim.id);
    if (!o) return [];
    return e.result.rates.flatMap((n) => {
      const before = o.rates.find((r) => r.name === n.name);
      return before ? [{ claimId: e.claim.id, name: n.name, old: before, new: n }] : [];
    });
  });
}

/** Old and new estimate with 95% interval per rate (grey: old, blue: new), theory in red; a panel per rate. */
function ratePairsSpec(pairs: readonly RatePair[]): SpecOrEmpty {
  const rows = pairs
    .flatMap((p) => {
      const label = `${p.claimId} · ${p.name.length > 90 ? `${p.name.slice(0, 87)}…` : p.name}`;
      const [a, b] = typeof p.new.theory === 'number' ? [p.new.theory, p.new.theory] : p.new.theory;
      // an admissible interval open to ±∞ is drawn to just past both intervals
      const ends = [p.old.ci95, p.new.ci95].flat().filter(Number.isFinite);
      const pad = 0.1 * (Math.max(...ends) - Math.min(...ends) || 1);
      const tlo = a === -Infinity ? Math.min(...ends) - pad : a;
      const thi = b === Infinity ? Math.max(...ends) + pad : b;
      return (['old', 'new'] as const).map((which) => {
        const r = p[which];
        return { label, which, estimate: r.estimate, lo: r.ci95[0], hi: r.ci95[1], tlo, thi };
      });
    })
    .filter((r) => [r.estimate, r.lo, r.hi].every(Number.isFinite));
  if (rows.length === 0) return { empty: 'No fitted rate appears in both reports.' };
  const x = { type: 'quantitative' as const, title: null, scale: { zero: false } };
  const y = {
    field: 'which',
    type: 'nominal' as const,
    title: null,
    sort: ['old', 'new'],
    axis: { labelFontSize: 10 },
  };
  const colour = {
    field: 'which',
    type: 'nominal' as const,
    title: 'report (measured estimate, 95% interval)',
    legend: { orient: 'top' as const, titleLimit: 400 },
    scale: { domain: ['old', 'new'], range: ['#8c8c8c', '#1f77b4'] },
  };
  return {
    spec: {
      $schema: SCHEMA,
      config: { ...PLOT_CONFIG, facet: { spacing: 4 }, header: { labelFontSize: 11 } },
      title: {
        text: 'Fitted rates: old and new 95% intervals',
        subtitle: 'grey: old report · blue: new report · red: theory (tick, or shaded admissible interval)',
      },
      data: { values: rows },
      facet: {
        row: {
          field: 'label',
          type: 'nominal',
          title: null,
          sort: null,
          header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top', labelLimit: 640 },
        },
      },
      resolve: { scale: { x: 'independent' } },
      spec: {
        width: 560,
        height: { step: 12 },
        layer: [
          {
            mark: { type: 'rect', color: '#e4202c', opacity: 0.2 },
            encoding: { x: { ...x, field: 'tlo' }, x2: { field: 'thi' } },
          },
          { mark: { type: 'rule', color: '#e4202c', strokeWidth: 2 }, encoding: { x: { ...x, field: 'tlo' } } },
          {
            mark: { type: 'rule', strokeWidth: 2.5 },
            encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' }, color: colour },
          },
          {
            mark: { type: 'point', filled: true, size: 40 },
            encoding: { y, x: { ...x, field: 'estimate' }, color: colour },
          },
        ],
      },
    } as unknown as vl.TopLevelSpec,
  };
}

const REGRESSION_RULE =
  'A regression is a claim that was verified and is now violated or errored, or a fitted rate whose new estimate ' +
  'left the old 95% interval.';

const code = (s: string): string => `<code>${h(s)}</code>`;

/** One table row of already-escaped cells. */
function row(cells: readonly string[], cls = ''): string {
  return `<tr${cls ? ` class="${cls}"` : ''}>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

function table(id: string, header: readonly string[], rows: readonly string[]): string {
  const head = header.map((x) => `<th>${h(x)}</th>`).join('');
  const body = rows.join('\n');
  return `<table class="summary" id="${id}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function badge(status: string | undefined): string {
  return status ? `<span class="badge s-${h(status)}">${h(status)}</span>` : '—';
}

/** The whole compare page, self-contained (inline CSS and SVG). */
export async function renderCompareHtml(
  c: Comparison,
  oldReport: Report,
  newReport: Report,
  names: { old: string; new: string },
): Promise<string> {
  const pairs = ratePairs(oldReport, newReport);
  const built = ratePairsSpec(pairs);
  const svg =
    'spec' in built
      ? prefixSvgIds(await vegaLiteToSvg(built.spec), 'compare-rates')
      : messageSvg('fitted rates', built.empty);
  const changeRows = c.changes.map((ch) =>
    row(
      [
        ch.regression ? 'REGRESSION' : ch.kind,
        code(ch.claimId),
        badge(ch.oldStatus),
        badge(ch.newStatus),
        h(ch.detail),
      ],
      ch.regression ? 'regression' : '',
    ),
  );
  const interval = (r: FittedRate): string => `${num(r.estimate)} [${num(r.ci95[0])}, ${num(r.ci95[1])}]`;
  const rateRows = pairs.map((p) =>
    row([code(p.claimId), h(p.name), h(interval(p.old)), h(interval(p.new)), h(`${p.old.verdict} → ${p.new.verdict}`)]),
  );
  const verdict =
    c.regressions > 0
      ? `<strong class="bad">${c.regressions} regression(s)</strong>`
      : '<strong>no regression</strong>';
  const about = (r: Report, name: string): string =>
    `<code>${h(name)}</code> (${h(r.createdAt)}, budget ${h(r.options.budget)}, implementation ${h(r.options.impl)})`;
  const changes =
    changeRows.length > 0
      ? table('changes', ['change', 'claim', 'old', 'new', 'detail'], changeRows)
      : '<p class="muted" id="changes">No status changed, and every fitted rate is inside its old 95% interval.</p>';
  const rateTable =
    rateRows.length > 0
      ? table('rates', ['claim', 'rate', 'old estimate [95%]', 'new estimate [95%]', 'verdict'], rateRows)
      : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>transformer-ot-verify comparison — ${c.regressions} regression(s)</title>
<style>${HTML_STYLE} tr.regression td { background: #ffebe9; } .bad { color: var(--bad); }</style>
</head>
<body>
<h1>transformer-ot-verify: comparison of two reports</h1>
<p class="meta">old ${about(oldReport, names.old)} → new ${about(newReport, names.new)}</p>
<p>${c.compared} claims compared: ${c.changes.length} change(s), ${verdict}.</p>
<h2>Status changes</h2>
${changes}
<p class="rule">${h(REGRESSION_RULE)}</p>
<h2>Fitted rates, old and new</h2>
<figure class="plot" id="plot-compare-rates" data-plot-id="compare-rates">
${svg}
</figure>
${rateTable}
</body>
</html>
`;
}
