/**
 * The Python bridge's failure handling: every misbehaviour of a user's module (raises, hangs, exits,
 * crashes, prints on stdout, wrong shape, NaN, fails to import, missing interpreter or library,
 * protocol mismatch) ends in its stated error, never in a pass.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CallTimeoutError, OutputError, PluginError } from '../../impl/errors.js';
import {
  loadPythonImplementation,
  PythonExitError,
  type PythonImplementation,
} from '../../impl/python/implementation.js';
import type { SinkhornBatch, SinkhornSolver } from '../../impl/capabilities/index.js';
import { runClaimForTest } from '../helpers.js';
import { PYTHON, skipUnlessPython } from './python-env.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIX = join(ROOT, 'tests/fixtures/python');
const skip = skipUnlessPython('the Python bridge tests');

const batch: SinkhornBatch = {
  B: 1,
  n: 2,
  m: 2,
  a: Float64Array.of(0.5, 0.5),
  b: Float64Array.of(0.5, 0.5),
  C: Float64Array.of(0, 1, 1, 0),
  eps: Float64Array.of(0.5),
};

type OpenOptions = { callTimeoutMs?: number; onStderr?: (l: string) => void };

async function open(file: string, o: OpenOptions = {}): Promise<PythonImplementation> {
  return loadPythonImplementation(join(FIX, file), { python: PYTHON, ...o });
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

function cli(args: readonly string[], env: Record<string, string> = {}) {
  const out = mkdtempSync(join(tmpdir(), 'tov-py-'));
  const argv = ['--import', 'tsx', 'scripts/cli.ts', 'verify', ...args, '--out', out, '--quiet'];
  const r = spawnSync(process.execPath, argv, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { ...r, out };
}

if (!skip) {
  test('a Python exception is the claim’s error, with the last traceback frames', async () => {
    const impl = await open('raises.py');
    const r = await runClaimForTest('sinkhorn.plan-matches-reference', { impl, numRuns: 2, endOnFailure: true });
    impl.close();
    assert.is(r.status, 'error', r.reason);
    assert.match(r.reason, /PythonError: ValueError: cannot solve with \d+ iterations/);
    assert.match(r.reason, /raises\.py:\d+ in solve.*raises\.py:\d+ in check/);
  });

  test('a missing capability skips the claims that need it, with the reason', async () => {
    const impl = await open('raises.py');
    const r = await runClaimForTest('energy.extremizers', { impl, numRuns: 1 });
    impl.close();
    assert.is(r.status, 'skipped');
    assert.match(r.reason, /has no 'sphereDynamics' capability/);
  });

  test('a call that hangs times out, the process is killed and a fresh one serves the next call', async () => {
    const impl = await open('hangs.py', { callTimeoutMs: 1500 });
    const solver = impl['sinkhorn'] as SinkhornSolver;
    const e = await rejection(solver.solve(batch, { iterations: 7, domain: 'log' }));
    assert.instance(e, CallTimeoutError);
    const ok = await solver.solve(batch, { iterations: 3, domain: 'log' });
    assert.is(ok.logPlan.length, 4);
    assert.is(impl.session.starts, 2);
    const r = await runClaimForTest('sinkhorn.tv-hilbert-bound', { impl, numRuns: 1, endOnFailure: true });
    impl.close();
    assert.is(r.status, 'error');
    assert.match(r.reason, /did not settle within the per-call timeout/);
  });

  test('an exit or a crash mid-call is an error, and the next call gets a fresh process', async () => {
    const impl = await open('exits.py');
    const solver = impl['sinkhorn'] as SinkhornSolver;
    const exited = await rejection(solver.solve(batch, { iterations: 7, domain: 'log' }));
    assert.instance(exited, PythonExitError);
    assert.match(exited.message, /exited with status 4/);
    const crashed = await rejection(solver.solve(batch, { iterations: 8, domain: 'log' }));
    assert.match(crashed.message, /killed by SIGSEGV/);
    const ok = await solver.solve(batch, { iterations: 2, domain: 'log' });
    impl.close();
    assert.is(ok.stored, 2);
    assert.is(impl.session.starts, 3);
  });

  test('stdout prints do not corrupt the protocol; stderr passes through with the prefix', async () => {
    const lines: string[] = [];
    const impl = await open('prints.py', { onStderr: (l) => lines.push(l) });
    const r = await runClaimForTest('sinkhorn.plan-matches-reference', { impl, numRuns: 3 });
    impl.close();
    assert.is(r.status, 'verified', r.reason);
    assert.ok(lines.some((l) => l.includes('a warning on stderr')));
    assert.ok(lines.some((l) => l.includes('print() from solve')));
  });

  test('a wrong shape is an OutputError naming the field, the expected and the actual shape', async () => {
    const impl = await open('wrong_shape.py');
    const e = await rejection((impl['sinkhorn'] as SinkhornSolver).solve(batch, { iterations: 2, domain: 'log' }));
    assert.instance(e, OutputError);
    assert.match(e.message, /'log_plan': expected shape \[B, n, m\] = \[1, 2, 2\], got \[1, 2\]/);
    const r = await runClaimForTest('sinkhorn.hilbert-identity', { impl, numRuns: 1, endOnFailure: true });
    impl.close();
    assert.is(r.status, 'error');
    assert.match(r.reason, /OutputError/);
  });

  test('a NaN output is an OutputError naming the field', async () => {
    const impl = await open('nan.py');
    const e = await rejection((impl['sinkhorn'] as SinkhornSolver).solve(batch, { iterations: 2, domain: 'log' }));
    impl.close();
    assert.instance(e, OutputError);
    assert.match(e.message, /'log_plan': entry 0 is NaN/);
  });

  test('a bridge of another protocol version is refused with what to do', async () => {
    const bridgeScript = join(FIX, 'old_bridge.py');
    const e = await rejection(loadPythonImplementation(join(FIX, 'raises.py'), { python: PYTHON, bridgeScript }));
    assert.instance(e, PluginError);
    assert.match(e.message, /protocol mismatch: the bridge module speaks version 99, this package version 1; reinst/);
  });

  test('verify exits 2 with one line for a module that fails to import, a missing interpreter or library', () => {
    const importFails = cli(['--impl', 'tests/fixtures/python/import_error.py', '--python', PYTHON!]);
    assert.is(importFails.status, 2, importFails.stderr);
    const oneLine = /^error: plug-in .*import_error\.py': importing .* failed: RuntimeError: this module .*:3\)$/m;
    assert.match(importFails.stderr, oneLine);
    const ours = importFails.stderr.split('\n').filter((l) => l && !/^\(node:\d+\)|^\(Use `node/.test(l));
    assert.is(ours.length, 1, importFails.stderr);
    const noPython = cli(['--impl', 'tests/fixtures/python/raises.py', '--python', '/nonexistent/python3']);
    assert.is(noPython.status, 2);
    assert.match(noPython.stderr, /cannot start the Python interpreter .* install Python 3 with NumPy and msgpack/);
    const hideMsgpack = { PYTHONPATH: join(FIX, 'no-msgpack') };
    const noMsgpack = cli(['--impl', 'tests/fixtures/python/raises.py', '--python', PYTHON!], hideMsgpack);
    assert.is(noMsgpack.status, 2);
    assert.match(noMsgpack.stderr, /msgpack is not importable by .*: install it \(Debian: apt install python3-msgpack/);
  });

  test('verify through the CLI: a raising module makes the run exit 1, never 0', () => {
    const claim = ['--claims', 'sinkhorn.hilbert-identity', '--runs', '1'];
    const r = cli(['--impl', 'tests/fixtures/python/raises.py', '--python', PYTHON!, ...claim]);
    assert.is(r.status, 1, r.stdout + r.stderr);
    const report = JSON.parse(readFileSync(join(r.out, 'report.json'), 'utf8')) as {
      entries: { result: { status: string } }[];
    };
    assert.is(report.entries[0]?.result.status, 'error');
  });
}

test.run();
