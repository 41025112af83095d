/**
 * A compact picture of every check of one quantity: each measurement as one normalised number (measured / bound
 * and the like, where 1 is the claim's edge), split by the main coverage key (ε, β or n), each group kept as at
 * most SAMPLE_POINTS order statistics of its empirical distribution. The report draws its ECDF; the size stays
 * bounded whatever the budget (quantities × groups × SAMPLE_POINTS numbers).
 */
import type { BatchOutcome, Measurement } from '../types.js';

/** Order statistics kept per group (the first and the last always among them). */
export const SAMPLE_POINTS = 40;
/** Coverage keys that split a sample, in order of preference; the first with 2–8 groups is used. */
const SPLIT_KEYS = ['eps', 'ε', 'epsilon', 'beta', 'β', 'n', 'N'];
const MAX_GROUPS = 8;
/** Unbinned numeric keys with more distinct values than this are grouped into ranges. */
const RANGE_GROUPS = 4;

/**
 * - ratio: measured / bound, for inequalities whose bound exceeds 10× the tolerance (≤: pass below 1 + tol/bound);
 * - tolerance: |measured − theory| / tolerance, for equalities (pass below 1);
 * - allowed: measured / (bound + tol) for ≤, (bound + tol) / (measured + 2·tol) for ≥, when every bound is at the
 *   rounding floor (often 0, which has no scale of its own): 1 at the edge, the claim holds below 1 for both.
 */
export type SampleScale = 'ratio' | 'tolerance' | 'allowed';

interface SampleGroup {
  /** Coverage bin label ("all" when the sample is not split). */
  readonly label: string;
  readonly count: number;
  /** Checks whose normalised value is exactly 0 (the ECDF starts at zeros / count). */
  readonly zeros: number;
  /** Checks with a non-finite value (NaN, ±∞), not drawn. */
  readonly nonFinite: number;
  /** [value, ECDF height] at up to SAMPLE_POINTS ranks of the positive values, ascending. */
  readonly points: ReadonlyArray<readonly [number, number]>;
}

export interface CheckSample {
  readonly scale: SampleScale;
  readonly relation: Measurement['relation'];
  /** Coverage key the groups are bins of, when split. */
  readonly by?: string;
  /** ratio scale: median tol / bound, the width of the tolerance band beyond 1. */
  readonly band?: number;
  readonly groups: readonly SampleGroup[];
}

export function binLabel(value: number | string, edges: readonly number[] | undefined): string {
  if (typeof value !== 'number' || !edges || edges.length < 2) return String(value);
  const k = edges.findIndex((_, i) => i < edges.length - 1 && value >= edges[i]! && value < edges[i + 1]!);
  if (k >= 0) return `[${edges[k]}, ${edges[k + 1]})`;
  return value < edges[0]! ? `< ${edges[0]}` : `≥ ${edges[edges.length - 1]}`;
}

interface Check {
  readonly m: Measurement;
  readonly at: Readonly<Record<string, number | string>> | undefined;
}

/** One measurement on a sample's scale (1 = the claim's edge). */
export function normalise(m: Measurement, scale: SampleScale): number {
  if (scale === 'ratio') return m.measured / m.bound;
  if (scale === 'tolerance') return Math.abs(m.measured - m.bound) / m.tolerance;
  // allowed: oriented like ≤ for both relations (1 at the edge m = b ± tol, holds below 1)
  const [num, den] =
    m.relation === '>=' ? [m.bound + m.tolerance, m.measured + 2 * m.tolerance] : [m.measured, m.bound + m.tolerance];
  if (den > 0 && num >= 0) return num / den;
  return m.pass ? 0 : Infinity;
}

const ratioEligible = (m: Measurement): boolean =>
  m.relation !== '==' && m.bound > 10 * m.tolerance && m.bound > 0 && Number.isFinite(m.bound);

/** Labels of the split key per check, ranges for many distinct unbinned numbers. */
function splitLabels(
  checks: readonly Check[],
  edges: Readonly<Record<string, readonly number[]>>,
): { by?: string; labels: string[] } {
  for (const key of SPLIT_KEYS) {
    const values = checks.map((c) => c.at?.[key]);
    if (values.some((v) => v === undefined)) continue;
    let labels = values.map((v) => binLabel(v!, edges[key]));
    const distinct = [...new Set(labels)];
    if (distinct.length > MAX_GROUPS && !edges[key] && values.every((v) => typeof v === 'number')) {
      const u = [...new Set(values)].sort((a, b) => a - b);
      const cuts = Array.from({ length: RANGE_GROUPS }, (_, g) => u[Math.floor((g * u.length) / RANGE_GROUPS)]!);
      const range = (v: number): string => {
        const g = cuts.filter((c) => v >= c).length - 1;
        const hi = g + 1 < cuts.length ? u[u.indexOf(cuts[g + 1]!) - 1]! : u[u.length - 1]!;
        return cuts[g] === hi ? `${hi}` : `${+cuts[g]!.toPrecision(3)}–${+hi.toPrecision(3)}`;
      };
      labels = values.map(range);
    }
    const groups = new Set(labels).size;
    if (groups >= 2 && groups <= MAX_GROUPS) return { by: key, labels };
  }
  return { labels: checks.map(() => 'all') };
}

/** Drawing precision: four significant digits (the exact quantiles stay in QuantityStats). */
const round = (x: number): number => +x.toPrecision(4);

function group(label: string, values: readonly number[]): SampleGroup {
  const pos = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  const zeros = values.filter((v) => v === 0).length;
  const nonFinite = values.filter((v) => !Number.isFinite(v)).length;
  const n = values.length;
  const k = Math.min(SAMPLE_POINTS, pos.length);
  const ranks =
    k <= 1
      ? k === 1
        ? [pos.length - 1]
        : []
      : Array.from({ length: k }, (_, i) => Math.round((i * (pos.length - 1)) / (k - 1)));
  const points = [...new Set(ranks)].map((r) => [round(pos[r]!), round((zeros + r + 1) / n)] as const);
  return { label, count: n, zeros, nonFinite, points };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The compact sample of one quantity's checks (undefined when none can be normalised). */
export function checkSample(
  quantity: string,
  outcomes: readonly BatchOutcome[],
  edges: Readonly<Record<string, readonly number[]>> = {},
): CheckSample | undefined {
  const all: Check[] = [];
  for (const o of outcomes) {
    for (const m of o.measurements) {
      if (m.quantity !== quantity) continue;
      all.push({ m, at: o.coverage[m.instance] ?? (o.coverage.length === 1 ? o.coverage[0] : undefined) });
    }
  }
  if (all.length === 0) return undefined;
  const relation = all[0]!.m.relation;
  const eligible = all.filter((c) => ratioEligible(c.m));
  const scale: SampleScale = relation === '==' ? 'tolerance' : eligible.length > 0 ? 'ratio' : 'allowed';
  const checks = scale === 'ratio' ? eligible : scale === 'tolerance' ? all.filter((c) => c.m.tolerance > 0) : all;
  if (checks.length === 0) return undefined;
  const { by, labels } = splitLabels(checks, edges);
  const byLabel = new Map<string, number[]>();
  checks.forEach((c, i) => {
    const g = byLabel.get(labels[i]!);
    if (g) g.push(normalise(c.m, scale));
    else byLabel.set(labels[i]!, [normalise(c.m, scale)]);
  });
  const order = [...byLabel.keys()].sort(
    (a, b) => parseFloat(a.replace(/^[[<≥ ]+/, '')) - parseFloat(b.replace(/^[[<≥ ]+/, '')) || a.localeCompare(b),
  );
  const band = scale === 'ratio' ? median(checks.map((c) => c.m.tolerance / c.m.bound)) : undefined;
  return {
    scale,
    relation,
    ...(by ? { by } : {}),
    ...(band !== undefined ? { band } : {}),
    groups: order.map((l) => group(l, byLabel.get(l)!)),
  };
}
