/**
 * The cost of the Python bridge, measured with tinybench.
 *
 *   npx tsx scripts/bench-python.ts [--python /usr/bin/python3] [--time 1000] [--budget ci] [--out dir]
 *
 * 1. Round trip of an empty request (the bridge's probe: encode, pipe, decode, no user code).
 * 2. `sinkhorn.solve` of examples/numpy_sinkhorn.py at B = 64, n = 32 and B = 1, n = 512 (L = 50, log
 *    domain): instances/s through the bridge (Node wall time, decoding and validation included) against
 *    the same NumPy algorithm in process, i.e. the time Python itself spends in `solve` on the same calls.
 * 3. The `sinkhorn.*` claims at the given budget with the same module: the bridge's share of the claims'
 *    time, Σ(round trip + decoding − time in Python) / total claim time (target: ≤ 10%).
 * Writes <out>/bench-python.json and prints the rows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { initBackend } from '../impl/backend.js';
import type { SinkhornSolver } from '../impl/capabilities/index.js';
import { loadPythonImplementation } from '../impl/python/implementation.js';
import { propertyFor } from '../properties/index.js';
import { runClaim } from '../properties/runner/run-claim.js';
import type { BudgetName } from '../properties/types.js';
import { CLAIMS } from '../theorems/index.js';
import { helpText, parseArgs, type OptionSpec } from './lib/args.js';
import { benchProblem } from './lib/bench-problem.js';

const OPTIONS: Record<string, OptionSpec> = {
  python: { type: 'string', description: 'Python with numpy and msgpack', default: 'python3', valueName: 'exe' },
  time: { type: 'number', description: 'tinybench time per task, ms', default: 1000, valueName: 'ms' },
  budget: { type: 'string', description: 'budget of the sinkhorn.* claims run', default: 'ci', valueName: 'name' },
  out: { type: 'string', description: 'output directory', default: 'reports/out', valueName: 'dir' },
  help: { type: 'boolean', description: 'show this help' },
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), OPTIONS);
  if (args['help']) return console.log(helpText('usage: tsx scripts/bench-python.ts [options]', OPTIONS));
  const impl = await loadPythonImplementation(new URL('../examples/numpy_sinkhorn.py', import.meta.url).pathname, {
    python: String(args['python']),
  });
  const { session } = impl;
  const solver = impl['sinkhorn'] as SinkhornSolver;
  const time = Number(args['time']);
  const rows: Record<string, unknown>[] = [];

  const ping = new Bench({ time });
  ping.add('round trip (empty request)', async () => {
    await session.call('__bridge__', 'ping', []);
  });
  await ping.run();
  const p = ping.tasks[0]!.result as unknown as { latency: { mean: number; p99: number } };
  rows.push({ task: 'round trip', meanMs: p.latency.mean, p99Ms: p.latency.p99 });

  for (const [B, n] of [
    [64, 32],
    [1, 512],
  ] as const) {
    const batch = benchProblem(B, n);
    const before = { ...session.stats };
    const bench = new Bench({ time });
    bench.add(`solve B=${B} n=${n}`, async () => {
      await solver.solve(batch, { iterations: 50, domain: 'log' });
    });
    await bench.run();
    const calls = session.stats.calls - before.calls;
    const wallMs = (session.stats.roundTripMs - before.roundTripMs + session.stats.decodeMs - before.decodeMs) / calls;
    const pythonMs = (session.stats.pythonMs - before.pythonMs) / calls;
    rows.push({
      task: `sinkhorn.solve B=${B} n=${n} L=50`,
      calls,
      bridgeMsPerCall: wallMs,
      inProcessMsPerCall: pythonMs,
      overheadMsPerCall: wallMs - pythonMs,
      instancesPerSecondBridge: (1000 * B) / wallMs,
      instancesPerSecondInProcess: (1000 * B) / pythonMs,
      overheadPercent: (100 * (wallMs - pythonMs)) / pythonMs,
    });
  }

  const backend = await initBackend(process.env['TFJS_BACKEND'] || 'wasm');
  const budget = String(args['budget']) as BudgetName;
  const before = { ...session.stats };
  const start = performance.now();
  for (const claim of CLAIMS.filter((c) => c.id.startsWith('sinkhorn.'))) {
    await runClaim(claim, propertyFor(claim.id), { impl, backend: backend.name, budget, seed: 20261202 });
  }
  const claimsMs = performance.now() - start;
  const s = session.stats;
  const overheadMs = s.roundTripMs - before.roundTripMs + s.decodeMs - before.decodeMs - (s.pythonMs - before.pythonMs);
  rows.push({
    task: `sinkhorn.* claims, budget ${budget}`,
    calls: s.calls - before.calls,
    claimsMs,
    pythonMs: s.pythonMs - before.pythonMs,
    bridgeOverheadMs: overheadMs,
    bridgeSharePercent: (100 * overheadMs) / claimsMs,
  });
  impl.close();
  const round = (_: string, v: unknown): unknown => (typeof v === 'number' ? Number(v.toPrecision(4)) : v);
  for (const r of rows) console.log(JSON.stringify(r, round));
  const out = String(args['out']);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench-python.json'), JSON.stringify({ python: session.hello, rows }, null, 1));
}

await main();
