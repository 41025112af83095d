/**
 * `verify`: run the selected claims against an implementation and write report.json / report.md.
 * Exit codes (docs/verdicts.md): 0 when the run finished and every selected asserted claim is verified
 * or skipped with its reason; 1 when any is violated, error or inconclusive (unless
 * --allow-inconclusive), or the run did not finish; 2 usage error (bad option, bad --out, a plug-in that
 * does not load); 130 / 143 interrupted by SIGINT / SIGTERM (a partial report is written).
 * Options and --out are checked here before the tensor backend, the claims' properties and the
 * renderers are loaded, so that a usage error answers at once.
 */
import { UsageError } from '../impl/errors.js';
import { DEFAULT_CALL_TIMEOUT_S, SOFTWARE_ADAPTER_FACTOR } from '../impl/call-timeout.js';
import { CLAIMS } from '../theorems/index.js';
import {
  helpText,
  integerOption,
  parseArgs,
  secondsOption,
  SEED_RANGE,
  type OptionSpec,
  type Parsed,
} from './lib/args.js';
import type { ExitPolicy } from './lib/exit-code.js';
import { prepareOutDir } from './lib/out-dir.js';
import { parseShard, selectClaims } from './lib/select.js';
import { availableParallelism } from 'node:os';
import type { BudgetName } from '../properties/types.js';
import type { Claim } from '../theorems/types.js';

export const VERIFY_OPTIONS: Record<string, OptionSpec> = {
  claims: {
    type: 'string',
    description: "comma-separated claim globs, e.g. 'sinkhorn.*,heat.*'",
    default: '*',
    valueName: 'globs',
  },
  impl: {
    type: 'string',
    description: 'implementation under test: tfjs, reference, a mutant id, or a plug-in module path',
    default: 'tfjs',
    valueName: 'name|path',
  },
  python: {
    type: 'string',
    description: 'Python interpreter for a .py plug-in (needs numpy and msgpack)',
    default: 'python3',
    valueName: 'exe',
  },
  budget: { type: 'string', description: 'run budget: quick | ci | thorough', default: 'ci', valueName: 'name' },
  runs: { type: 'number', description: 'fast-check runs (batches) per claim, overriding the budget', valueName: 'n' },
  'time-budget': {
    type: 'number',
    description: 'total wall-clock seconds, shared evenly by the remaining claims',
    valueName: 's',
  },
  seed: {
    type: 'number',
    description:
      'fast-check seed, an integer in [-2^31, 2^31 - 1] ' +
      '(default: fresh for bound claims, fixed for probabilistic/limit claims)',
    valueName: 'n',
  },
  'call-timeout': {
    type: 'number',
    description:
      'seconds one call into the implementation may take before its claim ends in error (default: ' +
      `${Object.entries(DEFAULT_CALL_TIMEOUT_S)
        .map(([b, s]) => `${s} at ${b}`)
        .join(', ')}; ${SOFTWARE_ADAPTER_FACTOR}× that on a software webgpu adapter)`,
    valueName: 's',
  },
  replay: {
    type: 'string',
    description: 'replay a counterexample exactly: <seed>:<path> (one claim)',
    valueName: 'seed:path',
  },
  backend: {
    type: 'string',
    description: 'tfjs backend: tensorflow | webgpu | wasm | cpu (also TFJS_BACKEND)',
    valueName: 'name',
  },
  out: { type: 'string', description: 'output directory', default: 'reports/out', valueName: 'dir' },
  shard: {
    type: 'string',
    description:
      'run the deterministic slice i of N of the selected work (claims and the work units of large claims, balanced by estimated cost)',
    valueName: 'i/N',
  },
  workers: {
    type: 'number',
    description: 'worker threads, each with its own tfjs backend (default: the number of cores)',
    valueName: 'n',
  },
  strict: {
    type: 'boolean',
    description: 'exit 1 also when a selected asserted claim is skipped (every one must be verified)',
  },
  'allow-inconclusive': {
    type: 'boolean',
    description: 'exit 0 despite inconclusive claims (never despite violated, error or an unfinished run)',
  },
  baseline: {
    type: 'string',
    description:
      'compare with a saved report.json: exit 1 when a verified claim is now violated/errored or a fitted rate left its old 95% interval',
    valueName: 'report.json',
  },
  mutants: { type: 'boolean', description: 'run the claims against every catalogued mutant and print the kill matrix' },
  mutant: {
    type: 'string',
    description: "with --mutants: only mutants whose id matches these globs, e.g. 'sinkhorn.*'",
    valueName: 'globs',
  },
  list: { type: 'boolean', description: 'list the claims and exit' },
  quiet: { type: 'boolean', description: 'no progress output' },
  help: { type: 'boolean', description: 'show this help' },
};

const USAGE =
  'usage: transformer-ot-verify verify [options]\n\nChecks the papers’ claims as fast-check properties and writes report.json and report.md.';

/** Everything `verify` needs once its options are checked and --out exists. */
export interface VerifySettings {
  readonly argv: readonly string[];
  readonly args: Parsed;
  /** The selected claims (before sharding); `shard` picks this run's share of their work. */
  readonly claims: readonly Claim[];
  readonly shard?: string;
  readonly workers: number;
  readonly budget: BudgetName;
  readonly replay?: { readonly seed: number; readonly path: string };
  readonly runs?: number;
  readonly seed?: number;
  readonly timeBudget?: number;
  /** `--call-timeout`; when absent, the budget's default on the backend in use (impl/call-timeout.ts). */
  readonly callTimeoutS: number | undefined;
  readonly policy: ExitPolicy;
  readonly out: string;
}

function parseReplay(spec: string): { seed: number; path: string } {
  const m = /^(-?\d+):([\d:]+)$/.exec(spec);
  if (!m) throw new UsageError(`'--replay' must look like <seed>:<path>, e.g. 42:3:0:1, got '${spec}'`);
  const seed = integerOption({ _: [], replay: Number(m[1]) }, 'replay', ...SEED_RANGE)!;
  return { seed, path: m[2]! };
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
    for (const c of CLAIMS)
      console.log(
        `${c.id.padEnd(44)} ${c.kind.padEnd(13)} ${c.role.padEnd(16)} ${c.sources[0]?.work ?? ''}, ${c.sources[0]?.locator ?? ''}`,
      );
    return 0;
  }
  const budget = String(args['budget']);
  if (!['quick', 'ci', 'thorough'].includes(budget))
    throw new UsageError(`'--budget' must be quick, ci or thorough, got '${budget}'`);
  const claims = selectClaims(CLAIMS, String(args['claims']));
  const shard = args['shard'] as string | undefined;
  if (shard !== undefined) parseShard(shard);
  const workers = integerOption(args, 'workers', 1, 1024) ?? availableParallelism();
  const replay = args['replay'] !== undefined ? parseReplay(String(args['replay'])) : undefined;
  if (replay && claims.length !== 1)
    throw new UsageError(`'--replay' needs exactly one claim in '--claims' (got ${claims.length})`);
  const runs = integerOption(args, 'runs', 1, 1_000_000);
  const seed = integerOption(args, 'seed', ...SEED_RANGE);
  if (replay && seed !== undefined && seed !== replay.seed) {
    throw new UsageError(`'--seed ${seed}' contradicts the seed of '--replay ${String(args['replay'])}'`);
  }
  const timeBudget = secondsOption(args, 'time-budget');
  const callTimeoutS = secondsOption(args, 'call-timeout');
  if (args['strict'] && args['allow-inconclusive']) {
    throw new UsageError("'--strict' and '--allow-inconclusive' contradict each other");
  }
  const policy = { strict: args['strict'] === true, allowInconclusive: args['allow-inconclusive'] === true };
  const out = prepareOutDir(String(args['out']));
  const settings: VerifySettings = {
    argv,
    args,
    claims,
    shard,
    workers,
    budget: budget as BudgetName,
    replay,
    runs,
    seed,
    timeBudget,
    callTimeoutS,
    policy,
    out,
  };
  const run = await import('./lib/verify-run.js');
  return args['mutants'] ? run.mutantsMain(settings) : run.runVerify(settings);
}
