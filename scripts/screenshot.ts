/**
 * Regenerates the README screenshot (docs/report-screenshot.png): runs `verify` at the ci budget (--budget) into
 * reports/out/screenshot/, opens its report.html in headless Chromium and saves the picture.
 *
 *   tsx scripts/screenshot.ts [--claims globs] [--out docs/report-screenshot.png] [--width 1280] [--height 2400]
 *
 * By default it runs one plotted claim per family (SHOWCASE), so the picture shows the summary table and
 * a claim section with its plot; `--claims '*'` photographs the full report's first screen.
 *
 * A violated claim does not stop it (the picture shows what the report shows); a missing Chromium does.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findChromium, inspectPage } from '../reports/chromium.js';
import { helpText, parseArgs, type OptionSpec } from './lib/args.js';

/** One claim per family, each with a plot: the picture shows the summary, then a claim with its plot. */
const SHOWCASE = [
  'sinkhorn.franklin-lorenz-rate', 'ot-transformer.depth-convergence', 'sorting.error-vanishes-with-depth', 'energy.monotone',
  'clustering.beta-zero', 'heat.particles-track-heat-flow', 'interpolation.clustering-rate',
].join(',');

const OPTIONS: Record<string, OptionSpec> = {
  claims: { type: 'string', description: "claim globs to run ('*' for all)", default: SHOWCASE, valueName: 'globs' },
  budget: { type: 'string', description: 'verify budget (ci: the verdicts CI reaches; quick: seconds, but probabilistic claims may be inconclusive)', default: 'ci', valueName: 'name' },
  out: { type: 'string', description: 'the image to write', default: 'docs/report-screenshot.png', valueName: 'file' },
  width: { type: 'number', description: 'window width in CSS pixels', default: 1280, valueName: 'px' },
  height: { type: 'number', description: 'window height in CSS pixels', default: 2400, valueName: 'px' },
  help: { type: 'boolean', description: 'show this help' },
};

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  if (args['help']) {
    console.log(helpText('usage: tsx scripts/screenshot.ts [options]\n\nRuns verify (ci budget by default) and screenshots its report.html for the README.', OPTIONS));
    return 0;
  }
  const chromium = findChromium();
  if (!chromium) {
    console.error('no Chromium found: install Debian `chromium` (apt-get install -y chromium) or set CHROMIUM');
    return 2;
  }
  const reportDir = join(ROOT, 'reports', 'out', 'screenshot');
  mkdirSync(reportDir, { recursive: true });
  const verify = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'cli.ts'), 'verify', '--claims', String(args['claims']), '--budget', String(args['budget']), '--out', reportDir, '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  if (verify.status !== 0 && verify.status !== 1) {
    console.error(`verify exited ${verify.status}: no report to photograph`);
    return 1;
  }
  const html = join(reportDir, 'report.html');
  if (!existsSync(html)) {
    console.error(`verify wrote no ${html}`);
    return 1;
  }
  const shot = join(reportDir, 'screenshot.png');
  const page = await inspectPage(html, shot, { binary: chromium, width: Number(args['width']), height: Number(args['height']) });
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
