/**
 * A started Python bridge process (python/transformer_ot_verify_bridge.py) seen from Node: its stdout
 * decoded into frames, its stderr forwarded line by line with the last lines kept for error messages,
 * one pending reply at a time with a timeout, and its exit or crash turned into a PythonExitError.
 * Every live process is killed when Node exits.
 */
import type { ChildProcess } from 'node:child_process';
import { encodeRequest, FrameReader } from './codec.js';

const FATAL = 'TOV_BRIDGE_FATAL ';
const STDERR_TAIL = 20;

/** The Python process died while serving a call (exit, signal, crash). */
export class PythonExitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PythonExitError';
  }
}

interface Pending {
  readonly resolve: (x: unknown) => void;
  readonly reject: (e: Error) => void;
}

const LIVE = new Set<ChildProcess>();
process.once('exit', () => LIVE.forEach((c) => c.kill('SIGKILL')));

function unref(x: unknown): void {
  (x as { unref?: () => void } | null)?.unref?.();
}

/** A started bridge process: `send` writes one request, `next` awaits the next reply (or the exit, or the timeout). */
export class BridgeProcess {
  private readonly reader = new FrameReader();
  private readonly tail: string[] = [];
  private pending: Pending | undefined;
  private exitedWith: string | undefined;
  private nextId = 1;
  private killed = false;
  private readonly onMessage: Array<(m: unknown) => void> = [];

  constructor(
    readonly child: ChildProcess,
    private readonly onStderr: (line: string) => void,
  ) {
    LIVE.add(child);
    let partial = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (s: string) => {
      const lines = (partial + s).split('\n');
      partial = lines.pop()!;
      for (const line of lines) this.stderrLine(line);
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      try {
        for (const m of this.reader.push(chunk)) this.onMessage.forEach((f) => f(m));
      } catch (e) {
        this.kill();
        this.fail(new PythonExitError(`the bridge sent a malformed frame (${(e as Error).message})`));
      }
    });
    child.stdin!.on('error', () => undefined);
    child.on('exit', (code, signal) => {
      LIVE.delete(child);
      this.exitedWith = signal ? `was killed by ${signal}` : `exited with status ${code}`;
      let finished = false;
      const finish = (): void => {
        if (finished) return;
        finished = true;
        if (partial) this.stderrLine(partial);
        partial = '';
        this.fail(new PythonExitError(`the Python process ${this.exitedWith}${this.stderrSummary()}`));
      };
      // the last stderr lines may arrive after the exit: wait for the pipe to close, briefly
      child.stderr!.once('close', finish);
      setTimeout(finish, 200).unref();
    });
    for (const s of [child, child.stdin, child.stdout, child.stderr]) unref(s);
  }

  get alive(): boolean {
    return this.exitedWith === undefined && !this.killed;
  }

  /** The fatal start-up line of the bridge, if it wrote one. */
  get fatal(): string | undefined {
    return this.tail.find((l) => l.startsWith(FATAL))?.slice(FATAL.length);
  }

  private stderrLine(line: string): void {
    this.tail.push(line);
    if (this.tail.length > STDERR_TAIL) this.tail.shift();
    if (!line.startsWith(FATAL)) this.onStderr(line);
  }

  private stderrSummary(): string {
    const last = this.tail.filter((l) => l.trim()).slice(-3);
    return last.length ? `; last stderr: ${last.join(' | ')}` : '';
  }

  private fail(e: Error): void {
    const p = this.pending;
    this.pending = undefined;
    p?.reject(e);
  }

  kill(): void {
    if (this.alive) this.child.kill('SIGKILL');
    this.killed = true;
  }

  /** The next message, or a rejection after `timeoutMs` (then `onTimeout` decides the error) or at exit. */
  next(timeoutMs: number, onTimeout: () => Error): Promise<unknown> {
    if (this.exitedWith !== undefined) {
      return Promise.reject(new PythonExitError(`the Python process ${this.exitedWith}${this.stderrSummary()}`));
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        this.kill();
        reject(onTimeout());
      }, timeoutMs);
      const done = (f: (x: never) => void) => (x: unknown) => {
        clearTimeout(timer);
        this.onMessage.length = 0;
        f(x as never);
      };
      this.pending = { resolve: done(resolve), reject: done(reject) };
      this.onMessage.push((m) => this.pending?.resolve(m));
    });
  }

  send(cap: string, method: string, args: readonly unknown[]): number {
    const id = this.nextId++;
    this.child.stdin!.write(encodeRequest(id, cap, method, args));
    return id;
  }
}
