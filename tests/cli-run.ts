/** Running the CLI as a user does (node + tsx, wasm backend), synchronously or as a live child process. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../', import.meta.url).pathname;
const ENV = { ...process.env, TFJS_BACKEND: 'wasm' };
const ARGS = ['--import', 'tsx', 'scripts/cli.ts'];

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Run the CLI to its end. */
export function cliSync(args: readonly string[], env: Record<string, string> = {}): CliResult {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...ARGS, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...ENV, ...env } });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 };
}

/** A running CLI whose stderr lines can be awaited while it runs. */
export class LiveCli {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  private readonly t0 = performance.now();
  readonly done: Promise<CliResult>;

  constructor(args: readonly string[], env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [...ARGS, ...args], { cwd: ROOT, env: { ...ENV, ...env } });
    this.child.stdout!.on('data', (d: Buffer) => (this.stdout += d.toString()));
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.done = new Promise((resolve) =>
      this.child.on('close', (code, signal) =>
        resolve({
          code,
          signal,
          stdout: this.stdout,
          stderr: this.stderr,
          ms: performance.now() - this.t0,
        }),
      ),
    );
  }

  /** Resolves with the elapsed ms when stderr first matches `re`; rejects if the process ends first. */
  async stderrMatches(re: RegExp): Promise<number> {
    for (;;) {
      if (re.test(this.stderr)) return performance.now() - this.t0;
      const tick = new Promise<false>((r) => setTimeout(() => r(false), 50));
      const ended = await Promise.race([this.done.then(() => true), tick]);
      if (ended && !re.test(this.stderr)) throw new Error(`the CLI ended before stderr matched ${re}:\n${this.stderr}`);
    }
  }
}

export const tmpOut = (): string => mkdtempSync(join(tmpdir(), 'tov-verdict-'));
