/**
 * `verify`: run the selected claims against an implementation and write report.json / report.md.
 * Exit codes (DESIGN.md): 0 every selected claim verified (or reported / skipped), 1 any violated or
 * errored (or inconclusive with --strict), 2 usage error.
 */
import { initBackend } from '../impl/backend.js';
import { UsageError } from '../impl/errors.js';
import { propertyFor } from '../properties/index.js';
import { runClaim, type RunOptions } from '../properties/runner/run-claim.js';
import type { BudgetName } from '../properties/types.js';
import { summarize, REPORT_SCHEMA, REPORT_SCHEMA_VERSION, type Report, type ReportEntry } from '../reports/schema.js';
import { renderTerminalSummary } from '../reports/terminal.js';
import { writeReport } from '../reports/write.js';
import { CLAIMS } from '../theorems/index.js';
import { helpText, parseArgs, type OptionSpec } from './lib/args.js';
import { environmentOf, toolVersion } from './lib/environment.js';
import { loadImplementation } from './lib/load-impl.js';
import { selectClaims, shardOf, globMatcher } from './lib/select.js';
import { killMatrix, renderKillMatrix } from './lib/kill-matrix.js';
import { MUTANTS } from '../impl/mutants/index.js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { compareReports, renderComparison } from '../reports/compare.js';
import { parseReport } from '../reports/schema.js';
import { join, resolve } from 'node:path';
import type { Claim } from '../theorems/types.js';
import type { Parsed } from './lib/args.js';

export const VERIFY_OPTIONS: Record<string, OptionSpec> = {
  claims: { type: 'string', description: "comma-separated claim globs, e.g. 'sinkhorn.*,heat.*'", default: '*', valueName: 'globs' },
  impl: { type: 'string', description: 'implementation under test: tfjs, reference, a mutant id, or a plug-in module path', default: 'tfjs', valueName: 'name|path' },
  python: { type: 'string', description: "Python interpreter for a .py plug-in (needs numpy and msgpack)", default: 'python3', valueName: 'exe' },
  budget: { type: 'string', description: 'run budget: quick | ci | thorough', default: 'ci', valueName: 'name' },
  runs: { type: 'number', description: 'fast-check runs (batches) per claim, overriding the budget', valueName: 'n' },
  'time-budget': { type: 'number', description: 'total wall-clock seconds, shared evenly by the remaining claims', valueName: 's' },
  seed: { type: 'number', description: 'fast-check seed (default: fresh for bound claims, fixed for probabilistic/limit claims)', valueName: 'n' },
  replay: { type: 'string', description: 'replay a counterexample exactly: <seed>:<path> (one claim)', valueName: 'seed:path' },
  backend: { type: 'string', description: 'tfjs backend: tensorflow | webgpu | wasm | cpu (also TFJS_BACKEND)', valueName: 'name' },
  out: { type: 'string', description: 'output directory', default: 'reports/out', valueName: 'dir' },
  shard: { type: 'string', description: 'run the deterministic slice i of N of the selected claims', valueName: 'i/N' },
  strict: { type: 'boolean', description: 'exit 1 when a claim is inconclusive' },
  baseline: { type: 'string', description: 'compare with a saved report.json: exit 1 when a verified claim is now violated/errored or a fitted rate left its old 95% interval', valueName: 'report.json' },
  mutants: { type: 'boolean', description: 'run the claims against every catalogued mutant and print the kill matrix' },
  mutant: { type: 'string', description: "with --mutants: only mutants whose id matches these globs, e.g. 'sinkhorn.*'", valueName: 'globs' },
  list: { type: 'boolean', description: 'list the claims and exit' },
  quiet: { type: 'boolean', description: 'no progress output' },
  help: { type: 'boolean', description: 'show this help' },
};

const USAGE = 'usage: transformer-ot-verify verify [options]\n\nChecks the papers’ claims as fast-check properties and writes report.json and report.md.';

function parseReplay(spec: string): { seed: number; path: string } {
  const m = /^(-?\d+):([\d:]+)$/.exec(spec);
  if (!m) throw new UsageError(`'--replay' must look like <seed>:<path>, e.g. 42:3:0:1, got '${spec}'`);
  return { seed: Number(m[1]), path: m[2]! };
}

function progressWriter(enabled: boolean): (line: string) => void {
  if (!enabled || !process.stderr.isTTY) return () => undefined;
  return (line) => process.stderr.write(`\r\x1b[2K${line}`);
}

/** Run `verify` with the given arguments; returns the exit code. */
export async function verifyMain(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, VERIFY_OPTIONS);
  if (args['help']) {
    console.log(helpText(USAGE, VERIFY_OPTIONS));
    return 0;
  }
  if (args._.length > 0) throw new UsageError(`unexpected argument '${args._[0]}'`);
  if (args['list']) {
    for (const c of CLAIMS) console.log(`${c.id.padEnd(44)} ${c.kind.padEnd(13)} ${c.role.padEnd(16)} ${c.sources[0]?.work ?? ''}, ${c.sources[0]?.locator ?? ''}`);
    return 0;
  }
  const budget = String(args['budget']);
  if (!['quick', 'ci', 'thorough'].includes(budget)) throw new UsageError(`'--budget' must be quick, ci or thorough, got '${budget}'`);
  const claims = shardOf(selectClaims(CLAIMS, String(args['claims'])), args['shard'] as string | undefined);
  const replay = args['replay'] !== undefined ? parseReplay(String(args['replay'])) : undefined;
  if (replay && claims.length !== 1) throw new UsageError(`'--replay' needs exactly one claim in '--claims' (got ${claims.length})`);
  const runs = args['runs'] as number | undefined;
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1)) throw new UsageError(`'--runs' must be a positive integer, got ${runs}`);
  const timeBudget = args['time-budget'] as number | undefined;
  if (timeBudget !== undefined && !(timeBudget > 0)) throw new UsageError(`'--time-budget' must be > 0 seconds, got ${timeBudget}`);
  if (args['mutants']) return mutantsMain(args, claims, budget as BudgetName, runs);
  const implSpec = String(args['impl']);
  const callTimeout = args['call-timeout'] as number | undefined;
  const impl = await loadImplementation(implSpec, {
    python: String(args['python']), callTimeoutMs: callTimeout !== undefined ? callTimeout * 1000 : undefined,
  });
  const backend = await initBackend((args['backend'] as string | undefined) ?? (process.env['TFJS_BACKEND'] || undefined));
  const progress = progressWriter(!args['quiet']);
  const start = performance.now();
  const entries: ReportEntry[] = [];
  for (const [k, claim] of claims.entries()) {
    const elapsed = (performance.now() - start) / 1000;
    const timeLimitMs = timeBudget !== undefined ? Math.max(1, ((timeBudget - elapsed) / (claims.length - k)) * 1000) : undefined;
    const options: RunOptions = {
      impl, implSpec, backend: backend.name, budget: budget as BudgetName, numRuns: runs, timeLimitMs,
      seed: replay?.seed ?? (args['seed'] as number | undefined), path: replay?.path,
      onProgress: (done, planned) => progress(`[${k + 1}/${claims.length}] ${claim.id}  ${done}/${planned} runs`),
    };
    const result = await runClaim(claim, propertyFor(claim.id), options);
    progress('');
    entries.push({ claim, result });
  }
  const durationMs = performance.now() - start;
  const report: Report = {
    schema: REPORT_SCHEMA, schemaVersion: REPORT_SCHEMA_VERSION, tool: toolVersion(), createdAt: new Date().toISOString(),
    command: ['transformer-ot-verify', 'verify', ...argv].join(' '), environment: environmentOf(backend),
    options: {
      claims: String(args['claims']), impl: implSpec, budget, seed: args['seed'] as number | undefined, runs,
      timeBudgetSeconds: timeBudget, replay: args['replay'] as string | undefined,
    },
    summary: summarize(entries, durationMs),
    entries,
  };
  const paths = await writeReport(report, String(args['out']));
  if (process.stderr.isTTY && !args['quiet']) process.stderr.write('\r\x1b[2K');
  console.log(renderTerminalSummary(report, paths));
  const s = report.summary;
  if (args['baseline'] !== undefined) {
    const file = String(args['baseline']);
    const text = await readFile(file, 'utf8').catch(() => {
      throw new UsageError(`cannot read the baseline '${file}'`);
    });
    const comparison = compareReports(parseReport(text, file), report);
    console.log(renderComparison(comparison));
    if (comparison.regressions > 0) return 1;
  }
  if (s.violated > 0 || s.error > 0) return 1;
  if (args['strict'] && s.inconclusive > 0) return 1;
  return 0;
}

/** `verify --mutants`: the kill matrix of the mutant catalogue; exit 1 when a mutant survives. */
async function mutantsMain(args: Parsed, claims: readonly Claim[], budget: BudgetName, runs: number | undefined): Promise<number> {
  const backend = await initBackend((args['backend'] as string | undefined) ?? (process.env['TFJS_BACKEND'] || undefined));
  const match = args['mutant'] !== undefined ? globMatcher(String(args['mutant'])) : () => true;
  const mutants = MUTANTS.filter((m) => match(m.id));
  if (mutants.length === 0) throw new UsageError(`no mutant matches '${String(args['mutant'])}'; known: ${MUTANTS.map((m) => m.id).join(', ')}`);
  const progress = progressWriter(!args['quiet']);
  const k = await killMatrix(mutants, CLAIMS, claims, {
    backend: backend.name, budget, numRuns: runs, seed: args['seed'] as number | undefined,
    onCell: (m, c) => progress(`${m} × ${c}`),
  });
  progress('');
  const md = renderKillMatrix(k);
  const out = resolve(String(args['out']));
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'mutants.json'), JSON.stringify({ backend: backend.name, budget, ...k }, null, 1));
  await writeFile(join(out, 'mutants.md'), `# Mutant kill matrix\n\nBackend ${backend.name}, budget ${budget}.\n\n${md}\n`);
  console.log(md);
  console.log(`kill matrix: ${join(out, 'mutants.md')}`);
  return k.rows.every((r) => r.killed) ? 0 : 1;
}
