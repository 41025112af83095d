/**
 * Benchmarks (issue 9): batched Sinkhorn (kernel / log / stabilised) over n × B, the other
 * capabilities (OT-transformer layers, one sphere-dynamics step, one SB step) when present, and
 * the same Sinkhorn problems through POT 0.8.2 in the same run (python/bench_pot.py), with the
 * ratio ours/POT per row, fitted scaling exponents and peak tensor memory.
 *
 *   npx tsx scripts/bench.ts [--out reports/out] [--quick] [--full] [--time 500] [--no-pot] [--backend wasm]
 *
 * Absolute times drift 2–3× between runs on shared machines: compare only ratios of one run.
 * Writes <out>/bench.json and prints the tables.
 */
import * as tf from '@tensorflow/tfjs-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { initBackend, onBackend } from '../impl/backend.js';
import type { Implementation } from '../impl/capabilities/index.js';
import type { SinkhornBatch, SinkhornDomain } from '../impl/capabilities/sinkhorn.js';
import { tfjsImplementation } from '../impl/implementations.js';
import { packageFile } from '../impl/package-root.js';
import { helpText, parseArgs, type OptionSpec } from './lib/args.js';
import { fitExponent, printTables } from './lib/bench-tables.js';

export const BENCH_SCHEMA = 'transformer-ot-verify/bench';
const DOMAINS: readonly SinkhornDomain[] = ['kernel', 'log', 'stabilized'];
const N_GRID = [32, 128, 512, 1024];
const B_GRID = [1, 16, 64];
/** Default pruning: B·n² ≤ 2²² entries per tensor (16 MiB float32); --full allows 2²⁴ (64 MiB). */
const MAX_ENTRIES = 2 ** 22;
const MAX_ENTRIES_FULL = 2 ** 24;
/** Iterations: 100 where B·n² ≤ 2²⁰ (the issue's reference problem), fewer above so a call stays ~seconds. */
function iterationsFor(B: number, n: number): number {
  return Math.max(5, Math.min(100, Math.floor((100 * 2 ** 20) / (B * n * n))));
}

/** A deterministic problem: points in [0,1]², squared-Euclidean cost, uniform weights, ε = 0.1 (float32-exact inputs). */
export function benchProblem(B: number, n: number, eps = 0.1, seed = 12345): SinkhornBatch {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const C = new Float64Array(B * n * n);
  for (let b = 0; b < B; b++) {
    const x = Array.from({ length: 2 * n }, rnd);
    const y = Array.from({ length: 2 * n }, rnd);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        C[(b * n + i) * n + j] = Math.fround((x[2 * i]! - y[2 * j]!) ** 2 + (x[2 * i + 1]! - y[2 * j + 1]!) ** 2);
      }
  }
  const a = new Float64Array(B * n).fill(Math.fround(1 / n));
  return { B, n, m: n, a, b: Float64Array.from(a), C, eps: new Float64Array(B).fill(Math.fround(eps)) };
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
  /** log and stabilised rows: ours / POT sinkhorn_log (the issue's log-domain-safe target: ≤ 0.2). */
  readonly ratioOursOverPotLog?: number;
  /** On a backend other than wasm: the same call timed on wasm in the same run, and this backend / wasm. */
  readonly wasmMsPerIteration?: number;
  readonly ratioOverWasm?: number;
}

export interface CapabilityRow {
  readonly name: string;
  readonly shape: string;
  readonly msPerCall?: number;
  readonly rme?: number;
  readonly skipped?: string;
}

async function timeTask(
  name: string,
  fn: () => Promise<unknown>,
  timeMs: number,
): Promise<{ mean: number; rme: number; samples: number }> {
  const bench = new Bench({ name, time: timeMs, iterations: 1, warmupIterations: 1, warmupTime: 0 });
  bench.add(name, fn);
  await bench.run();
  const r = bench.tasks[0]!.result as {
    state: string;
    latency?: { mean: number; rme: number; samplesCount: number };
    error?: Error;
  };
  if (r.state !== 'completed' || !r.latency) throw new Error(`${name}: ${r.state} ${r.error?.message ?? ''}`);
  return { mean: r.latency.mean, rme: r.latency.rme, samples: r.latency.samplesCount };
}

function writeProblem(dir: string, id: string, p: SinkhornBatch): string {
  const file = join(dir, `${id}.f64`);
  const all = new Float64Array(p.a.length + p.b.length + p.C.length + p.eps.length);
  all.set(p.a);
  all.set(p.b, p.a.length);
  all.set(p.C, p.a.length + p.b.length);
  all.set(p.eps, p.a.length + p.b.length + p.C.length);
  writeFileSync(file, new Uint8Array(all.buffer));
  return file;
}

/** POT timings for the rows (null with the reason when POT is absent). */
function potTimings(
  rows: Array<{
    id: string;
    B: number;
    n: number;
    iterations: number;
    problem: SinkhornBatch;
    domains: SinkhornDomain[];
  }>,
  timeMs: number,
):
  | { pot: string; results: Array<{ id: string; domain: SinkhornDomain; msPerCall: number; calls: number }> }
  | { skipped: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pot-'));
  try {
    const spec = {
      problems: rows.map((r) => ({
        id: r.id,
        B: r.B,
        n: r.n,
        m: r.n,
        iterations: r.iterations,
        minTimeMs: timeMs,
        domains: r.domains,
        file: writeProblem(dir, r.id, r.problem),
      })),
    };
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
    let out: string;
    try {
      out = execFileSync('/usr/bin/python3', [packageFile('python', 'bench_pot.py'), join(dir, 'spec.json')], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      return {
        skipped: `POT comparison skipped: /usr/bin/python3 failed (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
      };
    }
    const parsed = JSON.parse(out) as {
      error?: string;
      pot: string;
      results: Array<{ id: string; domain: SinkhornDomain; msPerCall: number; calls: number }>;
    };
    if (parsed.error) return { skipped: `POT comparison skipped: ${parsed.error}` };
    return parsed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function capabilityRows(impl: Implementation, timeMs: number, quick: boolean): Promise<CapabilityRow[]> {
  const rows: CapabilityRow[] = [];
  const B = quick ? 2 : 16;
  const n = quick ? 8 : 32;
  const rnd = (k: number, seed: number): Float64Array => {
    let s = seed;
    return Float64Array.from({ length: k }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1);
  };
  const run = async (name: string, shape: string, has: boolean, fn: () => Promise<unknown>): Promise<void> => {
    if (!has) {
      rows.push({ name, shape, skipped: 'capability not present in the tfjs implementation yet' });
      return;
    }
    try {
      const t = await timeTask(name, fn, timeMs);
      rows.push({ name, shape, msPerCall: t.mean, rme: t.rme });
    } catch (e) {
      rows.push({ name, shape, skipped: `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` });
    }
  };
  const ot = impl['otTransformer'];
  const layers = quick ? 2 : 10;
  await run('ot-transformer forward', `B=${B} n=${n} d=1 L=${layers}`, !!ot, () =>
    ot!.forward(
      {
        B,
        n,
        d: 1,
        x: rnd(B * n, 1),
        y: rnd(B * n, 2),
        lambda: new Float64Array(B).fill(0.5),
        gamma: new Float64Array(B).fill(0.1),
      },
      { layers },
    ),
  );
  const sd = impl['sphereDynamics'];
  const d = 3;
  const x = rnd(B * n * d, 3);
  for (let k = 0; k < B * n; k++) {
    const r = Math.hypot(x[3 * k]!, x[3 * k + 1]!, x[3 * k + 2]!);
    for (let c = 0; c < 3; c++) x[3 * k + c] = x[3 * k + c]! / r;
  }
  await run('sphere dynamics, one step', `B=${B} n=${n} d=${d} rk4`, !!sd, () =>
    sd!.simulate(
      { B, n, d, x, beta: new Float64Array(B).fill(1) },
      { normalization: 'softmax', integrator: 'rk4', dt: 0.05, steps: 1 },
    ),
  );
  const sb = impl['sbAttention'] as { step?: (b: unknown, o: unknown) => Promise<unknown> } | undefined;
  await run('SB attention, one step', `B=${B} n=${n} d=2`, !!sb?.step, () =>
    sb!.step!(
      { B, n, d: 2, x: rnd(B * n * 2, 4), eps: new Float64Array(B).fill(0.1) },
      { tolerance: 1e-4, maxIterations: 200 },
    ),
  );
  return rows;
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
  const rows: SinkhornRow[] = [];
  let potVersion = args['no-pot'] === true ? 'not run (--no-pot)' : 'POT';
  const problems: Array<{
    id: string;
    B: number;
    n: number;
    iterations: number;
    problem: SinkhornBatch;
    domains: SinkhornDomain[];
  }> = [];
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
        const potLog = pot.results.find((r) => r.domain === 'log');
        for (const r of pot.results) {
          const k = rows.findIndex((x) => x.id === r.id && x.domain === r.domain);
          if (k < 0) continue;
          const row = rows[k]!;
          const potMs = r.msPerCall / row.iterations;
          const vsLog =
            potLog && row.domain !== 'kernel'
              ? { ratioOursOverPotLog: row.msPerIteration / (potLog.msPerCall / row.iterations) }
              : {};
          rows[k] = { ...row, potMsPerIteration: potMs, ratioOursOverPot: row.msPerIteration / potMs, ...vsLog };
        }
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
