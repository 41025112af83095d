/** scripts/bench.ts --quick (one tiny size, < 10 s) writes a well-formed bench.json; claim throughput is a pure function. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { claimThroughput, formatRate, instancesPerSecond } from '../../reports/throughput.js';

test('bench --quick: every domain timed, backend recorded, POT ratios when POT is present', () => {
  const out = mkdtempSync(join(tmpdir(), 'bench-'));
  const t0 = Date.now();
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--quick', '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, TFJS_BACKEND: 'wasm' },
  });
  const seconds = (Date.now() - t0) / 1000;
  assert.ok(seconds < 30, `took ${seconds} s`);
  assert.match(stdout, /Sinkhorn, ε = 0\.1/);
  assert.ok(existsSync(join(out, 'bench.json')));
  const r = JSON.parse(readFileSync(join(out, 'bench.json'), 'utf8')) as {
    schema: string;
    backend: string;
    sinkhorn: { domain: string; msPerIteration: number; peakBytes: number; ratioOursOverPot: number }[];
    pot: string;
  };
  assert.is(r.schema, 'transformer-ot-verify/bench');
  assert.is(r.backend, 'wasm');
  assert.equal(r.sinkhorn.map((x: { domain: string }) => x.domain).sort(), ['kernel', 'log', 'stabilized']);
  for (const row of r.sinkhorn) assert.ok(row.msPerIteration > 0 && row.peakBytes > 0, JSON.stringify(row));
  const potAvailable = (() => {
    try {
      execFileSync('/usr/bin/python3', ['-c', 'import ot'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  if (potAvailable)
    for (const row of r.sinkhorn) assert.ok(row.ratioOursOverPot > 0, `no POT ratio: ${JSON.stringify(row)}`);
  else assert.match(r.pot, /skipped/);
});

test('throughput: instances per second per claim, null when nothing ran', () => {
  assert.is(instancesPerSecond({ instances: 500, durationMs: 2000 }), 250);
  assert.is(instancesPerSecond({ instances: 0, durationMs: 2000 }), null);
  assert.is(instancesPerSecond({ instances: 3, durationMs: 0 }), null);
  const t = claimThroughput([
    { claimId: 'a', status: 'verified', instances: 100, durationMs: 1000 },
    { claimId: 'b', status: 'verified', instances: 30, durationMs: 3000 },
  ]);
  assert.equal(
    t.rows.map((r) => r.claimId),
    ['b', 'a'],
  );
  assert.is(t.totalSeconds, 4);
  assert.is(t.instancesPerSecond, 130 / 4);
  assert.is(formatRate(1234), '1.23k/s');
  assert.is(formatRate(null), '—');
});

test.run();
