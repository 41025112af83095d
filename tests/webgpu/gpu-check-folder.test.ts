/**
 * The self-contained folder for a GPU machine without Node or network (scripts/gpu-check.sh): it builds under
 * 64 MiB, and its run.sh runs a claim on webgpu through the bundled suite, worker thread included, and the
 * benchmark, writing report.json and bench.json. Runs wherever an adapter exists (SwiftShader in CI).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { skipUnlessAdapter } from './adapter.js';

interface Report {
  environment: { backend: string; adapter?: { description: string } };
  entries: Array<{ result: { claimId: string; status: string } }>;
}

test('the gpu-check folder builds and runs a claim and the benchmark on webgpu', () => {
  if (skipUnlessAdapter()) return;
  const dir = mkdtempSync(join(tmpdir(), 'gpu-check-'));
  try {
    const folder = join(dir, 'folder');
    const out = join(dir, 'out');
    // the bundled suite is not this checkout's code: no coverage output for it
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env['NODE_V8_COVERAGE'];
    const build = spawnSync('bash', ['scripts/gpu-check.sh', folder], { encoding: 'utf8', env, timeout: 5 * 60_000 });
    assert.is(build.status, 0, `gpu-check.sh exited ${build.status}\n${build.stdout}\n${build.stderr}`);
    const args = [out, '--claims', 'sinkhorn.one-step-is-softmax', '--budget', 'quick', '--runs', '1', '--bench-quick'];
    const run = spawnSync(join(folder, 'run.sh'), args, { encoding: 'utf8', env, timeout: 8 * 60_000 });
    assert.is(run.status, 0, `run.sh exited ${run.status} ${run.signal ?? ''}\n${run.stdout}\n${run.stderr}`);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    assert.is(report.environment.backend, 'webgpu');
    assert.ok((report.environment.adapter?.description ?? '').length > 0, 'the adapter is named');
    assert.equal(
      report.entries.map((e) => [e.result.claimId, e.result.status]),
      [['sinkhorn.one-step-is-softmax', 'verified']],
    );
    assert.ok(existsSync(join(out, 'bench.json')), 'bench.json written');
    const bench = JSON.parse(readFileSync(join(out, 'bench.json'), 'utf8')) as { backend: string; sinkhorn: unknown[] };
    assert.is(bench.backend, 'webgpu');
    assert.ok(bench.sinkhorn.length > 0, 'bench rows');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
