/**
 * Runs the webgpu selection in one process (one Dawn device, one shader cache): the claims below on the
 * tfjs implementation at the quick budget with the given runs, then every Sinkhorn mutant against its
 * expected killers at the CI budget until one rejects it. Writes a JSON summary to the file named by the
 * first argument.
 *
 *   node --import tsx tests/webgpu/run-on-webgpu.ts <summary.json> [claim-id,…]
 *
 * Exit 2 with the reason when the webgpu backend cannot be initialised.
 */
import { writeFileSync } from 'node:fs';
import { initBackend } from '../../impl/backend.js';
import { tfjsImplementation } from '../../impl/implementations.js';
import { MUTANTS } from '../../impl/mutants/index.js';
import { propertyFor } from '../../properties/index.js';
import { runClaim } from '../../properties/runner/run-claim.js';
import { claimById } from '../../theorems/index.js';
import { WEBGPU_CI_CLAIMS } from './ci-selection.js';

const SEED = 20261122;

async function main(argv: readonly string[]): Promise<number> {
  const out = argv[0];
  if (!out) throw new Error('usage: run-on-webgpu.ts <summary.json> [claim-id,…]');
  const listed = argv[1]?.split(',');
  const selected = listed ? Object.fromEntries(listed.map((id) => [id, WEBGPU_CI_CLAIMS[id] ?? 1])) : WEBGPU_CI_CLAIMS;
  let backend;
  try {
    backend = await initBackend('webgpu');
  } catch (e) {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const claims = [];
  for (const [id, runs] of Object.entries(selected)) {
    const property = propertyFor(id);
    const claim = claimById(id);
    const r = await runClaim(claim, property, {
      impl: tfjsImplementation(),
      backend: backend.name,
      budget: 'quick',
      numRuns: runs,
      seed: property.defaultSeed ?? SEED,
    });
    claims.push({
      id,
      role: claim.role,
      kind: claim.kind,
      status: r.status,
      reason: r.reason,
      instances: r.instances,
      seconds: r.durationMs / 1000,
      accuracy: r.accuracy,
      tensorLeak: r.tensorLeak,
      replay: r.replay,
    });
    console.log(`${r.status.padEnd(9)} ${id} ${(r.durationMs / 1000).toFixed(1)} s`);
  }
  const mutants = [];
  for (const m of MUTANTS.filter((x) => x.id.startsWith('sinkhorn.'))) {
    const start = performance.now();
    let killer: string | undefined;
    for (const id of m.expectedKillers) {
      // the CI budget, as the wasm mutant test: at quick a symmetric-enough draw lets a transposed cost pass (wasm too)
      const r = await runClaim(claimById(id), propertyFor(id), {
        impl: m.build(),
        implSpec: m.id,
        backend: backend.name,
        budget: 'ci',
        seed: SEED,
        endOnFailure: true,
      });
      if (r.status === 'violated' || r.status === 'error') {
        killer = `${id} (${r.status})`;
        break;
      }
    }
    mutants.push({ id: m.id, killedBy: killer ?? null, seconds: (performance.now() - start) / 1000 });
    console.log(`${killer ? 'killed' : 'SURVIVED'}  ${m.id}${killer ? ` by ${killer}` : ''}`);
  }
  writeFileSync(out, JSON.stringify({ backend: backend.name, adapter: backend.adapter, claims, mutants }, null, 1));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Dawn keeps Node alive while navigator.gpu is referenced
    delete (globalThis as { navigator?: unknown }).navigator;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.stack : String(e));
    process.exitCode = 1;
  },
);
