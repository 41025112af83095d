/**
 * The plots of a report: for each claim, one plot per series group, one per entry of `result.figures`
 * (renderers keyed by figure type, see figures.ts) and one for its fitted rates. Every plot is an SVG
 * string (a "no data" panel when there is nothing to draw), also written to `<out>/plots/<id>.svg`.
 */
import type { ClaimResult } from '../properties/runner/run-claim.js';
import type { Series } from '../properties/types.js';
import type { Claim } from '../theorems/types.js';
import { slug } from './escape.js';
import { evidenceJobs, notAssertedTag, type PlotJob } from './evidence.js';
import { isPlotRequest, parseFigure, type Figure } from './figures.js';
import { linesSpec } from './line-plot.js';
import { logLogFitSpec } from './loglog-fit-plot.js';
import { overviewSpec } from './overview.js';
import { phaseDiagramSpec } from './phase-diagram-plot.js';
import type { SpecOrEmpty } from './plot-specs.js';
import { ratesSpec } from './rates-plot.js';
import type { Report } from './schema.js';
import { messageSvg, prefixSvgIds, vegaLiteToSvg } from './svg.js';

export interface Plot {
  /** Unique in the report; also the SVG's file name and id prefix. */
  readonly id: string;
  readonly title: string;
  /** Path of the SVG file relative to the report directory. */
  readonly file: string;
  /** The SVG (ids prefixed with `id`, so it can be inlined next to others). */
  readonly svg: string;
  /** Set when there was nothing to draw: the message the SVG shows. */
  readonly empty?: string;
  /** What to look for, and notes such as dropped points. */
  readonly caption?: string;
}

/** Claim id → its plots, in section order. */
export type PlotSet = ReadonlyMap<string, readonly Plot[]>;

/** One plot per series group (series without a group are grouped by their axis labels). */
function seriesJobs(series: readonly Series[]): PlotJob[] {
  const groups = new Map<string, Series[]>();
  for (const s of series) {
    const g = s.group ?? `${s.y} vs ${s.x}`;
    groups.set(g, [...(groups.get(g) ?? []), s]);
  }
  return [...groups.entries()].map(([group, ss]) => {
    const first = ss[0]!;
    const logY = ss.some((s) => s.logY === true);
    return {
      key: `series-${group}`,
      title: `${first.y} vs ${first.x}${logY ? ' (log scale)' : ''} — ${group}`,
      build: () =>
        linesSpec({
          title: `${first.y} vs ${first.x}`,
          x: first.x,
          y: first.y,
          logX: false,
          logY,
          curves: ss.map((s) => ({ name: s.name, points: s.points, role: s.role })),
        }),
    };
  });
}

const FIGURE_TITLE: Record<Figure['type'], string> = {
  convergence: 'error vs iteration / depth',
  trajectories: 'along trajectories',
  'phase-diagram': 'phase diagram',
  'loglog-fit': 'log–log fit',
};

/** The renderer of each figure type. */
function figureJob(key: string, value: unknown): PlotJob {
  const parsed = parseFigure(key, value);
  if ('problem' in parsed)
    return {
      key: `figure-${key}`,
      title: `figure '${key}'`,
      build: () => ({ empty: `Not drawn: ${parsed.problem} (data kept in report.json).` }),
    };
  const f = parsed.figure;
  const title = f.title ?? `${f.y} vs ${f.x} — ${FIGURE_TITLE[f.type]}`;
  const build = (): SpecOrEmpty => {
    switch (f.type) {
      case 'convergence':
      case 'trajectories':
        return linesSpec({
          title,
          x: f.x,
          y: f.y,
          logX: f.logX ?? false,
          logY: f.logY ?? f.type === 'convergence',
          curves: f.curves.map((c) => ({ ...c, role: c.role ?? 'measured' })),
        });
      case 'phase-diagram':
        return phaseDiagramSpec(f, title);
      case 'loglog-fit':
        return logLogFitSpec(f, title);
    }
  };
  return { key: `figure-${key}`, title, caption: f.caption, build };
}

/** Render one job to a plot with a unique id (a message panel when there is nothing to draw or it fails). */
async function renderJob(job: PlotJob, id: string): Promise<Plot> {
  let built: SpecOrEmpty;
  let svg: string;
  try {
    built = job.build();
    svg = 'spec' in built ? prefixSvgIds(await vegaLiteToSvg(built.spec), id) : messageSvg(job.title, built.empty);
  } catch (e) {
    built = { empty: `Plot failed: ${e instanceof Error ? e.message : String(e)}` };
    svg = messageSvg(job.title, built.empty);
  }
  const note = 'spec' in built ? built.note : undefined;
  const caption = [job.caption, note].filter((s): s is string => Boolean(s)).join(' ');
  return {
    id,
    title: job.title,
    file: `plots/${id}.svg`,
    svg,
    ...('empty' in built ? { empty: built.empty } : {}),
    ...(caption ? { caption } : {}),
  };
}

/** The plots of one claim: its evidence (evidence.ts), then the property's series, figures and fitted rates. */
export async function claimPlots(claim: Claim, r: ClaimResult): Promise<Plot[]> {
  const tag = notAssertedTag(claim);
  const own: PlotJob[] = [
    ...seriesJobs(r.series ?? []),
    ...Object.entries(r.figures ?? {})
      .filter(([, v]) => isPlotRequest(v))
      .map(([k, v]) => figureJob(k, v)),
    ...((r.rates ?? []).length > 0
      ? [
          {
            key: 'rates',
            title: 'fitted rates with 95% intervals',
            build: () => ratesSpec(r.rates, 'Fitted rates: estimate, 95% interval, theory'),
          },
        ]
      : []),
  ].map((j) => (tag ? { ...j, title: `${tag}${j.title}` } : j));
  const jobs = [...evidenceJobs(claim, r, own.length > 0), ...own];
  const used = new Set<string>();
  const plots: Plot[] = [];
  for (const job of jobs) {
    let id = `${slug(claim.id)}--${slug(job.key)}`;
    for (let k = 2; used.has(id); k++) id = `${slug(claim.id)}--${slug(job.key)}-${k}`;
    used.add(id);
    plots.push(await renderJob(job, id));
  }
  return plots;
}

/** The overview figure of the whole report (overview.ts). */
export function overviewPlot(report: Report): Promise<Plot> {
  return renderJob({ key: 'overview', title: 'overview of all claims', build: () => overviewSpec(report) }, 'overview');
}

/** The plots of every claim of a report. */
export async function reportPlots(report: Report): Promise<PlotSet> {
  const out = new Map<string, Plot[]>();
  for (const e of report.entries) out.set(e.claim.id, await claimPlots(e.claim, e.result));
  return out;
}
