/**
 * A report scaled to what the thorough budget writes, for measuring report size without a thorough run of every
 * claim: each series and table ×10 longer (the thorough budget's 10× runs, longer horizons and finer ladders), check
 * counts ×10 (the samples stay bounded by construction), and every phase diagram at Figure 3's resolution
 * (4 panels of 90 β × 151 t cells, the thorough PHASE_BLOCKS).
 */
import type { Series } from '../../properties/types.js';
import type { Report } from '../../reports/schema.js';

const SCALE = 10;

/** Linear interpolation to `factor`× as many points. */
function denser(points: ReadonlyArray<readonly [number, number]>, factor: number): Array<[number, number]> {
  if (points.length < 2) return points.map(([x, y]) => [x, y]);
  const out: Array<[number, number]> = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const [[x0, y0], [x1, y1]] = [points[k]!, points[k + 1]!];
    for (let j = 0; j < factor; j++) out.push([x0 + ((x1 - x0) * j) / factor, y0 + ((y1 - y0) * j) / factor]);
  }
  out.push([...points[points.length - 1]!]);
  return out;
}

/** A phase-diagram panel at the thorough grid: P(t, β) switching from 0 to 1 near t*(β). */
function thoroughPhase(d: number): Record<string, unknown> {
  const betas = Array.from({ length: 90 }, (_, i) => 0.1 + (8.9 * i) / 89);
  const ts = Array.from({ length: 151 }, (_, k) => 0.2 * k);
  const tStar = (b: number): number => 5 + 0.25 * b * b;
  const cells = betas.flatMap((y) =>
    ts.map((x) => ({ x, y, value: 1 / (1 + Math.exp(-(x - tStar(y)) / (1 + 2 / d))) })),
  );
  return {
    type: 'phase-diagram',
    x: 't',
    y: 'β',
    value: 'P(⟨x₁,x₂⟩ ≥ 1 − δ)',
    cells,
    curve: { name: 'Γ∞', role: 'theory', points: betas.map((b) => [tStar(b), b]) },
    title: `Figure 3 at the thorough resolution, d = ${d}`,
  };
}

/** The report as the thorough budget would write it (see the module comment). */
export function thoroughScale(report: Report): Report {
  const entries = report.entries.map((e) => {
    const r = e.result;
    const isPhase = (v: unknown): boolean =>
      typeof v === 'object' && v !== null && (v as { type?: string }).type === 'phase-diagram';
    const kept = Object.entries(r.figures ?? {}).filter(([, v]) => !isPhase(v));
    const phase = Object.values(r.figures ?? {}).some(isPhase)
      ? [2, 8, 32, 128].map((d) => [`figure3-d${d}`, thoroughPhase(d)] as const)
      : [];
    const figures = Object.fromEntries([...kept, ...phase]);
    const series: Series[] = r.series.map((s) => ({ ...s, points: denser(s.points, SCALE) }));
    const tables = r.tables.map((t) => ({ ...t, rows: Array.from({ length: SCALE }, () => t.rows).flat() }));
    const quantities = r.quantities.map((q) => ({ ...q, count: q.count * SCALE }));
    return {
      ...e,
      result: { ...r, figures, series, tables, quantities, runs: r.runs * SCALE, instances: r.instances * SCALE },
    };
  });
  return { ...report, options: { ...report.options, budget: 'thorough' }, entries };
}
