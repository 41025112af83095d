/** report.html: self-contained, every claim section and plot present, hostile text escaped, maths rendered. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { claimAnchor } from '../../reports/html.js';
import { inlineMarkdown, render } from '../../reports/maths.js';
import { plotSvgs, renderedFixture } from './rendered.js';

test('writeReport writes report.html first, then report.md, junit.xml and report.json, and the plot SVGs', async () => {
  const r = await renderedFixture();
  assert.equal(
    r.paths.map((p) => p.split('/').pop()),
    ['report.html', 'report.md', 'junit.xml', 'report.json'],
  );
  for (const p of r.paths) assert.ok(existsSync(p), p);
  for (const id of plotSvgs(r.html).keys()) assert.ok(existsSync(join(r.dir, 'plots', `${id}.svg`)), `plots/${id}.svg`);
});

test('report.html is self-contained: no network URL in src/href, no script, no external stylesheet', async () => {
  const { html } = await renderedFixture();
  assert.not.match(html, /\s(src|href)\s*=\s*["']?(https?:)?\/\//i, 'a network src/href');
  assert.not.match(html, /<script/i, 'a script element (the hostile claim text must be escaped)');
  assert.not.match(html, /<link\b/i);
  assert.not.match(html, /@import|url\(\s*["']?https?:/i);
  assert.match(html, /<style>/);
});

test('every claim has a section with statement, verdict, replay, tables and coverage', async () => {
  const { html, report } = await renderedFixture();
  for (const e of report.entries) {
    const m = new RegExp(
      `<section class="claim[^"]*" id="${claimAnchor(e.claim.id)}"[^>]*>([\\s\\S]*?)</section>`,
    ).exec(html);
    assert.ok(m, `no section for ${e.claim.id}`);
    const s = m[1]!;
    assert.match(s, /<strong>Statement\.<\/strong>/);
    assert.match(s, new RegExp(`Verdict: ${e.result.status}\\.`));
    assert.match(s, /Verdict rule:/);
    assert.ok(s.includes('<pre class="replay">'), `${e.claim.id}: replay`);
    assert.match(s, /<h3>Figures<\/h3>/);
    assert.ok(html.includes(`href="#${claimAnchor(e.claim.id)}"`), `${e.claim.id}: summary link`);
  }
  assert.match(html, /<h3>Counterexample \(shrunk\)<\/h3>/);
  assert.match(html, /<h3>Fitted rates \(95% intervals\)<\/h3>[\s\S]*?Verdict rule: Consistent when the 95% interval/);
  assert.match(
    html,
    /<h3>Proportions \(exact Clopper–Pearson intervals\)<\/h3>[\s\S]*?Verdict rule: Exact Clopper–Pearson/,
  );
  assert.match(html, /<h3>Measured vs theory<\/h3>/);
  assert.match(html, /<h4>n<\/h4><div class="bars">/);
});

test('hostile text is escaped in headings, reasons and counterexample JSON', async () => {
  const { html } = await renderedFixture();
  assert.ok(html.includes('Birkhoff &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co'));
  assert.ok(html.includes('&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('d_H &lt;= 0.5 &amp; &quot;quoted&quot; &lt;tag&gt;'));
});

test('every plot is a non-empty SVG; a plot without data says so instead of drawing axes', async () => {
  const { html, report } = await renderedFixture();
  const svgs = plotSvgs(html);
  assert.ok(svgs.size >= 9, `only ${svgs.size} plots`);
  for (const [id, svg] of svgs) assert.ok(svg.length > 200 && /<svg[^>]*width="\d+/.test(svg), `${id}: empty SVG`);
  const withData = [
    'sinkhorn-franklin-lorenz-rate--series-convergence',
    'energy-monotone--figure-energy',
    'clustering-phase-diagram--figure-phase',
    'heat-sb-to-heat-flow--figure-w2',
    'heat-sb-to-heat-flow--rates',
    'sorting-error-vs-depth--figure-depth',
  ];
  for (const id of withData) {
    const svg = svgs.get(id);
    assert.ok(svg, `missing plot ${id}`);
    assert.match(svg, /role-axis/, `${id}: axes`);
    assert.match(svg, /<path|<rect/, `${id}: marks`);
  }
  const empty = svgs.get('energy-monotone--figure-emptyenergy')!;
  assert.match(empty, /class="no-data"/);
  assert.match(empty, /No data: no curve has any point\./);
  assert.not.match(empty, /role-axis/);
  assert.match(svgs.get('clustering-beta-zero--series-diameter-vs-t')!, /No data/);
  assert.match(svgs.get('heat-sb-to-heat-flow--figure-broken')!, /no renderer for figure type &#39;sparkle&#39;/);
  assert.match(html, /No figure: this claim records no checks, proportions, series, figures or fitted rates\./);
  // the phase diagram is a heatmap with the computed curve over it
  const phase = svgs.get('clustering-phase-diagram--figure-phase')!;
  assert.ok((phase.match(/<path[^>]*role-mark|mark-rect/g) ?? []).length > 0);
  assert.match(phase, /Γ∞ from \(6\.9\)/);
  // ids are unique across inlined SVGs
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.is(new Set(ids).size, ids.length, 'duplicate ids in report.html');
  assert.ok(report.entries.length > 0);
});

test('report.md links the plot SVGs and prints the verdict rules', async () => {
  const { md } = await renderedFixture();
  assert.match(md, /\(plots\/clustering-phase-diagram--figure-phase\.svg\)/);
  assert.match(md, /\*Verdict rule:\* Consistent when the 95% interval/);
  assert.match(md, /### Input coverage/);
});

test('maths: a small LaTeX pass renders the statements readably', () => {
  assert.is(render('\\kappa(K)=\\tanh(\\Delta/4)'), 'κ(<i>K</i>)\u2009=\u2009<span class="rm">tanh</span>(Δ/4)');
  assert.match(render('x\\in\\mathbb R^{n\\times m}_{++}'), /ℝ<sup><i>n<\/i>×<i>m<\/i><\/sup><sub>\+\+<\/sub>/);
  assert.match(render('\\frac{a}{b}'), /<span class="frac"><span><i>a<\/i><\/span><span><i>b<\/i><\/span><\/span>/);
  assert.match(
    render('\\langle x_1, x_2\\rangle\\ge 1-\\delta'),
    /⟨<i>x<\/i><sub>1<\/sub>,\u2009<i>x<\/i><sub>2<\/sub>⟩\u2009≥\u20091−δ/,
  );
  assert.is(render('<b>&'), '\u2009&lt;\u2009<i>b</i>\u2009&gt;\u2009&amp;');
  assert.match(
    inlineMarkdown('a `c<d` **b** $x^2$ <i>'),
    /a <code>c&lt;d<\/code> <strong>b<\/strong> <span class="math" title="x\^2"><i>x<\/i><sup>2<\/sup><\/span> &lt;i&gt;/,
  );
  assert.match(render('\\unknowncmd'), /\\unknowncmd/);
  // stars glued to symbols are not emphasis (v*, P*), Markdown emphasis still is
  assert.is(inlineMarkdown('d_H(v,v*) > 0 and |log ΣP/ΣP*| added'), 'd_H(v,v*) &gt; 0 and |log ΣP/ΣP*| added');
  assert.is(inlineMarkdown('an *emphasised* word'), 'an <em>emphasised</em> word');
});

test('the c8 summary is embedded when present', async () => {
  const { renderHtml } = await import('../../reports/html.js');
  const { fixtureReport } = await import('./fixture.js');
  const m = { total: 10, covered: 8, pct: 80 };
  const html = renderHtml(fixtureReport(), {
    coverage: {
      source: 'coverage/coverage-summary.json',
      writtenAt: '2025-01-01T00:00:00Z',
      total: { lines: m, statements: m, functions: m, branches: m },
      byDirectory: [{ dir: 'impl', counts: { lines: m, statements: m, functions: m, branches: m } }],
    },
  });
  assert.match(
    html,
    /<table class="code-coverage">[\s\S]*<th>total<\/th>[\s\S]*80\.0% \(8\/10\)[\s\S]*<th>impl\/<\/th>/,
  );
  assert.ok(
    readFileSync(new URL('../../reports/coverage.ts', import.meta.url), 'utf8').includes('coverage-summary.json'),
  );
});

test.run();
