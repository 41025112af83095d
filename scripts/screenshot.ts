/**
 * Regenerates the README screenshot (docs/report-screenshot.png): runs `verify` at the ci budget (--budget) into
 * reports/out/screenshot/, opens its report.html in headless Chromium and saves the picture.
 *
 *   tsx scripts/screenshot.ts [--claims globs] [--report report.json] [--out docs/report-screenshot.png]
 *                             [--width 1280] [--height 2400]
 *
 * By default it runs one claim per family and kind (SHOWCASE), so the picture shows the overview figure, the
 * summary table and a claim section with its figures; `--claims '*'` photographs the full report's first
 * screen; `--report` re-renders a saved report.json instead of running verify.
 *
 * A violated claim does not stop it (the picture shows what the report shows); a missing Chromium does.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findChromium, inspectPage } from '../reports/chromium.js';
import { helpText, parseArgs, type OptionSpec } from './lib/args.js';

/** One claim per family and kind: the picture shows the overview, the summary, then a claim with its figures. */
const SHOWCASE = [
  'sinkhorn.birkhoff-contraction',
  'clustering.small-beta',
  'heat.mean-conservation',
  'sinkhorn.franklin-lorenz-rate',
  'ot-transformer.depth-convergence',
  'sorting.error-vanishes-with-depth',
  'energy.monotone',
  'clustering.beta-zero',
  'heat.particles-track-heat-flow',
  'interpolation.clustering-rate',
].join(',');

const OPTIONS: Record<string, OptionSpec> = {
  claims: { type: 'string', description: "claim globs to run ('*' for all)", default: SHOWCASE, valueName: 'globs' },
  report: {
    type: 'string',
    description: 'photograph this saved report.json (re-rendered) instead of running verify',
    valueName: 'file',
  },
  budget: {
    type: 'string',
    description:
      'verify budget (ci: the verdicts CI reaches; quick: seconds, but probabilistic claims may be inconclusive)',
    default: 'ci',
    valueName: 'name',
  },
  out: { type: 'string', description: 'the image to write', default: 'docs/report-screenshot.png', valueName: 'file' },
  width: { type: 'number', description: 'window width in CSS pixels', default: 1280, valueName: 'px' },
  height: { type: 'number', description: 'window height in CSS pixels', default: 2400, valueName: 'px' },
  help: { type: 'boolean', description: 'show this help' },
};

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  if (args['help']) {
    const about = 'Runs verify (ci budget by default), or re-renders --report, and screenshots its report.html.';
    console.log(helpText(`usage: tsx scripts/screenshot.ts [options]\n\n${about}`, OPTIONS));
    return 0;
  }
  const chromium = findChromium();
  if (!chromium) {
    console.error('no Chromium found: install Debian `chromium` (apt-get install -y chromium) or set CHROMIUM');
    return 2;
  }
  const reportDir = join(ROOT, 'reports', 'out', 'screenshot');
  mkdirSync(reportDir, { recursive: true });
  const saved = args['report'] as string | undefined;
  const command = saved
    ? ['report', resolve(saved), '--out', reportDir, '--coverage', 'none']
    : ['verify', '--claims', String(args['claims']), '--budget', String(args['budget']), '--out', reportDir, '--quiet'];
  const cli = ['--import', 'tsx', join(ROOT, 'scripts', 'cli.ts'), ...command];
  const run = spawnSync(process.execPath, cli, { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0 && run.status !== 1) {
    console.error(`${command[0]} exited ${run.status}: no report to photograph`);
    return 1;
  }
  const html = join(reportDir, 'report.html');
  if (!existsSync(html)) {
    console.error(`verify wrote no ${html}`);
    return 1;
  }
  const shot = join(reportDir, 'screenshot.png');
  const page = await inspectPage(html, shot, {
    binary: chromium,
    width: Number(args['width']),
    height: Number(args['height']),
  });
  if (page.consoleErrors.length > 0) console.warn(`console errors while rendering:\n${page.consoleErrors.join('\n')}`);
  const out = resolve(ROOT, String(args['out']));
  mkdirSync(dirname(out), { recursive: true });
  copyFileSync(page.screenshot, out);
  console.log(`screenshot of ${html} → ${out}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  },
);
