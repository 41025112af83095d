/**
 * GPU check: every claim on the webgpu backend (Dawn) at the CI budget, then `bench --backend webgpu`
 * (with the wasm timings of the same rows in the same run), all written into one folder: report.json
 * (and the other report formats) and bench.json. The entry point of the self-contained folder that
 * scripts/gpu-check.sh prepares; also runnable from a checkout:
 *
 *   npx tsx scripts/gpu-check.ts <out-dir> [--claims GLOBS] [--budget ci] [--runs N] [--bench-quick]
 *
 * Exit 2 with the reason when no adapter is found (the message of `verify --backend webgpu`), 1 when a
 * claim fails or the benchmark cannot run.
 */
import { mkdirSync } from 'node:fs';
import { initBackend } from '../impl/backend.js';
import { UsageError } from '../impl/errors.js';
import { benchMain } from './bench.js';
import { verifyMain } from './verify.js';

function option(argv: readonly string[], name: string): string | undefined {
  const k = argv.indexOf(name);
  if (k < 0) return undefined;
  const v = argv[k + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`'${name}' needs a value`);
  return v;
}

export async function gpuCheckMain(argv: readonly string[]): Promise<number> {
  const out = argv[0];
  const usage = 'usage: gpu-check <out-dir> [--claims GLOBS] [--budget ci] [--runs N] [--bench-quick]';
  if (!out || out.startsWith('--')) throw new UsageError(usage);
  mkdirSync(out, { recursive: true });
  const info = await initBackend('webgpu');
  console.log(`backend ${info.name} (tfjs ${info.tfjsVersion}); ${info.notes.join('; ')}`);
  const runs = option(argv, '--runs');
  const verifyArgs = [
    '--backend',
    'webgpu',
    '--claims',
    option(argv, '--claims') ?? '*',
    '--budget',
    option(argv, '--budget') ?? 'ci',
    ...(runs !== undefined ? ['--runs', runs] : []),
    '--out',
    out,
    '--quiet',
  ];
  console.log(`\n== verify ${verifyArgs.join(' ')}`);
  const claims = await verifyMain(verifyArgs);
  const quick = argv.includes('--bench-quick') ? ['--quick'] : [];
  const benchArgs = ['--backend', 'webgpu', '--no-pot', '--out', out, ...quick];
  console.log(`\n== bench ${benchArgs.join(' ')}`);
  const bench = await benchMain(benchArgs);
  console.log(`\nclaims: exit ${claims}; bench: exit ${bench}; results in ${out} (report.json, bench.json)`);
  return claims === 0 && bench === 0 ? 0 : 1;
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('gpu-check.ts') || invoked.endsWith('suite.mjs')) {
  gpuCheckMain(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(e instanceof UsageError ? 2 : 1);
    },
  );
}
