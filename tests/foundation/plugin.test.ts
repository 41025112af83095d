/** The regression-guard path: a user's plain-JavaScript plug-in, loaded with --impl, verifies the Sinkhorn claims. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CLAIMS } from '../../theorems/index.js';
import type { Report } from '../../reports/schema.js';
import { cliSync } from '../cli-run.js';

test('verify --impl examples/plain-sinkhorn.mjs: sinkhorn claims verified, the others skipped with the reason', () => {
  const out = mkdtempSync(join(tmpdir(), 'tov-plugin-'));
  const other = CLAIMS.find((c) => !c.requires.includes('sinkhorn'));
  const claims = other ? `sinkhorn.*,${other.id}` : 'sinkhorn.*';
  const r = cliSync([
    'verify',
    '--impl',
    'examples/plain-sinkhorn.mjs',
    '--claims',
    claims,
    '--runs',
    '8',
    '--out',
    out,
    '--quiet',
  ]);
  assert.is(r.code, 0, r.stdout + r.stderr);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
  assert.is(report.options.impl, 'examples/plain-sinkhorn.mjs');
  for (const e of report.entries) {
    if (e.claim.requires.includes('sinkhorn'))
      assert.is(e.result.status, 'verified', `${e.claim.id}: ${e.result.reason}`);
    else {
      assert.is(e.result.status, 'skipped');
      assert.match(e.result.reason, /has no '.*' capability/);
    }
  }
});

test.run();
