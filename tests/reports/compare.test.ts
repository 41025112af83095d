/** report --compare: status changes and rates that left the old 95% interval; exit code 1 on a regression. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UsageError } from '../../impl/errors.js';
import type { ClaimResult } from '../../properties/runner/run-claim.js';
import { compareReports, renderComparison } from '../../reports/compare.js';
import type { Report } from '../../reports/schema.js';
import { serializeReport } from '../../reports/write.js';
import { reportMain } from '../../scripts/report.js';
import { fixtureReport } from './fixture.js';

function withResult(r: Report, id: string, change: (x: ClaimResult) => ClaimResult): Report {
  return { ...r, entries: r.entries.map((e) => (e.claim.id === id ? { ...e, result: change(e.result) } : e)) };
}

const RATE_CLAIM = 'sinkhorn.franklin-lorenz-rate';

test('identical reports: no change, no regression', () => {
  const c = compareReports(fixtureReport(), fixtureReport());
  assert.is(c.changes.length, 0);
  assert.is(c.regressions, 0);
  assert.match(renderComparison(c), /no status change/);
});

test('verified → violated is a regression; violated → verified an improvement; verified → inconclusive a change', () => {
  const old = fixtureReport();
  let now = withResult(old, 'energy.monotone', (r) => ({ ...r, status: 'violated', reason: 'energy fell' }));
  now = withResult(now, 'sinkhorn.birkhoff-contraction', (r) => ({ ...r, status: 'verified' }));
  now = withResult(now, 'clustering.phase-diagram', (r) => ({ ...r, status: 'inconclusive' }));
  const c = compareReports(old, now);
  const kind = (id: string): string | undefined => c.changes.find((x) => x.claimId === id)?.kind;
  assert.is(kind('energy.monotone'), 'regression');
  assert.is(kind('sinkhorn.birkhoff-contraction'), 'improvement');
  assert.is(kind('clustering.phase-diagram'), 'status-changed');
  assert.is(c.regressions, 1);
  assert.match(renderComparison(c), /REGRESSION\s+energy\.monotone\s+verified\s+violated\s+energy fell/);
});

test('a rate estimate outside the old 95% interval is flagged; inside is not', () => {
  const old = fixtureReport();
  const move = (estimate: number): Report =>
    withResult(old, RATE_CLAIM, (r) => ({ ...r, rates: r.rates.map((x) => ({ ...x, estimate })) }));
  assert.is(compareReports(old, move(0.43)).changes.length, 0);
  const c = compareReports(old, move(0.52));
  assert.is(c.regressions, 1);
  assert.is(c.changes[0]!.kind, 'rate-moved');
  assert.match(c.changes[0]!.detail, /0\.52 outside the old 95% interval \[0\.38, 0\.44\]/);
});

test('added and removed claims are listed, not regressions', () => {
  const old = fixtureReport();
  const now = { ...old, entries: old.entries.slice(1) };
  const c = compareReports(old, now);
  assert.equal(
    c.changes.map((x) => x.kind),
    ['removed'],
  );
  assert.is(compareReports(now, old).changes[0]!.kind, 'added');
  assert.is(c.regressions, 0);
});

test('report --compare exits 1 on a regression and 0 otherwise; report re-renders all four files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tov-compare-'));
  const old = fixtureReport();
  const a = join(dir, 'old.json');
  const b = join(dir, 'new.json');
  writeFileSync(a, serializeReport(old));
  writeFileSync(b, serializeReport(withResult(old, RATE_CLAIM, (r) => ({ ...r, status: 'error', reason: 'boom' }))));
  const log = console.log;
  const lines: string[] = [];
  console.log = (...xs: unknown[]) => void lines.push(xs.join(' '));
  try {
    assert.is(await reportMain(['--compare', a, b]), 1);
    assert.is(await reportMain(['--compare', a, a]), 0);
    assert.is(await reportMain([a, '--out', join(dir, 'out'), '--coverage', 'none']), 0);
  } finally {
    console.log = log;
  }
  const out = lines.join('\n');
  assert.match(out, /REGRESSION\s+sinkhorn\.franklin-lorenz-rate\s+verified\s+error/);
  assert.match(out, /1 regression\(s\)/);
  assert.match(out, /HTML report: .*out\/report\.html/);
  assert.match(out, /report: .*out\/junit\.xml/);
  assert.match(out, /comparison page: .*compare\.html/);
  const usage = await reportMain(['--compare', a]).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.instance(usage, UsageError);
  assert.match((usage as Error).message, /needs exactly two reports/);
});

test('report --compare writes compare.html: the status changes, and old and new rate intervals side by side', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tov-compare-html-'));
  const old = fixtureReport();
  let now = withResult(old, 'energy.monotone', (r) => ({ ...r, status: 'violated', reason: 'energy fell <fast>' }));
  now = withResult(now, RATE_CLAIM, (r) => ({
    ...r,
    rates: r.rates.map((x) => ({ ...x, estimate: 0.6, ci95: [0.55, 0.65] as const })),
  }));
  const [a, b] = [join(dir, 'old.json'), join(dir, 'new.json')];
  writeFileSync(a, serializeReport(old));
  writeFileSync(b, serializeReport(now));
  const log = console.log;
  console.log = () => undefined;
  try {
    assert.is(await reportMain(['--compare', a, b]), 1);
    assert.is(await reportMain(['--compare', a, b, '--compare-html', join(dir, 'elsewhere.html')]), 1);
  } finally {
    console.log = log;
  }
  assert.ok(existsSync(join(dir, 'elsewhere.html')), '--compare-html names the page');
  const html = readFileSync(join(dir, 'compare.html'), 'utf8');
  assert.match(html, /<tr class="regression"><td>REGRESSION<\/td><td><code>energy\.monotone<\/code>/);
  assert.match(html, /energy fell &lt;fast&gt;/);
  assert.match(
    html,
    /<tr class="regression"><td>REGRESSION<\/td><td><code>sinkhorn\.franklin-lorenz-rate<\/code>.*?0\.6 outside the old 95% interval/,
  );
  const fig = /<figure class="plot" id="plot-compare-rates"[^>]*>([\s\S]*?)<\/figure>/.exec(html);
  assert.ok(fig, 'the rate figure');
  assert.match(fig[1]!, /role-axis/);
  assert.match(fig[1]!, /per-iteration rate of d_H/);
  assert.match(fig[1]!, /grey: old report · blue: new report/);
  assert.match(html, /0\.41 \[0\.38, 0\.44\][\s\S]*?0\.6 \[0\.55, 0\.65\]/, 'old and new intervals in the table');
});

test.run();
