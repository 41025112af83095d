/**
 * The overview at the top of report.html: every claim as one dot, grouped by family and paper, coloured by
 * status and placed by how tight it came. Tightness is one number per claim where 1 is the claim's edge:
 * the worst normalised check (measured / bound and the like), the share of the allowed failure probability
 * the exact interval still admits ((1 − lower end) / (1 − p₀)), or the theory's distance from a fitted
 * rate's estimate in 95% half-widths — whichever is largest.
 */
import type * as vl from 'vega-lite';
import type { ClaimResult } from '../properties/runner/run-claim.js';
import type { FittedRate, Proportion } from '../properties/types.js';
import { normalise } from '../properties/runner/check-sample.js';
import { sampleTightness, tightnessOf } from './evidence-specs.js';
import { logAxis } from './log-axis.js';
import { SCHEMA, type SpecOrEmpty } from './plot-specs.js';
import type { Report } from './schema.js';
import { PLOT_CONFIG } from './svg.js';

/** How to read the overview, printed under it. */
export const OVERVIEW_RULE =
  'Tightness, one number per claim where 1 is the claim’s edge: the worst check as measured / bound (or |error| / ' +
  'tolerance for equalities), (1 − the interval’s lower end) / (1 − p₀) for a probability, or the theory’s distance ' +
  'from a fitted estimate in 95% half-widths; the largest of these. A violated claim sits right of 1; a claim far ' +
  'left of 1 holds with room to spare (its bound is loose on the sampled inputs).';

/** Badge colours of report.html (html-style.ts), so that dot and badge agree. */
const STATUS_COLORS: Record<string, string> = {
  verified: '#1a7f37',
  violated: '#cf222e',
  inconclusive: '#9a6700',
  error: '#8250df',
  skipped: '#6e7781',
  reported: '#0969da',
};
/** Tightness values below this are drawn at it (exact agreement would otherwise sit at −∞ on the log axis). */
const TIGHTNESS_FLOOR = 1e-4;
/** …and values above this (an infinite violation) at it. */
const TIGHTNESS_CEILING = 1e6;

export interface Tightness {
  readonly value: number;
  /** What set it: a quantity, a proportion or a rate name. */
  readonly from: string;
}

function proportionTightness(p: Proportion): number | undefined {
  return p.threshold < 1 && p.trials > 0 ? (1 - p.ci[0]) / (1 - p.threshold) : undefined;
}

function rateTightness(r: FittedRate): number | undefined {
  const half = (r.ci95[1] - r.ci95[0]) / 2;
  if (!(half > 0) || !Number.isFinite(r.estimate)) return undefined;
  const [a, b] = typeof r.theory === 'number' ? [r.theory, r.theory] : r.theory;
  const dist = r.estimate < a ? a - r.estimate : r.estimate > b ? r.estimate - b : 0;
  return dist / half;
}

/** The claim's tightness (largest over its checks, proportions and rates), or undefined when nothing measures it. */
export function claimTightness(r: ClaimResult): Tightness | undefined {
  const parts: Tightness[] = [];
  for (const q of r.quantities) {
    const t = q.sample ? sampleTightness(q.sample) : undefined;
    if (t && !Number.isNaN(t.worst)) parts.push({ value: t.worst, from: q.quantity });
  }
  // the shrunk counterexample's failing checks, on the scale of their quantity's sample
  for (const m of r.counterexample?.failing ?? []) {
    const sample = r.quantities.find((q) => q.quantity === m.quantity)?.sample;
    const scale = sample?.scale ?? (m.relation === '==' ? 'tolerance' : 'allowed');
    const v = tightnessOf(normalise(m, scale), { relation: m.relation, scale });
    if (!Number.isNaN(v)) parts.push({ value: v, from: `${m.quantity} (counterexample)` });
  }
  for (const p of r.proportions) {
    const v = proportionTightness(p);
    if (v !== undefined && Number.isFinite(v)) parts.push({ value: v, from: p.name });
  }
  for (const rate of r.rates) {
    const v = rateTightness(rate);
    if (v !== undefined && Number.isFinite(v)) parts.push({ value: v, from: rate.name });
  }
  return parts.reduce<Tightness | undefined>((w, p) => (w === undefined || p.value > w.value ? p : w), undefined);
}

const MEASURES = ['tightness', `≤ ${TIGHTNESS_FLOOR} (drawn at the floor)`, 'nothing to place (at the floor)'];

/** The overview figure: one row per claim, a panel per family, rows sorted by paper. */
export function overviewSpec(report: Report): SpecOrEmpty {
  if (report.entries.length === 0) return { empty: 'No claims in this report.' };
  const rows = report.entries
    .map((e) => {
      const t = claimTightness(e.result);
      const work = e.claim.sources[0]?.work ?? '';
      const author = work.split(/,| & | and | et al/)[0]!.trim();
      const year = /\d{4}/.exec(work)?.[0];
      const paper = year && !author.includes(year) ? `${author} ${year}` : author;
      const short = e.claim.id.startsWith(`${e.claim.family}.`)
        ? e.claim.id.slice(e.claim.family.length + 1)
        : e.claim.id;
      return {
        family: e.claim.family,
        work,
        label: `${short} · ${paper}`,
        status: e.result.status,
        x: t ? Math.min(Math.max(t.value, TIGHTNESS_FLOOR), TIGHTNESS_CEILING) : TIGHTNESS_FLOOR,
        measure: MEASURES[t ? (t.value < TIGHTNESS_FLOOR ? 1 : 0) : 2]!,
      };
    })
    .sort((a, b) => a.family.localeCompare(b.family) || a.work.localeCompare(b.work) || a.label.localeCompare(b.label));
  const statuses = Object.keys(STATUS_COLORS).filter((s) => rows.some((r) => r.status === s));
  const hi = Math.max(10, ...rows.map((r) => r.x)) * 1.5;
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: 'tightness (1 = at the claim’s edge; beyond it by more than the tolerance = broken)',
    scale: { type: 'log' as const, domain: [TIGHTNESS_FLOOR / 1.5, hi], nice: false },
    axis: { ...logAxis([TIGHTNESS_FLOOR, hi]), orient: 'top' as const },
  };
  const y = {
    field: 'label',
    type: 'nominal' as const,
    title: null,
    sort: null,
    axis: { labelLimit: 340, labelFontSize: 11 },
  };
  return {
    spec: {
      $schema: SCHEMA,
      config: {
        ...PLOT_CONFIG,
        facet: { spacing: 2 },
        header: { labelFontSize: 12, labelFontWeight: 'bold', labelPadding: 2 },
      },
      title: {
        text: `All ${rows.length} claims: status and how tight each came`,
        subtitle:
          'dot: the claim’s worst check / interval (measured) · red dashed: the claim’s edge (theory) · ' +
          'left = loose, near 1 = tight',
      },
      data: { values: rows },
      facet: {
        row: {
          field: 'family',
          type: 'nominal',
          title: null,
          sort: [...new Set(rows.map((r) => r.family))],
          header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' },
        },
      },
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: 640,
        height: { step: 14 },
        layer: [
          {
            mark: { type: 'rule', color: '#e4202c', strokeDash: [6, 4], strokeWidth: 1.5 },
            encoding: { x: { datum: 1, type: 'quantitative', scale: x.scale } },
          },
          {
            mark: { type: 'point', filled: true, size: 55 },
            encoding: {
              x,
              y,
              color: {
                field: 'status',
                type: 'nominal',
                title: 'status',
                scale: { domain: statuses, range: statuses.map((s) => STATUS_COLORS[s]!) },
                legend: { orient: 'bottom', direction: 'vertical' },
              },
              shape: {
                field: 'measure',
                type: 'nominal',
                title: 'placed by',
                scale: { domain: MEASURES, range: ['circle', 'triangle-down', 'diamond'] },
                legend: { orient: 'bottom', direction: 'vertical', labelLimit: 400 },
              },
            },
          },
        ],
      },
    } as unknown as vl.TopLevelSpec,
  };
}
