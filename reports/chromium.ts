/**
 * Headless Chromium for looking at report.html as a person would: dump the rendered DOM, take a
 * screenshot, and collect the console errors Chromium logs (peers-and-tooling §5 flags, a fresh profile
 * per run, no network).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Candidate binaries: $CHROMIUM first, then Debian's and the usual names. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The Chromium binary to use, or undefined when none is installed. */
export function findChromium(): string | undefined {
  const env = process.env['CHROMIUM'];
  if (env && existsSync(env)) return env;
  return CANDIDATES.find((c) => existsSync(c));
}

interface ChromiumRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--hide-scrollbars',
  '--enable-logging=stderr',
  '--v=0',
];

function run(binary: string, args: readonly string[], timeoutMs: number): Promise<ChromiumRun> {
  const profile = mkdtempSync(join(tmpdir(), 'tov-chromium-'));
  return new Promise((done, fail) => {
    const child = spawn(binary, [...FLAGS, `--user-data-dir=${profile}`, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      fail(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      done({ code, stdout, stderr });
    });
  });
}

/** Console messages Chromium logged at error level, uncaught exceptions and failed loads. */
function consoleErrors(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) =>
      /CONSOLE|Uncaught|Failed to load resource|ERR_(FILE_NOT_FOUND|BLOCKED|NAME_NOT_RESOLVED|INTERNET_DISCONNECTED)/.test(
        l,
      ),
    );
}

export interface PageCheck {
  /** The DOM after parsing and layout (`--dump-dom`). */
  readonly dom: string;
  /** Console errors seen in either run. */
  readonly consoleErrors: readonly string[];
  /** Where the screenshot was written. */
  readonly screenshot: string;
  readonly stderr: string;
}

/** Open an HTML file in headless Chromium: dump its DOM and save a full-width screenshot. */
export async function inspectPage(
  htmlFile: string,
  screenshot: string,
  o: { binary?: string; width?: number; height?: number; timeoutMs?: number } = {},
): Promise<PageCheck> {
  const binary = o.binary ?? findChromium();
  if (!binary) throw new Error('no Chromium found (install Debian `chromium`, or set CHROMIUM)');
  const url = pathToFileURL(resolve(htmlFile)).href;
  const timeout = o.timeoutMs ?? 60_000;
  const size = `--window-size=${o.width ?? 1280},${o.height ?? 2400}`;
  const dom = await run(binary, ['--dump-dom', size, url], timeout);
  const shot = await run(binary, [`--screenshot=${resolve(screenshot)}`, size, url], timeout);
  if (dom.code !== 0) throw new Error(`chromium --dump-dom exited ${dom.code}: ${dom.stderr.slice(-2000)}`);
  if (shot.code !== 0 || !existsSync(screenshot))
    throw new Error(`chromium --screenshot exited ${shot.code}: ${shot.stderr.slice(-2000)}`);
  return {
    dom: dom.stdout,
    consoleErrors: [...consoleErrors(dom.stderr), ...consoleErrors(shot.stderr)],
    screenshot: resolve(screenshot),
    stderr: dom.stderr + shot.stderr,
  };
}
