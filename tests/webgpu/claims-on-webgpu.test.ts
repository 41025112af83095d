/**
 * Every claim family on the webgpu backend (Dawn), at a small budget, plus the Sinkhorn mutants (each
 * must be rejected). Runs wherever an adapter exists, software (SwiftShader) included; `.ci/run` sets
 * REQUIRE_WEBGPU_TEST=1 when it has one, so that CI cannot skip. Also: selection stays quiet and never
 * picks a software adapter by itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MUTANTS } from '../../impl/mutants/index.js';
import { probe, skipUnlessAdapter } from './adapter.js';
import { WEBGPU_CI_CLAIMS } from './ci-selection.js';

interface Summary {
  readonly backend: string;
  readonly adapter?: { readonly description: string; readonly software: boolean };
  readonly claims: ReadonlyArray<{
    id: string;
    role: string;
    kind: string;
    status: string;
    reason: string;
    instances: number;
    seconds: number;
    accuracy?: string;
    tensorLeak: number;
    replay: string;
  }>;
  readonly mutants: ReadonlyArray<{ id: string; killedBy: string | null }>;
}

test('every claim family verifies on webgpu; every Sinkhorn mutant is rejected there', () => {
  if (skipUnlessAdapter()) return;
  const dir = mkdtempSync(join(tmpdir(), 'webgpu-test-'));
  try {
    const file = join(dir, 'summary.json');
    const args = ['--import', 'tsx', 'tests/webgpu/run-on-webgpu.ts', file];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 12 * 60_000 });
    assert.is(r.status, 0, `run-on-webgpu exited ${r.status} ${r.signal ?? ''}\n${r.stdout}\n${r.stderr}`);
    const s = JSON.parse(readFileSync(file, 'utf8')) as Summary;
    assert.is(s.backend, 'webgpu');
    assert.ok(s.adapter && s.adapter.description.length > 0, 'the adapter is named');
    const families = new Set(s.claims.map((c) => c.id.split('.')[0]));
    const all = ['sinkhorn', 'heat', 'ot-transformer', 'sorting', 'dynamics', 'energy', 'clustering', 'interpolation'];
    for (const f of all) {
      assert.ok(families.has(f), `family ${f} is exercised on webgpu`);
    }
    assert.equal(
      s.claims.map((c) => c.id),
      Object.keys(WEBGPU_CI_CLAIMS),
    );
    for (const c of s.claims) {
      assert.ok(c.instances > 0, `${c.id}: no instance checked`);
      // a probabilistic claim needs ≥ 135 instances for a 0.999 verdict at p₀ = 0.95, out of reach on a software
      // adapter: there every instance must pass (inconclusive, never violated); the rest must verify
      const asserted = c.kind === 'probabilistic' ? ['verified', 'inconclusive'] : ['verified'];
      const want = c.role !== 'asserted' ? ['reported'] : asserted;
      assert.ok(want.includes(c.status), `${c.id} on webgpu: ${c.status} — ${c.reason}\n  replay: ${c.replay}`);
      assert.is(c.tensorLeak, 0, `${c.id}: tensors leaked`);
      if (c.id.startsWith('interpolation.')) continue;
      assert.match(c.accuracy ?? '', /^WGSL f32/, `${c.id}: tolerances from the WGSL table`);
    }
    const sinkhornMutants = MUTANTS.filter((m) => m.id.startsWith('sinkhorn.')).map((m) => m.id);
    assert.equal(
      s.mutants.map((m) => m.id),
      sinkhornMutants,
    );
    for (const m of s.mutants) assert.ok(m.killedBy !== null, `mutant ${m.id} survived on webgpu`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('plain verify with a software adapter only: nothing on stderr, runs on wasm, the skip noted', () => {
  if (skipUnlessAdapter()) return;
  if (!('adapter' in probe) || !probe.adapter.software) return;
  const out = mkdtempSync(join(tmpdir(), 'webgpu-quiet-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, TFJS_BACKEND: '' };
    delete env['XDG_RUNTIME_DIR'];
    // a user's plain shell: no colour variables, whose NO_COLOR + FORCE_COLOR pair makes Node itself warn on stderr
    delete env['NO_COLOR'];
    delete env['FORCE_COLOR'];
    const args = [
      'scripts/cli.ts',
      'verify',
      '--claims',
      'sinkhorn.hilbert-identity',
      '--runs',
      '1',
      '--quiet',
      '--out',
      out,
    ];
    const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', env });
    assert.is(r.status, 0, r.stdout + r.stderr);
    assert.is(r.stderr, '', 'stderr stays empty');
    type Env = { environment: { backend: string; backendNotes: string[] } };
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Env;
    assert.is(report.environment.backend, 'wasm');
    const notes = report.environment.backendNotes;
    assert.ok(
      notes.some((n) => /^webgpu: only a software adapter/.test(n)),
      notes.join('; '),
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test.run();
