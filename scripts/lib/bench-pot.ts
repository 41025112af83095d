/**
 * The peer of the Sinkhorn benchmark: the same problems solved by POT 0.8.2 (python/bench_pot.py) in the same run,
 * and the ratios ours / POT written into the timed rows.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SinkhornBatch, SinkhornDomain } from '../../impl/capabilities/sinkhorn.js';
import { packageFile } from '../../impl/package-root.js';
import type { SinkhornRow } from '../bench.js';
import type { BenchProblem } from './bench-problem.js';
import { firstLine } from './bench-timing.js';

type PotResult = { id: string; domain: SinkhornDomain; msPerCall: number; calls: number };

/** a, b, C, eps of a problem as float64 little-endian arrays back to back, the input python/bench_pot.py reads. */
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

/** POT timings for the problems (the reason instead when POT is absent or fails). */
export function potTimings(
  problems: readonly BenchProblem[],
  timeMs: number,
): { pot: string; results: PotResult[] } | { skipped: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pot-'));
  try {
    const spec = {
      problems: problems.map((r) => ({
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
      return { skipped: `POT comparison skipped: /usr/bin/python3 failed (${firstLine(e)})` };
    }
    const parsed = JSON.parse(out) as { error?: string; pot: string; results: PotResult[] };
    if (parsed.error) return { skipped: `POT comparison skipped: ${parsed.error}` };
    return parsed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Each row POT also timed, with POT's ms per iteration, ours / POT's same-named method and, on the log and
 * stabilised rows, ours / POT sinkhorn_log.
 */
export function withPotRatios(rows: readonly SinkhornRow[], results: readonly PotResult[]): SinkhornRow[] {
  const out = [...rows];
  const potLog = results.find((r) => r.domain === 'log');
  for (const r of results) {
    const k = out.findIndex((x) => x.id === r.id && x.domain === r.domain);
    if (k < 0) continue;
    const row = out[k]!;
    const potMs = r.msPerCall / row.iterations;
    const vsLog =
      potLog && row.domain !== 'kernel'
        ? { ratioOursOverPotLog: row.msPerIteration / (potLog.msPerCall / row.iterations) }
        : {};
    out[k] = { ...row, potMsPerIteration: potMs, ratioOursOverPot: row.msPerIteration / potMs, ...vsLog };
  }
  return out;
}
