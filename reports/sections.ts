/**
 * The tables of a claim section, as data: the Markdown and HTML renderers both draw them, so the
 * columns, number formats and the verdict rules printed under each table are written once.
 */
import type { ClaimResult } from '../properties/runner/run-claim.js';
import { displayJSON } from './escape.js';
import { isPlotRequest } from './figures.js';
import { num } from './format.js';

/** A rendered table: title, header, string cells, and the rule that explains the verdict column. */
export interface TableData {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string>>;
  /** Verdict rule or reading note printed under the table (plain text). */
  readonly rule?: string;
}

/** Rule printed under the measured-vs-theory table. */
const QUANTITY_RULE =
  'ratio = measured / theoretical value (≤ 1 means inside the bound), over the "ratio n" checks whose bound exceeds 10× the analysed tolerance (pairs at the rounding floor are noise and left out); margin = slack left after the analysed tolerance (negative = violation). A claim is violated when any single check has a negative margin.';
/** Rule printed under the fitted-rates table. */
const RATE_RULE =
  'Consistent when the 95% interval contains (or lies inside) the theoretical value; inconsistent when it excludes it. The interval method (regression standard error, bootstrap, …) is given per rate.';
/** Rule printed under the proportions table. */
const PROPORTION_RULE =
  'Exact Clopper–Pearson interval at the stated level. Verified when the interval’s lower end ≥ the claimed probability, violated when its upper end is below it, inconclusive otherwise.';
/** Rule printed under the counterexample table. */
const COUNTEREXAMPLE_RULE =
  'Each row broke the claim: the measured value is on the wrong side of the bound by more than the analysed tolerance.';

function interval(ci: readonly [number, number]): string {
  return `[${num(ci[0])}, ${num(ci[1])}]`;
}

/** The failing measurements of the shrunk counterexample, or undefined when there is none. */
function counterexampleTable(r: ClaimResult): TableData | undefined {
  const failing = r.counterexample?.failing ?? [];
  if (failing.length === 0) return undefined;
  return {
    title: 'Failing measurements',
    header: ['instance', 'quantity', 'measured', 'relation', 'bound', 'tolerance'],
    rows: failing.map((m) => [
      String(m.instance),
      m.quantity,
      num(m.measured, 6),
      m.relation,
      num(m.bound, 6),
      num(m.tolerance, 3),
    ]),
    rule: COUNTEREXAMPLE_RULE,
  };
}

/** Measured vs theory: quantiles of each compared quantity over every check. */
function quantitiesTable(r: ClaimResult): TableData | undefined {
  if (r.quantities.length === 0) return undefined;
  return {
    title: 'Measured vs theory',
    header: [
      'quantity',
      'checks',
      'failures',
      'measured p50',
      'measured max',
      'theory p50',
      'ratio n',
      'ratio p50',
      'ratio p90',
      'ratio max',
      'worst margin',
    ],
    rows: r.quantities.map((q) => [
      q.quantity,
      String(q.count),
      String(q.failures),
      num(q.measured.p50),
      num(q.measured.max),
      num(q.bound.p50),
      String(q.ratioCount ?? '—'),
      num(q.ratio?.p50),
      num(q.ratio?.p90),
      num(q.ratio?.max),
      num(q.worstMargin, 3),
    ]),
    rule: QUANTITY_RULE,
  };
}

/** Fitted rates with their 95% intervals against the theory. */
function ratesTable(r: ClaimResult): TableData | undefined {
  if (r.rates.length === 0) return undefined;
  return {
    title: 'Fitted rates (95% intervals)',
    header: ['rate', 'estimate', '95% interval', 'theory', 'verdict', 'method', 'ladder'],
    rows: r.rates.map((x) => [
      x.name,
      num(x.estimate),
      interval(x.ci95),
      typeof x.theory === 'number' ? num(x.theory) : interval(x.theory),
      x.verdict,
      x.method,
      x.ladder ? x.ladder.map((v) => num(v, 3)).join(', ') : '—',
    ]),
    rule: RATE_RULE,
  };
}

/** Proportions with exact binomial intervals. */
function proportionsTable(r: ClaimResult): TableData | undefined {
  if (r.proportions.length === 0) return undefined;
  return {
    title: 'Proportions (exact Clopper–Pearson intervals)',
    header: ['event', 'successes / trials', 'interval', 'level', 'claimed p ≥', 'verdict'],
    rows: r.proportions.map((p) => [
      p.name,
      `${p.successes} / ${p.trials}`,
      interval(p.ci),
      String(p.level),
      num(p.threshold),
      p.verdict,
    ]),
    rule: PROPORTION_RULE,
  };
}

/** The property's own data tables (depth ladders, figure data). */
function dataTables(r: ClaimResult): TableData[] {
  return r.tables.map((t) => ({
    title: t.title,
    header: t.columns,
    rows: t.rows.map((row) => row.map((v) => (typeof v === 'number' ? num(v) : String(v)))),
  }));
}

/** Plain figure data (entries of `result.figures` without a `type`: not plots), as key / value. */
function figureDataTable(r: ClaimResult): TableData | undefined {
  const rows = Object.entries(r.figures ?? {}).filter(([, v]) => !isPlotRequest(v));
  if (rows.length === 0) return undefined;
  const show = (v: unknown): string => (typeof v === 'number' ? num(v) : displayJSON(v, 300).replace(/\s*\n\s*/g, ' '));
  return {
    title: 'Figure data',
    header: ['key', 'value (full data in report.json)'],
    rows: rows.map(([k, v]) => [k, show(v)]),
  };
}

/** Every statistics table of a claim, in section order (counterexample first). */
export function claimTables(r: ClaimResult): TableData[] {
  return [
    counterexampleTable(r),
    quantitiesTable(r),
    ratesTable(r),
    proportionsTable(r),
    ...dataTables(r),
    figureDataTable(r),
  ].filter((t): t is TableData => t !== undefined);
}

/** Rule printed under the coverage bins. */
export const COVERAGE_RULE = 'How often each bin of the hypothesis space was sampled (one count per random instance).';
