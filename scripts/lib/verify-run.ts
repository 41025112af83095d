/**
 * The body of `verify` once its options are checked (scripts/verify.ts): load the implementation and
 * the backend, run the claims through the journalled loop, write every rendering, and decide the exit
 * code; or, with --mutants, the kill matrix of the mutant catalogue.
 */
import { initBackend } from '../../impl/backend.js';
import { UsageError } from '../../impl/errors.js';
import { MUTANTS } from '../../impl/mutants/index.js';
import { propertyFor } from '../../properties/index.js';
import { runClaim, type RunOptions } from '../../properties/runner/run-claim.js';
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
import { globMatcher } from './select.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const backendName = (args: Parsed): string | undefined =>
  (args['backend'] as string | undefined) ?? (process.env['TFJS_BACKEND'] || undefined);

/** `verify` proper; returns the exit code. */
export async function runVerify(o: VerifySettings): Promise<number> {
  const { argv, args, claims, budget, replay, runs, seed, timeBudget, callTimeoutS, policy, out } = o;
  const implSpec = String(args['impl']);
  const impl = await loadImplementation(implSpec);
  const backend = await initBackend(backendName(args));
  const progress = new Progress(!args['quiet'], idWidth(claims.map((c) => c.id)));
  const journal = new RunJournal(out, {
    schema: REPORT_SCHEMA, schemaVersion: REPORT_SCHEMA_VERSION, tool: toolVersion(),
    createdAt: new Date().toISOString(),
    command: ['transformer-ot-verify', 'verify', ...argv].join(' '), environment: environmentOf(backend),
    options: {
      claims: String(args['claims']), impl: implSpec, budget, seed: replay?.seed ?? seed, runs,
      timeBudgetSeconds: timeBudget, callTimeoutSeconds: callTimeoutS, replay: args['replay'] as string | undefined,
    },
  }, claims.map((c) => c.id));
  const start = performance.now();
  const report = await runClaims({
    claims, journal, progress,
    runOne: (claim, k) => {
      const elapsed = (performance.now() - start) / 1000;
      // the budget left is shared evenly by the claims left
      const share = timeBudget !== undefined ? ((timeBudget - elapsed) / (claims.length - k)) * 1000 : undefined;
      const timeLimitMs = share !== undefined ? Math.max(1, share) : undefined;
      const options: RunOptions = {
        impl, implSpec, backend: backend.name, budget, numRuns: runs, timeLimitMs,
        callTimeoutMs: callTimeoutS * 1000, seed: replay?.seed ?? seed, path: replay?.path,
        onProgress: (done, planned) =>
          progress.live(`[${k + 1}/${claims.length}] ${claim.id}  ${done}/${planned} runs`),
      };
      return runClaim(claim, propertyFor(claim.id), options);
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
  const { args, claims, budget, runs, seed, out } = o;
  const callTimeoutMs = o.callTimeoutS * 1000;
  const backend = await initBackend(backendName(args));
  const match = args['mutant'] !== undefined ? globMatcher(String(args['mutant'])) : () => true;
  const mutants = MUTANTS.filter((m) => match(m.id));
  if (mutants.length === 0) {
    const known = MUTANTS.map((m) => m.id).join(', ');
    throw new UsageError(`no mutant matches '${String(args['mutant'])}'; known: ${known}`);
  }
  const progress = new Progress(!args['quiet'], 0);
  const k = await killMatrix(mutants, CLAIMS, claims, {
    backend: backend.name, budget, numRuns: runs, seed, callTimeoutMs,
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
