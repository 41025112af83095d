/**
 * report.html in a real browser (headless Debian Chromium): no console errors, the overview figure above the
 * summary, every claim section with at least one rendered figure (axes and marks), every plot SVG non-empty,
 * and a screenshot saved under the report directory (reports/out/browser-test/, git-ignored). The report is
 * the fixture (every status and plot kind) plus real runs of a claim that records series and of a bound claim
 * (its checks drawn from the runner's sample). Skipped with a message only when Chromium is
 * absent; `.ci/run` installs it and sets REQUIRE_BROWSER_TEST=1 so that CI cannot skip it.
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findChromium, inspectPage } from '../../reports/chromium.js';
import { claimAnchor } from '../../reports/html.js';
import { summarize, type Report } from '../../reports/schema.js';
import { writeReport } from '../../reports/write.js';
import { claimById } from '../../theorems/index.js';
import { runClaimForTest } from '../helpers.js';
import { fixtureReport } from './fixture.js';
import { plotSvgs } from './rendered.js';

const OUT = new URL('../../reports/out/browser-test/', import.meta.url).pathname;
const chromium = findChromium();

test('report.html renders in headless Chromium: no console errors, every section and plot present, screenshot saved', async () => {
  if (!chromium) {
    const msg = 'SKIPPED browser test: no Chromium found (install Debian `chromium`; .ci/run does)';
    if (process.env['REQUIRE_BROWSER_TEST'] === '1') assert.unreachable(msg);
    console.warn(msg);
    return;
  }
  const reals = [
    await runClaimForTest('sinkhorn.franklin-lorenz-rate', { budget: 'quick', numRuns: 3 }),
    await runClaimForTest('sinkhorn.birkhoff-contraction', { budget: 'quick', numRuns: 3 }),
  ];
  const base = fixtureReport();
  // the fixture already uses these claims' ids: the real runs get their own ids so that all sections exist
  const realEntries = reals.map((real) => {
    const id = `${real.claimId}.real-run`;
    return { claim: { ...claimById(real.claimId), id }, result: { ...real, claimId: id } };
  });
  const entries = [...base.entries, ...realEntries];
  const report: Report = { ...base, entries, summary: summarize(entries, base.summary.durationMs) };
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const [html] = await writeReport(report, OUT, { coverage: false });
  const page = await inspectPage(html!, join(OUT, 'screenshot.png'), { binary: chromium, width: 1280, height: 2400 });

  assert.equal(page.consoleErrors, [], `console errors:\n${page.consoleErrors.join('\n')}`);
  assert.match(page.dom, /<h1>transformer-ot-verify report<\/h1>/);
  for (const e of report.entries) {
    const section = new RegExp(
      `<section class="claim[^"]*" id="${claimAnchor(e.claim.id)}"[^>]*>([\\s\\S]*?)</section>`,
    ).exec(page.dom);
    assert.ok(section, `no section for ${e.claim.id} in the DOM`);
    const drawn = [...plotSvgs(section[1]!).values()].filter(
      (svg) => !svg.includes('class="no-data"') && /role-axis/.test(svg),
    );
    // a skipped claim measured nothing: it says so instead of drawing
    if (e.result.status === 'skipped') assert.match(section[1]!, /No figure: this claim records no checks/);
    else assert.ok(drawn.length > 0, `${e.claim.id}: no rendered figure with axes in its section`);
  }
  const overview = page.dom.indexOf('id="plot-overview"');
  assert.ok(
    overview > 0 && overview < page.dom.indexOf('<h2>Summary</h2>'),
    'the overview figure sits above the summary table',
  );
  const overviewSvg = plotSvgs(page.dom).get('overview')!;
  assert.match(overviewSvg, /role-axis/);
  for (const e of report.entries)
    assert.ok(overviewSvg.includes(e.claim.id.split('.').slice(1).join('.')), `${e.claim.id} in the overview`);
  const svgs = plotSvgs(page.dom);
  assert.ok(svgs.size >= 10, `only ${svgs.size} plots in the DOM`);
  for (const [id, svg] of svgs) {
    assert.ok(
      /<svg[^>]*width="[1-9]\d*"/.test(svg) && /<(path|rect|text)\b/.test(svg),
      `plot ${id} is empty in the DOM`,
    );
  }
  const realPlot = [...svgs.keys()].find((k) => k.startsWith('sinkhorn-franklin-lorenz-rate-real-run--series'));
  assert.ok(realPlot, 'the real run’s convergence plot');
  assert.match(svgs.get(realPlot)!, /role-axis/);
  const realChecks = [...svgs.keys()].find((k) => k.startsWith('sinkhorn-birkhoff-contraction-real-run--checks-'));
  assert.ok(realChecks, 'the real bound claim’s ECDF of its checks');
  assert.match(svgs.get(realChecks)!, /fraction of checks ≤ x \(ECDF\)/);
  assert.match(svgs.get(realChecks)!, /red dashed: the bound \(theory\)/);
  assert.ok(existsSync(page.screenshot) && statSync(page.screenshot).size > 20_000, 'screenshot written and not blank');
  console.log(`  browser test: ${svgs.size} plots, screenshot ${page.screenshot}`);
});

test.run();
