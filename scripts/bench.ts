/**
 * Benchmarks: batched Sinkhorn (kernel / log / stabilised) over n × B, the other capabilities
 * (OT-transformer layers, one sphere-dynamics step, one SB step) when present, and the same Sinkhorn
 * problems through POT 0.8.2 in the same run (python/bench_pot.py), with the ratio ours/POT per row,
 * fitted scaling exponents and peak tensor memory.
 *
 *   npx tsx scripts/bench.ts [--out reports/out] [--quick] [--full] [--time 500] [--no-pot] [--backend wasm]
 *
 * Absolute times drift 2–3× between runs on shared machines: compare only ratios of one run.
 * Writes <out>/bench.json and prints the tables.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { initBackend, onBackend } from '../impl/backend.js';
import type { SinkhornDomain } from '../impl/capabilities/sinkhorn.js';
import { tfjsImplementation } from '../impl/implementations.js';
import { helpText, parseArgs, type OptionSpec } from './lib/args.js';
import { capabilityRows, type CapabilityRow } from './lib/bench-capabilities.js';
import { benchProblem, type BenchProblem } from './lib/bench-problem.js';
import { potTimings, withPotRatios } from './lib/bench-pot.js';
import { fitExponent, printTables } from './lib/bench-tables.js';
import { timeTask } from './lib/bench-timing.js';

export const BENCH_SCHEMA = 'transformer-ot-verify/bench';
const DOMAINS: readonly SinkhornDomain[] = ['kernel', 'log', 'stabilized'];
const N_GRID = [32, 128, 512, 1024];
const B_GRID = [1, 16, 64];
/** Default pruning: B·n² ≤ 2²² entries per tensor (16 MiB float32); --full allows 2²⁴ (64 MiB). */
const MAX_ENTRIES = 2 ** 22;
const MAX_ENTRIES_FULL = 2 ** 24;
/** Iterations: 100 where B·n² ≤ 2²⁰ (the reference problem size), fewer above so a call stays ~seconds. */
function iterationsFor(B: number, n: number): number {
  return Math.max(5, Math.min(100, Math.floor((100 * 2 ** 20) / (B * n * n))));
}

/** One timed Sinkhorn configuration (also the row type of scripts/lib/bench-tables.ts). */
export interface SinkhornRow {
  readonly id: string;
  readonly domain: SinkhornDomain;
  readonly B: number;
  readonly n: number;
  readonly iterations: number;
  readonly msPerCall: number;
  readonly msPerIteration: number;
  readonly rme: number;
  readonly samples: number;
  readonly peakBytes: number;
  readonly potMsPerIteration?: number;
  /** ours / POT's same-named method (kernel: sinkhorn, log: sinkhorn_log, stabilized: sinkhorn_stabilized). */
  readonly ratioOursOverPot?: number;
  /** log and stabilised rows: ours / POT sinkhorn_log (the log-domain-safe comparison; the target is ≤ 0.2). */
  readonly ratioOursOverPotLog?: number;
  /** On a backend other than wasm: the same call timed on wasm in the same run, and this backend / wasm. */
  readonly wasmMsPerIteration?: number;
  readonly ratioOverWasm?: number;
}

export interface BenchReport {
  readonly schema: string;
  readonly date: string;
  readonly backend: string;
  readonly backendNotes: readonly string[];
  readonly machine: { cpus: number; cpuModel: string; loadavgAtStart: number[]; loadavgAtEnd: number[]; node: string };
  readonly timeMs: number;
  readonly pruned: string[];
  readonly pot: string;
  readonly sinkhorn: SinkhornRow[];
  readonly capabilities: CapabilityRow[];
  readonly scaling: Record<string, unknown>;
}

const BENCH_USAGE =
  'usage: transformer-ot-verify bench [options]\n\ntinybench timings of the batched Sinkhorn (kernel, log, stabilized) against POT 0.8.2 in the same run, plus the other capabilities; JSON to <out>/bench.json.';

export async function benchMain(argv: readonly string[]): Promise<number> {
  const spec: Record<string, OptionSpec> = {
    out: { type: 'string', description: 'output directory', default: 'reports/out' },
    quick: { type: 'boolean', description: 'one tiny size per domain (a smoke test, < 10 s)', default: false },
    full: {
      type: 'boolean',
      description: 'allow B·n² up to 2^24 (n = 1024 with B = 16, n = 512 with B = 64)',
      default: false,
    },
    time: { type: 'number', description: 'minimum milliseconds per task', default: 500 },
    'no-pot': { type: 'boolean', description: 'skip the POT comparison', default: false },
    backend: { type: 'string', description: 'tfjs backend (default: auto)' },
    help: { type: 'boolean', description: 'show this help' },
  };
  const args = parseArgs(argv, spec);
  if (args['help']) {
    console.log(helpText(BENCH_USAGE, spec));
    return 0;
  }
  const quick = args['quick'] === true;
  const timeMs = quick ? Math.min(50, args['time'] as number) : (args['time'] as number);
  const backend = await initBackend(
    (args['backend'] as string | undefined) ?? process.env['TFJS_BACKEND'] ?? undefined,
  );
  const loadStart = loadavg();
  const impl = tfjsImplementation();
  const solver = impl.sinkhorn!;
  const limit = args['full'] === true ? MAX_ENTRIES_FULL : MAX_ENTRIES;
  const grid: Array<{ B: number; n: number }> = [];
  const pruned: string[] = [];
  for (const n of quick ? [16] : N_GRID)
    for (const B of quick ? [2] : B_GRID) {
      if (B * n * n > limit)
        pruned.push(
          `n=${n} B=${B} (B·n² = ${B * n * n} > ${limit}${limit === MAX_ENTRIES ? '; run with --full' : ''})`,
        );
      else grid.push({ B, n });
    }
  let rows: SinkhornRow[] = [];
  let potVersion = args['no-pot'] === true ? 'not run (--no-pot)' : 'POT';
  const problems: BenchProblem[] = [];
  for (const { B, n } of grid) {
    const L = quick ? 5 : iterationsFor(B, n);
    const problem = benchProblem(B, n);
    const id = `n${n}-B${B}`;
    problems.push({ id, B, n, iterations: L, problem, domains: [...DOMAINS] });
    for (const domain of DOMAINS) {
      const prof = await tf.profile(async () => {
        await solver.solve(problem, { iterations: L, domain });
        return [];
      });
      const t = await timeTask(`${domain} ${id}`, () => solver.solve(problem, { iterations: L, domain }), timeMs);
      const wasm =
        backend.name === 'wasm'
          ? undefined
          : await onBackend('wasm', () =>
              timeTask(`wasm ${domain} ${id}`, () => solver.solve(problem, { iterations: L, domain }), timeMs),
            );
      const vsWasm = wasm ? { wasmMsPerIteration: wasm.mean / L, ratioOverWasm: t.mean / wasm.mean } : {};
      rows.push({
        id,
        domain,
        B,
        n,
        iterations: L,
        msPerCall: t.mean,
        msPerIteration: t.mean / L,
        rme: t.rme,
        samples: t.samples,
        peakBytes: prof.peakBytes,
        ...vsWasm,
      });
      if (!quick)
        process.stderr.write(
          `  ${domain.padEnd(10)} ${id.padEnd(10)} ${(t.mean / L).toFixed(3)} ms/iter${wasm ? ` (wasm ${(wasm.mean / L).toFixed(3)})` : ''}\n`,
        );
    }
    // the peer right after ours on the same problem, so both see the same machine load
    if (args['no-pot'] !== true && !potVersion.includes('skipped')) {
      const pot = potTimings([problems.at(-1)!], timeMs);
      if ('skipped' in pot) {
        potVersion = pot.skipped;
        console.log(pot.skipped);
      } else {
        potVersion = `POT ${pot.pot}`;
        rows = withPotRatios(rows, pot.results);
      }
    }
  }
  const capabilities = await capabilityRows(impl, timeMs, quick);
  // scaling: time vs n at the B with most n points, time vs B at n = 128; peak bytes vs n
  const scaling: Record<string, unknown> = {};
  for (const domain of DOMAINS) {
    const byB = (B: number) => rows.filter((r) => r.domain === domain && r.B === B);
    const bestB = [...B_GRID].sort((x, y) => byB(y).length - byB(x).length)[0]!;
    scaling[domain] = {
      timeVsN: { B: bestB, fit: fitExponent(byB(bestB).map((r) => [r.n, r.msPerIteration])) },
      timeVsB: {
        n: 128,
        fit: fitExponent(rows.filter((r) => r.domain === domain && r.n === 128).map((r) => [r.B, r.msPerIteration])),
      },
      peakBytesVsN: {
        B: bestB,
        points: byB(bestB).map((r) => ({ n: r.n, peakBytes: r.peakBytes })),
        fit: fitExponent(byB(bestB).map((r) => [r.n, Math.max(1, r.peakBytes)])),
      },
    };
  }
  const report: BenchReport = {
    schema: BENCH_SCHEMA,
    date: new Date().toISOString(),
    backend: backend.name,
    backendNotes: backend.notes,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadavgAtStart: loadStart,
      loadavgAtEnd: loadavg(),
      node: process.version,
    },
    timeMs,
    pruned,
    pot: potVersion,
    sinkhorn: rows,
    capabilities,
    scaling,
  };
  const out = args['out'] as string;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench.json'), JSON.stringify(report, null, 2));
  printTables(report);
  console.log(`\nwrote ${join(out, 'bench.json')}`);
  return 0;
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('bench.ts') || invoked.endsWith('bench.js')) {
  benchMain(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = e instanceof Error && e.name === 'UsageError' ? 2 : 1;
    },
  );
}
