/**
 * Code coverage of the last test run: c8's `coverage/coverage-summary.json` (json-summary reporter),
 * key `total` plus a per-directory roll-up, for embedding in the reports.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';

export const COVERAGE_METRICS = ['lines', 'statements', 'functions', 'branches'] as const;
export type CoverageMetricName = (typeof COVERAGE_METRICS)[number];

export interface CoverageMetric {
  readonly total: number;
  readonly covered: number;
  readonly pct: number;
}

export type CoverageCounts = Readonly<Record<CoverageMetricName, CoverageMetric>>;

export interface CodeCoverage {
  /** The summary file read. */
  readonly source: string;
  /** When the summary was written (file modification time, ISO). */
  readonly writtenAt: string;
  readonly total: CoverageCounts;
  /** Top-level directories (impl, properties, theorems, …), summed over their files. */
  readonly byDirectory: ReadonlyArray<{ readonly dir: string; readonly counts: CoverageCounts }>;
}

/** Where `npm test` (c8 with the json-summary reporter) leaves the summary. */
export const DEFAULT_COVERAGE_SUMMARY = 'coverage/coverage-summary.json';

function metric(v: unknown): CoverageMetric | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o['total'] !== 'number' || typeof o['covered'] !== 'number') return undefined;
  const pct = typeof o['pct'] === 'number' ? o['pct'] : o['total'] > 0 ? (100 * o['covered']) / o['total'] : 100;
  return { total: o['total'], covered: o['covered'], pct };
}

function counts(v: unknown): CoverageCounts | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const out: Partial<Record<CoverageMetricName, CoverageMetric>> = {};
  for (const k of COVERAGE_METRICS) {
    const m = metric((v as Record<string, unknown>)[k]);
    if (!m) return undefined;
    out[k] = m;
  }
  return out as CoverageCounts;
}

/**
 * Read a c8 coverage summary; undefined when the file is absent or not a summary (a report never fails
 * because coverage is missing). File keys are rolled up by their first directory under `root`.
 */
export function readCoverageSummary(path = DEFAULT_COVERAGE_SUMMARY, root = process.cwd()): CodeCoverage | undefined {
  const file = resolve(path);
  if (!existsSync(file)) return undefined;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const total = counts(json['total']);
  if (!total) return undefined;
  const dirs = new Map<string, Record<CoverageMetricName, { total: number; covered: number }>>();
  for (const [key, value] of Object.entries(json)) {
    if (key === 'total') continue;
    const c = counts(value);
    if (!c) continue;
    const rel = relative(resolve(root), resolve(key));
    const dir = rel.startsWith('..') || !rel.includes('/') ? '.' : rel.split('/')[0]!;
    const acc = dirs.get(dir) ?? {
      lines: { total: 0, covered: 0 },
      statements: { total: 0, covered: 0 },
      functions: { total: 0, covered: 0 },
      branches: { total: 0, covered: 0 },
    };
    for (const k of COVERAGE_METRICS) {
      acc[k].total += c[k].total;
      acc[k].covered += c[k].covered;
    }
    dirs.set(dir, acc);
  }
  const byDirectory = [...dirs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([dir, acc]) => {
      const c: Partial<Record<CoverageMetricName, CoverageMetric>> = {};
      for (const k of COVERAGE_METRICS)
        c[k] = { ...acc[k], pct: acc[k].total > 0 ? (100 * acc[k].covered) / acc[k].total : 100 };
      return { dir, counts: c as CoverageCounts };
    });
  return { source: file, writtenAt: statSync(file).mtime.toISOString(), total, byDirectory };
}

/** The coverage table (rows: total then directories; cells "pct% (covered/total)"). */
export function coverageRows(cov: CodeCoverage): {
  header: string[];
  rows: Array<{ name: string; cells: CoverageMetric[] }>;
} {
  return {
    header: ['scope', ...COVERAGE_METRICS],
    rows: [
      { name: 'total', cells: COVERAGE_METRICS.map((k) => cov.total[k]) },
      ...cov.byDirectory.map((d) => ({ name: `${d.dir}/`, cells: COVERAGE_METRICS.map((k) => d.counts[k]) })),
    ],
  };
}

/** "84.2% (1234/1466)". */
export function metricText(m: CoverageMetric): string {
  return `${m.pct.toFixed(1)}% (${m.covered}/${m.total})`;
}
