/**
 * `report`: re-render a saved report.json (report.html, report.md, junit.xml, plots/*.svg) without
 * re-running anything; or `report --compare old.json new.json`: list claims whose status changed or
 * whose fitted rate left the old 95% interval, as text and as a page, compare.html (exit 1 on any regression, 0
 * otherwise). A partial report (an interrupted run) re-renders like any other, marked partial with the claims it
 * did not reach.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError } from '../impl/errors.js';
import { compareReports, renderComparison } from '../reports/compare.js';
import { renderCompareHtml } from '../reports/compare-html.js';
import { parseReport, type Report } from '../reports/schema.js';
import { renderTerminalSummary } from '../reports/terminal.js';
import { mergeReports } from '../reports/merge.js';
import { initBackend } from '../impl/backend.js';
import { loadImplementation } from './lib/load-impl.js';
import { completePartials } from './lib/shard-units.js';
import { writeReport } from '../reports/write.js';
import { helpText, parseArgs, type OptionSpec } from './lib/args.js';
import { exitCodeOf } from './lib/exit-code.js';
import { prepareOutDir } from './lib/out-dir.js';

export const REPORT_OPTIONS: Record<string, OptionSpec> = {
  out: { type: 'string', description: 'output directory', default: 'reports/out', valueName: 'dir' },
  compare: {
    type: 'boolean',
    description: 'compare two reports: report --compare old.json new.json (exit 1 on a regression)',
  },
  'compare-html': {
    type: 'string',
    description: 'with --compare: where to write the comparison page (default: compare.html next to new.json)',
    valueName: 'file',
  },
  merge: {
    type: 'boolean',
    description: 'merge shard reports (verify --shard i/N): report --merge a.json b.json … --out dir',
  },
  coverage: {
    type: 'string',
    description:
      'c8 coverage summary to embed (default: coverage/coverage-summary.json when present; "none" to leave out)',
    valueName: 'file',
  },
  help: { type: 'boolean', description: 'show this help' },
};

const USAGE = [
  'usage: transformer-ot-verify report <report.json> [--out dir]',
  '       transformer-ot-verify report --compare <old.json> <new.json>',
  '       transformer-ot-verify report --merge <shard.json>… [--out dir]',
  '',
  'Re-renders a saved report.json (report.html, report.md, junit.xml, plots/*.svg) without re-running anything.',
  'With --compare, lists claims whose status changed or whose fitted rate moved outside the old 95% interval,',
  'and writes the same as a page (compare.html: status changes, old and new rate intervals side by side);',
  'exits 1 when any claim regressed (verified → violated/error, or a rate left its interval).',
].join('\n');

async function load(file: string): Promise<Report> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`cannot read '${file}'`);
  });
  try {
    return parseReport(text, file);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

export async function reportMain(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, REPORT_OPTIONS);
  if (args['help']) {
    console.log(helpText(USAGE, REPORT_OPTIONS));
    return 0;
  }
  if (args['compare']) {
    const [oldFile, newFile, extra] = args._;
    if (!oldFile || !newFile || extra !== undefined)
      throw new UsageError('report --compare needs exactly two reports: old.json new.json');
    const [oldReport, newReport] = [await load(oldFile), await load(newFile)];
    const comparison = compareReports(oldReport, newReport);
    console.log(renderComparison(comparison, oldFile, newFile));
    const page = String(args['compare-html'] ?? join(dirname(newFile), 'compare.html'));
    await writeFile(page, await renderCompareHtml(comparison, oldReport, newReport, { old: oldFile, new: newFile }));
    console.log(`comparison page: ${page}`);
    return comparison.regressions > 0 ? 1 : 0;
  }
  const cov = args['coverage'] as string | undefined;
  const coverage = cov === undefined ? {} : { coverage: cov === 'none' ? (false as const) : cov };
  if (args['merge']) {
    if (args._.length === 0) throw new UsageError('report --merge needs the shard reports to merge');
    let merged: Report;
    try {
      merged = mergeReports(await Promise.all(args._.map(load)));
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    if (merged.entries.some((e) => e.partial)) {
      // split claims shared by the shards: the runner finishes them on the stored unit results
      await initBackend(merged.environment.backend);
      merged = await completePartials(merged, await loadImplementation(merged.options.impl));
    }
    const paths = await writeReport(merged, prepareOutDir(String(args['out'])), coverage);
    console.log(renderTerminalSummary(merged, paths));
    return exitCodeOf(merged);
  }
  const [file, extra] = args._;
  if (!file) throw new UsageError('report needs the path of a report.json');
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
  const report = await load(file);
  const paths = await writeReport(report, prepareOutDir(String(args['out'])), coverage);
  console.log(renderTerminalSummary(report, paths));
  return 0;
}
