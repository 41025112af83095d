/**
 * Writes report.json and every rendering (report.html, report.md, junit.xml, plots/*.svg) into the
 * output directory, each file atomically (a reader never sees a half-written file).
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEFAULT_COVERAGE_SUMMARY, readCoverageSummary, type CodeCoverage } from './coverage.js';
import { renderHtml } from './html.js';
import { renderJUnit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { overviewPlot, reportPlots } from './plots.js';
import type { Report } from './schema.js';
import { writeFileAtomic } from './atomic-write.js';
import { serializeReport } from './serialize.js';

export { serializeReport };

export interface WriteOptions {
  /**
   * The c8 summary to embed: a path, `false` for none, or a summary already read. Default: auto-detect
   * `coverage/coverage-summary.json` in the working directory (written by `npm test`).
   */
  readonly coverage?: string | false | CodeCoverage;
}

function coverageOf(o: WriteOptions['coverage']): CodeCoverage | undefined {
  if (o === false) return undefined;
  if (typeof o === 'object') return o;
  return readCoverageSummary(o ?? DEFAULT_COVERAGE_SUMMARY);
}

/**
 * Write every rendering; returns the written paths, report.html first (what a person opens), then
 * report.md, junit.xml, report.json. Plot SVGs go to `<out>/plots/`.
 */
export async function writeReport(report: Report, outDir: string, options: WriteOptions = {}): Promise<string[]> {
  const dir = resolve(outDir);
  await mkdir(join(dir, 'plots'), { recursive: true });
  const plots = await reportPlots(report);
  const overview = await overviewPlot(report);
  const coverage = coverageOf(options.coverage);
  // plots from an earlier report in the same directory would otherwise linger next to the new ones
  const current = new Set(
    [...plots.values()]
      .flat()
      .concat(overview)
      .map((p) => p.file),
  );
  for (const f of await readdir(join(dir, 'plots')))
    if (f.endsWith('.svg') && !current.has(`plots/${f}`)) await rm(join(dir, 'plots', f));
  for (const p of [overview, ...[...plots.values()].flat()]) await writeFileAtomic(join(dir, p.file), p.svg);
  const paths = {
    html: join(dir, 'report.html'),
    md: join(dir, 'report.md'),
    junit: join(dir, 'junit.xml'),
    json: join(dir, 'report.json'),
  };
  await writeFileAtomic(paths.json, serializeReport(report));
  await writeFileAtomic(paths.html, renderHtml(report, { plots, coverage, overview }));
  await writeFileAtomic(paths.md, renderMarkdown(report, { plots, coverage }));
  await writeFileAtomic(paths.junit, renderJUnit(report));
  return [paths.html, paths.md, paths.junit, paths.json];
}
