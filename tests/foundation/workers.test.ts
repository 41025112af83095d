/**
 * Parallel workers: the same seed gives the same results (timings aside) with 1 and 2 worker threads, a split
 * claim's units are shared, and a worker stuck in a synchronous loop is terminated from the main thread.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadImplementation } from '../../scripts/lib/load-impl.js';
import { runClaimsInPool } from '../../scripts/lib/parallel-claims.js';
import { WorkerPool } from '../../scripts/lib/worker-pool.js';
import { claimById } from '../../theorems/index.js';
import { setupBackend, withoutTimings } from '../helpers.js';

async function runWith(
  workers: number,
  implSpec: string,
  claimIds: readonly string[],
  stallMs = 600_000,
): Promise<unknown[]> {
  const backend = await setupBackend();
  const pool = new WorkerPool(workers, { implSpec, backend: backend.name }, { stallMs });
  try {
    await pool.ready();
    const entries = await runClaimsInPool(
      claimIds.map((id) => ({ item: claimById(id) })),
      {
        pool,
        impl: await loadImplementation(implSpec),
        implSpec,
        backend: backend.name,
        budget: 'quick',
        seed: 424242,
      },
    );
    return entries.map((e) => e.result);
  } finally {
    await pool.close();
  }
}

const CLAIMS = [
  'sinkhorn.birkhoff-contraction',
  'clustering.phase-diagram',
  'energy.extremizers',
  'dynamics.integrator-consistency',
];

test('--workers 1 and 2 give the same results for a fixed seed (timings aside), split claim included', async () => {
  const one = await runWith(1, 'tfjs', CLAIMS);
  const two = await runWith(2, 'tfjs', CLAIMS);
  for (const r of one) assert.is((r as { status: string }).status, 'verified', JSON.stringify(r).slice(0, 300));
  assert.equal(withoutTimings(two), withoutTimings(one));
});

test('a worker hung in a synchronous loop is terminated; its claim errors and the pool goes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tov-hang-'));
  const plugin = join(dir, 'hang.mjs');
  writeFileSync(
    plugin,
    "export default { name: 'hang', sinkhorn: { name: 'hang', precision: 'float64', solve() { for (;;) {} } } };\n",
  );
  const t0 = performance.now();
  const [hung, next] = (await runWith(1, plugin, ['sinkhorn.birkhoff-contraction', 'energy.extremizers'], 1500)) as {
    status: string;
    reason: string;
  }[];
  assert.is(hung!.status, 'error');
  assert.match(hung!.reason, /unresponsive for 2 s \(a synchronous hang\); it was terminated/);
  assert.is(next!.status, 'skipped', 'the replacement worker runs the next claim');
  assert.ok(performance.now() - t0 < 60_000);
});

test.run();
