/**
 * GPU check (issue 9), for a session on a machine with a GPU adapter: initialise the webgpu backend
 * through the 'webgpu' package (Dawn for Node), run the Sinkhorn claims on it at the CI budget, then
 * the benchmarks, and write everything under --out (default reports/out/gpu).
 *
 *   npx tsx scripts/gpu-check.ts [--out DIR] [--quick]
 *
 * Exit 2 with the reason when no adapter is found (the same message as `verify --backend webgpu`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initBackend } from '../impl/backend.js';
import { UsageError } from '../impl/errors.js';

async function main(argv: readonly string[]): Promise<number> {
  const out = argv.includes('--out') ? argv[argv.indexOf('--out') + 1]! : 'reports/out/gpu';
  const quick = argv.includes('--quick');
  mkdirSync(out, { recursive: true });
  let info;
  try {
    info = await initBackend('webgpu');
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`error: ${e.message}`);
      return 2;
    }
    throw e;
  }
  console.log(`backend ${info.name} (tfjs ${info.tfjsVersion}); notes: ${info.notes.join('; ') || 'none'}`);
  writeFileSync(join(out, 'backend.json'), JSON.stringify(info, null, 2));
  const env = { ...process.env, TFJS_BACKEND: 'webgpu' };
  const step = (name: string, args: string[]): boolean => {
    console.log(`\n== ${name}: ${args.join(' ')}`);
    try {
      execFileSync(process.execPath, ['--import', 'tsx', ...args], { stdio: 'inherit', env });
      return true;
    } catch {
      console.error(`${name} failed`);
      return false;
    }
  };
  const claims = step('Sinkhorn claims on webgpu', ['scripts/cli.ts', 'verify', '--backend', 'webgpu', '--claims', 'sinkhorn.*', '--out', join(out, 'claims'), ...(quick ? ['--budget', 'quick'] : [])]);
  const bench = step('benchmarks on webgpu', ['scripts/bench.ts', '--backend', 'webgpu', '--out', join(out, 'bench'), ...(quick ? ['--quick'] : [])]);
  return claims && bench ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // Dawn keeps Node alive while navigator.gpu is referenced
  delete (globalThis as { navigator?: unknown }).navigator;
});
