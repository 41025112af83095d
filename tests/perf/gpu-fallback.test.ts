/** GPU fallback: with no adapter, `--backend webgpu` is a usage error naming the reason, and auto selection notes why webgpu was skipped. */
import { spawnSync } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cliSync } from '../cli-run.js';

const run = (code: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    cwd: process.cwd(),
  });

test('requested webgpu without a GPU adapter: a UsageError naming the reason', () => {
  const r = run(`
    import { initBackend } from './impl/backend.ts';
    try { const b = await initBackend('webgpu'); console.log('OK ' + b.name); }
    catch (e) { console.log(e.name + ': ' + e.message); }`);
  const line = r.stdout.trim();
  if (line.startsWith('OK webgpu')) {
    console.log('    (a GPU adapter is present here: the fallback path is not exercised)');
    return;
  }
  assert.match(
    line,
    /^UsageError: backend 'webgpu' is not available \(webgpu: (no Vulkan loader|no GPU adapter|the 'webgpu' package|'@tensorflow\/tfjs-backend-webgpu')/,
    line + r.stderr,
  );
  assert.match(line, /to use it, install '@tensorflow\/tfjs-backend-webgpu' and 'webgpu'/);
});

test('auto selection skips webgpu with a note and falls back to wasm', () => {
  const r = run(
    `
    import { initBackend } from './impl/backend.ts';
    const b = await initBackend(undefined);
    console.log(JSON.stringify(b));`,
    { TFJS_BACKEND: '' },
  );
  const b = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { name: string; notes: string[] };
  if (b.name === 'webgpu' || b.name === 'tensorflow') return;
  assert.is(b.name, 'wasm');
  assert.ok(
    b.notes.some((n) => /^webgpu: /.test(n)),
    JSON.stringify(b.notes),
  );
});

test('the CLI turns --backend webgpu into exit code 2 with one clear line', () => {
  const r = cliSync([
    'verify',
    '--backend',
    'webgpu',
    '--claims',
    'sinkhorn.hilbert-identity',
    '--runs',
    '1',
    '--quiet',
    '--out',
    '/tmp/gpu-fallback-test',
  ]);
  if (r.code === 0) return; // a GPU is present
  assert.is(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /error: backend 'webgpu' is not available \(/);
});

test.run();
