/** Printing of a bench.json (scripts/bench.ts): the Sinkhorn table with its ratios, capabilities, scaling fits. */
import { linearFit } from '../../properties/statistics.js';
import type { BenchReport } from '../bench.js';

const fmt = (x: number | undefined, d = 3): string => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d));

/** Log–log slope of time (or bytes) against size, with its 95% interval (null below 3 points). */
export function fitExponent(
  points: Array<[number, number]>,
): { slope: number; ci95: [number, number]; points: number } | null {
  if (points.length < 3) return null;
  const f = linearFit(
    points.map((p) => Math.log(p[0])),
    points.map((p) => Math.log(p[1])),
  );
  return { slope: f.slope, ci95: f.ci95, points: f.n };
}

/** Print the tables of a bench report. */
export function printTables(r: BenchReport): void {
  console.log(
    `backend ${r.backend} · ${r.machine.cpus}× ${r.machine.cpuModel} · load ${r.machine.loadavgAtStart.map((x) => x.toFixed(1)).join(' ')} → ${r.machine.loadavgAtEnd.map((x) => x.toFixed(1)).join(' ')} · peer ${r.pot}`,
  );
  if (r.pruned.length) console.log(`pruned: ${r.pruned.join('; ')}`);
  console.log(
    '\nSinkhorn, ε = 0.1, squared-Euclidean cost in [0,1]², ms per iteration over the batch (ours/POT < 1: we are faster)',
  );
  console.table(
    r.sinkhorn.map((x) => ({
      domain: x.domain,
      n: x.n,
      B: x.B,
      L: x.iterations,
      'ours ms/it': fmt(x.msPerIteration),
      'POT ms/it': fmt(x.potMsPerIteration),
      'ours/POT': fmt(x.ratioOursOverPot, 2),
      'ours/POT-log': fmt(x.ratioOursOverPotLog, 2),
      ...(x.ratioOverWasm !== undefined
        ? { 'wasm ms/it': fmt(x.wasmMsPerIteration), [`${r.backend}/wasm`]: fmt(x.ratioOverWasm, 2) }
        : {}),
      'rme %': fmt(x.rme, 1),
      'peak MiB': fmt(x.peakBytes / 2 ** 20, 1),
    })),
  );
  console.log('Other capabilities (no peer)');
  console.table(
    r.capabilities.map((c) => ({ name: c.name, shape: c.shape, 'ms/call': fmt(c.msPerCall), note: c.skipped ?? '' })),
  );
  console.log('Scaling exponents (log–log slope, 95% CI)');
  const s = r.scaling as Record<
    string,
    {
      timeVsN: { B: number; fit: ReturnType<typeof fitExponent> };
      timeVsB: { fit: ReturnType<typeof fitExponent> };
      peakBytesVsN: { fit: ReturnType<typeof fitExponent> };
    }
  >;
  const f = (x: ReturnType<typeof fitExponent>): string =>
    x ? `${x.slope.toFixed(2)} [${x.ci95[0].toFixed(2)}, ${x.ci95[1].toFixed(2)}]` : '—';
  console.table(
    Object.entries(s).map(([domain, v]) => ({
      domain,
      [`time ~ n^k (B=${v.timeVsN.B})`]: f(v.timeVsN.fit),
      'time ~ B^k (n=128)': f(v.timeVsB.fit),
      'peak bytes ~ n^k': f(v.peakBytesVsN.fit),
    })),
  );
}
