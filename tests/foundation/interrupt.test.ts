/**
 * Nothing is lost: SIGINT / SIGTERM mid-run exit 130 / 143 with a valid partial report.json (marked
 * interrupted, listing the claims not reached) that `report` re-renders; and off a terminal, one line
 * per claim appears as each claim ends, long before the run does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Report } from '../../reports/schema.js';
import { CLAIMS } from '../../theorems/index.js';
import { cliSync, LiveCli, tmpOut } from '../cli-run.js';

const SLOW = 'tests/fixtures/plugins/slow-sinkhorn.mjs';
const SINKHORN_CLAIMS = CLAIMS.filter((c) => c.id.startsWith('sinkhorn.')).length;
const CLAIM_LINE = /^(PASS|FAIL|ERR |INC |SKIP|INFO) {2}sinkhorn\.\S+ +\d+ runs/m;

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  test(`${signal} after the first claim line: exit ${code}, partial report (interrupted), re-rendered`, async () => {
    const out = tmpOut();
    const run = new LiveCli(['verify', '--impl', SLOW, '--claims', 'sinkhorn.*', '--runs', '2', '--out', out]);
    await run.stderrMatches(CLAIM_LINE);
    run.child.kill(signal);
    const r = await run.done;
    assert.is(r.code, code, r.stderr);
    assert.match(r.stderr, new RegExp(`interrupted by ${signal}`));
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    assert.is(report.interrupted, true);
    assert.is(report.interruption, signal);
    assert.ok(report.entries.length >= 1);
    assert.ok((report.notReached ?? []).length >= 1, 'claims not reached are listed');
    assert.is(report.summary.claims, report.entries.length);
    const listed = report.entries.length + report.notReached!.length;
    assert.is(listed, SINKHORN_CLAIMS, 'every selected claim ended or is listed');
    assert.ok(report.notReached!.every((id) => !report.entries.some((e) => e.claim.id === id)));
    const again = tmpOut();
    const rendered = cliSync(['report', join(out, 'report.json'), '--out', again, '--coverage', 'none']);
    assert.is(rendered.code, 0, rendered.stderr);
    assert.match(rendered.stdout, new RegExp(`PARTIAL REPORT: the run was interrupted \\(${signal}\\)`));
    assert.match(readFileSync(join(again, 'report.md'), 'utf8'), /PARTIAL REPORT/);
    assert.match(readFileSync(join(again, 'junit.xml'), 'utf8'), /type="not-reached"/);
  });
}

test('off a terminal, each claim prints its line as it ends, not all at the end', async () => {
  const out = tmpOut();
  const claims = 'sinkhorn.hilbert-identity,sinkhorn.one-step-is-softmax';
  const run = new LiveCli(['verify', '--impl', SLOW, '--claims', claims, '--runs', '3', '--out', out]);
  const first = await run.stderrMatches(CLAIM_LINE);
  const r = await run.done;
  assert.is(r.code, 0, r.stderr + r.stdout);
  const lines = r.stderr.split('\n').filter((l) => CLAIM_LINE.test(l));
  assert.is(lines.length, 2, r.stderr);
  // the second claim makes at least 3 delayed calls after the first line was printed
  assert.ok(r.ms - first > 3 * 150, `first line ${Math.round(first)} ms, end ${Math.round(r.ms)} ms`);
  assert.match(r.stdout, /2 claims: 2 verified/);
});

test.run();
