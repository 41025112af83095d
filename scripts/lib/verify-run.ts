/**
 * The body of `verify` once its options are checked (scripts/verify.ts): load the implementation and
 * the backend, run the claims through the journalled loop, write every rendering, and decide the exit
 * code; or, with --mutants, the kill matrix of the mutant catalogue.
 */
import { initBackend } from '../../impl/backend.js';
import { defaultCallTimeoutS } from '../../impl/call-timeout.js';
import { UsageError } from '../../impl/errors.js';
import { MUTANTS } from '../../impl/mutants/index.js';
import { writeFileAtomic } from '../../reports/atomic-write.js';
import { compareReports, renderComparison } from '../../reports/compare.js';
import { RunJournal } from '../../reports/journal.js';
import { parseReport, REPORT_SCHEMA, REPORT_SCHEMA_VERSION } from '../../reports/schema.js';
import { idWidth, renderTerminalSummary } from '../../reports/terminal.js';
import { writeReport } from '../../reports/write.js';
import { CLAIMS } from '../../theorems/index.js';
import type { VerifySettings } from '../verify.js';
import type { Parsed } from './args.js';
import { runClaims } from './claim-loop.js';
import { environmentOf, toolVersion } from './environment.js';
import { exitCodeOf } from './exit-code.js';
import { killMatrix, renderKillMatrix } from './kill-matrix.js';
import { loadImplementation } from './load-impl.js';
import { Progress } from './progress.js';
import { runClaimsInPool } from './parallel-claims.js';
import { globMatcher, shardOf, shardWork } from './select.js';
import { shardPieces } from './shard-units.js';
import { WorkerPool } from './worker-pool.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Added to the call timeout before a silent worker counts as hung (its heartbeat is every second). */
const STALL_MARGIN_MS = 30_000;

const backendName = (args: Parsed): string | undefined =>
  (args['backend'] as string | undefined) ?? (process.env['TFJS_BACKEND'] || undefined);

/** `verify` proper; returns the exit code. */
export async function runVerify(o: VerifySettings): Promise<number> {
  const { argv, args, budget, replay, runs, seed, timeBudget, policy, out } = o;
  const implSpec = String(args['impl']);
  const backend = await initBackend(backendName(args));
  const callTimeoutS = o.callTimeoutS ?? defaultCallTimeoutS(budget, backend);
  const load = { python: String(args['python']), callTimeoutMs: callTimeoutS * 1000 };
  const impl = await loadImplementation(implSpec, load);
  const shares = shardWork(o.claims, o.shard, (c) => shardPieces(c, budget, runs, replay?.path));
  const claims = shares.map((s) => s.item);
  const workers = Math.max(1, Math.min(o.workers, claims.length));
  // a worker silent for longer than a call may take is stuck in a synchronous loop: terminate it
  const pool = new WorkerPool(
    workers,
    { implSpec, backend: backend.name, load },
    { stallMs: callTimeoutS * 1000 + STALL_MARGIN_MS },
  );
  // the workers' start (their backends and implementations) is not the claims' time, as the backend's is not
  try {
    await pool.ready();
  } catch (e) {
    await pool.close();
    throw e;
  }
  const progress = new Progress(!args['quiet'], idWidth(claims.map((c) => c.id)));
  const journal = new RunJournal(
    out,
    {
      schema: REPORT_SCHEMA,
      schemaVersion: REPORT_SCHEMA_VERSION,
      tool: toolVersion(),
      createdAt: new Date().toISOString(),
      command: ['transformer-ot-verify', 'verify', ...argv].join(' '),
      environment: environmentOf(backend),
      options: {
        claims: String(args['claims']),
        impl: implSpec,
        budget,
        seed: replay?.seed ?? seed,
        runs,
        timeBudgetSeconds: timeBudget,
        callTimeoutSeconds: callTimeoutS,
        replay: args['replay'] as string | undefined,
      },
    },
    claims.map((c) => c.id),
  );
  let finished = 0;
  const report = await runClaims({
    claims,
    journal,
    progress,
    runAll: async (ended) => {
      try {
        await runClaimsInPool(shares, {
          pool,
          impl,
          implSpec,
          backend: backend.name,
          budget,
          numRuns: runs,
          callTimeoutMs: callTimeoutS * 1000,
          // the budget is shared evenly by the claims, `workers` at a time
          timeLimitMs:
            timeBudget !== undefined ? Math.max(1, (timeBudget * 1000 * workers) / claims.length) : undefined,
          seed: replay?.seed ?? seed,
          path: replay?.path,
          onProgress: (_k, claim, done, planned, what) =>
            progress.live(`[${finished}/${claims.length} done] ${claim.id}  ${done}/${planned} ${what}`),
          onResult: (_k, entry) => {
            finished++;
            ended(entry);
          },
        });
      } finally {
        await pool.close();
      }
    },
  });
  const paths = await writeReport(report, out);
  console.log(renderTerminalSummary(report, paths));
  if (args['baseline'] !== undefined) {
    const file = String(args['baseline']);
    const text = await readFile(file, 'utf8').catch(() => {
      throw new UsageError(`cannot read the baseline '${file}'`);
    });
    const comparison = compareReports(parseReport(text, file), report);
    console.log(renderComparison(comparison));
    if (comparison.regressions > 0) return 1;
  }
  return exitCodeOf(report, policy);
}

/** `verify --mutants`: the kill matrix of the mutant catalogue; exit 1 when a mutant survives. */
export async function mutantsMain(o: VerifySettings): Promise<number> {
  const { args, budget, runs, seed, out } = o;
  const claims = shardOf(o.claims, o.shard);
  const backend = await initBackend(backendName(args));
  const callTimeoutMs = (o.callTimeoutS ?? defaultCallTimeoutS(budget, backend)) * 1000;
  const match = args['mutant'] !== undefined ? globMatcher(String(args['mutant'])) : () => true;
  const mutants = MUTANTS.filter((m) => match(m.id));
  if (mutants.length === 0) {
    const known = MUTANTS.map((m) => m.id).join(', ');
    throw new UsageError(`no mutant matches '${String(args['mutant'])}'; known: ${known}`);
  }
  const progress = new Progress(!args['quiet'], 0);
  const k = await killMatrix(mutants, CLAIMS, claims, {
    backend: backend.name,
    budget,
    numRuns: runs,
    seed,
    callTimeoutMs,
    onCell: (m, c) => progress.live(`${m} × ${c}`),
  });
  progress.close();
  const md = renderKillMatrix(k);
  await writeFileAtomic(join(out, 'mutants.json'), JSON.stringify({ backend: backend.name, budget, ...k }, null, 1));
  const title = `# Mutant kill matrix\n\nBackend ${backend.name}, budget ${budget}.`;
  await writeFileAtomic(join(out, 'mutants.md'), `${title}\n\n${md}\n`);
  console.log(md);
  console.log(`kill matrix: ${join(out, 'mutants.md')}`);
  return k.rows.every((r) => r.killed) ? 0 : 1;
}
