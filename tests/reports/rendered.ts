/** The fixture report written once per test process (every renderer), shared by the report tests. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../reports/schema.js';
import { writeReport } from '../../reports/write.js';
import { fixtureReport } from './fixture.js';

export interface Rendered {
  readonly report: Report;
  readonly dir: string;
  readonly paths: readonly string[];
  readonly html: string;
  readonly md: string;
  readonly junit: string;
}

let cached: Promise<Rendered> | undefined;

/** Write the fixture report into a fresh temporary directory (once) and read the files back. */
export function renderedFixture(): Promise<Rendered> {
  cached ??= (async () => {
    const report = fixtureReport();
    const dir = mkdtempSync(join(tmpdir(), 'tov-report-'));
    const paths = await writeReport(report, dir, { coverage: false });
    const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
    return { report, dir, paths, html: read('report.html'), md: read('report.md'), junit: read('junit.xml') };
  })();
  return cached;
}

/** The inline <svg>…</svg> elements of each plot figure, by plot id. */
export function plotSvgs(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<figure class="plot[^"]*"[^>]*data-plot-id="([^"]+)"[^>]*>([\s\S]*?)<\/figure>/g)) {
    const svg = /<svg[\s\S]*<\/svg>/.exec(m[2]!);
    out.set(m[1]!, svg ? svg[0] : '');
  }
  return out;
}
