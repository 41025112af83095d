/** `report`: re-render a saved report.json into the output directory. */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../impl/errors.js';
import { parseReport } from '../reports/schema.js';
import { renderTerminalSummary } from '../reports/terminal.js';
import { writeReport } from '../reports/write.js';
import { helpText, parseArgs, type OptionSpec } from './lib/args.js';

export const REPORT_OPTIONS: Record<string, OptionSpec> = {
  out: { type: 'string', description: 'output directory', default: 'reports/out', valueName: 'dir' },
  help: { type: 'boolean', description: 'show this help' },
};

const USAGE = 'usage: transformer-ot-verify report <report.json> [options]\n\nRe-renders a saved report.json (report.md, …) without re-running anything.';

export async function reportMain(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, REPORT_OPTIONS);
  if (args['help']) {
    console.log(helpText(USAGE, REPORT_OPTIONS));
    return 0;
  }
  const file = args._[0];
  if (!file) throw new UsageError('report needs the path of a report.json');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`cannot read '${file}'`);
  });
  const report = parseReport(text, file);
  const paths = await writeReport(report, String(args['out']));
  console.log(renderTerminalSummary(report, paths));
  return 0;
}
