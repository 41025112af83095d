/**
 * Running the selected claims on a {@link WorkerPool}: an ordinary claim runs whole in one worker; a claim
 * split into work units runs its runner here and sends the units to the pool, so several workers share it.
 * Every claim gets its seed here (the --seed, its fixed default, or a fresh one), so the results, returned in
 * selection order, do not depend on the number of workers.
 */
import fc from 'fast-check';
import { missingCapability, type Implementation } from '../../impl/capabilities/index.js';
import { propertyFor } from '../../properties/index.js';
import { replayCommand } from '../../properties/runner/replay.js';
import { runClaim, type ClaimResult } from '../../properties/runner/run-claim.js';
import { toJSONSafe } from '../../properties/runner/json-safe.js';
import type { BudgetName, ClaimProperty, UnitExecutor } from '../../properties/types.js';
import { estimatedCost, unitCosts } from '../../properties/work-units.js';
import type { PartialWork, ReportEntry } from '../../reports/schema.js';
import type { Claim } from '../../theorems/types.js';
import type { ShardShare } from './select.js';
import type { WorkerPool } from './worker-pool.js';

export interface PoolRunOptions {
  readonly pool: WorkerPool;
  /** The implementation as loaded here: split claims' runners and capability checks use it. */
  readonly impl: Implementation;
  readonly implSpec: string;
  readonly backend: string;
  readonly budget: BudgetName;
  readonly numRuns?: number;
  readonly seed?: number;
  readonly path?: string;
  /** Wall-clock limit per claim (fast-check interruptAfterTimeLimit). */
  readonly timeLimitMs?: number;
  /** Per-call timeout of the call guard (ms), in every worker. */
  readonly callTimeoutMs?: number;
  /** Progress of claim k: runs done of planned, or units done of all. */
  readonly onProgress?: (k: number, claim: Claim, done: number, planned: number, what: 'runs' | 'units') => void;
  /** Called as each claim ends (in completion order). */
  readonly onResult?: (k: number, entry: ReportEntry) => void;
}

/** A claim's seed as the runner would pick it, chosen here so that every worker count uses the same one. */
function seedFor(claimId: string, seed: number | undefined): number {
  return seed ?? propertyFor(claimId).defaultSeed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
}

/** The result of a claim whose worker failed outright (hung and terminated, or died). */
function workerFailure(claim: Claim, o: PoolRunOptions, seed: number, reason: string, durationMs: number): ClaimResult {
  return {
    claimId: claim.id,
    impl: o.impl.name,
    backend: o.backend,
    budget: o.budget,
    seed,
    path: o.path,
    status: 'error',
    reason,
    runs: 0,
    instances: 0,
    interrupted: false,
    replay: replayCommand(claim.id, o, seed, o.path),
    quantities: [],
    coverage: {},
    rates: [],
    proportions: [],
    tables: [],
    series: [],
    durationMs,
    tensorLeak: 0,
  };
}

/** Units of a split claim sent to the pool; a unit that failed once fails again at once (no second stall). */
function unitExecutor(k: number, claim: Claim, o: PoolRunOptions): UnitExecutor {
  const costs = unitCosts(propertyFor(claim.id), o.budget);
  const failed = new Map<string, unknown>();
  return async (claimId, input, indices) => {
    const key = JSON.stringify(input);
    let done = 0;
    const outcomes = await Promise.all(
      indices.map(async (index) => {
        const known = failed.get(`${key}|${index}`);
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what this unit's first try threw
        if (known !== undefined) throw known;
        try {
          const out = await o.pool.runUnit(claimId, o.budget, input, index, costs[index] ?? 0, o.callTimeoutMs);
          o.onProgress?.(k, claim, ++done, indices.length, 'units');
          return out;
        } catch (e) {
          failed.set(`${key}|${index}`, e);
          throw e;
        }
      }),
    );
    const leaks = outcomes.map((u, i) => [indices[i]!, u.tensorLeak] as const).filter(([, leak]) => leak !== 0);
    if (leaks.length > 0) {
      throw new Error(`tensor leak in work unit(s) ${leaks.map(([i, leak]) => `${i} (${leak} tensors)`).join(', ')}`);
    }
    return outcomes.map((u) => u.result);
  };
}

/** Run one claim: whole in a worker, or (split) here with its units on the pool. */
async function runOne(k: number, claim: Claim, o: PoolRunOptions): Promise<ClaimResult> {
  const property = propertyFor(claim.id);
  const seed = seedFor(claim.id, o.seed);
  const start = performance.now();
  if (property.units && !missingCapability(o.impl, claim.requires)) {
    // a split claim's input is a seed: its shrinks are other experiments, each rerunning every unit, so the
    // first failing input is reported as it is
    return runClaim(claim, property, {
      impl: o.impl,
      implSpec: o.implSpec,
      backend: o.backend,
      budget: o.budget,
      numRuns: o.numRuns,
      seed,
      path: o.path,
      timeLimitMs: o.timeLimitMs,
      callTimeoutMs: o.callTimeoutMs,
      endOnFailure: true,
      units: unitExecutor(k, claim, o),
    });
  }
  try {
    return await o.pool.runClaim(
      claim.id,
      {
        implSpec: o.implSpec,
        budget: o.budget,
        numRuns: o.numRuns,
        timeLimitMs: o.timeLimitMs,
        seed,
        path: o.path,
        callTimeoutMs: o.callTimeoutMs,
      },
      estimatedCost(property, o.budget, o.numRuns),
      (done, planned) => o.onProgress?.(k, claim, done, planned, 'runs'),
    );
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return workerFailure(claim, o, seed, `the claim did not finish: ${why}`, performance.now() - start);
  }
}

/** The input the runner's first run draws for this seed (fast-check's stream with the runner's parameters). */
async function firstInput(property: ClaimProperty, budget: BudgetName, seed: number): Promise<unknown> {
  let input: unknown;
  await fc.check(
    fc.asyncProperty(property.arbitrary(budget), (x: unknown) => {
      input = x;
      return Promise.resolve(true);
    }),
    { seed, numRuns: 1 },
  );
  return input;
}

/** Run this shard's units of a split claim on the pool; the entry is inconclusive until merged. */
async function runPartialClaim(claim: Claim, pieces: readonly number[], o: PoolRunOptions): Promise<ReportEntry> {
  const property = propertyFor(claim.id);
  const seed = seedFor(claim.id, o.seed);
  const start = performance.now();
  const total = unitCosts(property, o.budget).length;
  const base = workerFailure(claim, o, seed, '', 0);
  try {
    const input = await firstInput(property, o.budget, seed);
    const costs = unitCosts(property, o.budget);
    const outs = await Promise.all(
      pieces.map((index) => o.pool.runUnit(claim.id, o.budget, input, index, costs[index] ?? 0, o.callTimeoutMs)),
    );
    const leaks = outs.filter((u) => u.tensorLeak !== 0).length;
    if (leaks > 0) throw new Error(`tensor leak in ${leaks} work unit(s)`);
    const partial: PartialWork = {
      seed,
      input: toJSONSafe(input),
      units: total,
      parts: pieces.map((index, q) => ({ index, result: toJSONSafe(outs[q]!.result) })),
    };
    const reason = `partial: ${pieces.length} of ${total} work units ran in this shard; 'report --merge' of every shard finishes the claim`;
    return {
      claim,
      result: { ...base, status: 'inconclusive', reason, durationMs: performance.now() - start },
      partial,
    };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      claim,
      result: { ...base, reason: `the claim's units did not finish: ${why}`, durationMs: performance.now() - start },
    };
  }
}

/**
 * Run every share on the pool — whole claims, and a shard's units of a split claim (inconclusive until merged);
 * entries come back in the order of `shares`.
 */
export async function runClaimsInPool(shares: readonly ShardShare<Claim>[], o: PoolRunOptions): Promise<ReportEntry[]> {
  const split = (k: number): number => Number(!!propertyFor(shares[k]!.item.id).units);
  // split claims first: their units queue before the whole claims and share out across all workers
  const order = shares.map((_, k) => k).sort((x, y) => split(y) - split(x));
  const entries: ReportEntry[] = new Array<ReportEntry>(shares.length);
  await Promise.all(
    order.map(async (k) => {
      const { item: claim, pieces } = shares[k]!;
      entries[k] = pieces ? await runPartialClaim(claim, pieces, o) : { claim, result: await runOne(k, claim, o) };
      o.onResult?.(k, entries[k]);
    }),
  );
  return entries;
}
