/**
 * One long-lived Python process running the bridge module (python/transformer_ot_verify_bridge.py)
 * over its stdin/stdout: start-up with the protocol handshake, one call at a time, the per-call
 * timeout, and the process's exit or crash. A call that times out kills the process; a process that
 * died (killed, crashed, exited) is replaced by a fresh one at the next call. Startup failures are
 * PluginErrors (exit 2) with one line saying what to install or fix. The process itself, its pipes and
 * its exit, is bridge-process.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CallTimeoutError, PluginError } from '../errors.js';
import { BridgeProcess, PythonExitError } from './bridge-process.js';

/** Version of the frame protocol; the bridge module states its own in its hello. */
const BRIDGE_PROTOCOL = 1;
/** The bridge shipped in python/: two levels up from impl/python/ in the sources, three from dist/impl/python/. */
const DEFAULT_BRIDGE_SCRIPT =
  ['../../python/', '../../../python/']
    .map((up) => fileURLToPath(new URL(`${up}transformer_ot_verify_bridge.py`, import.meta.url)))
    .find((path) => existsSync(path)) ?? 'python/transformer_ot_verify_bridge.py';

export interface BridgeOptions {
  /** Interpreter (default python3). */
  readonly python?: string;
  /** Per-call timeout in ms (default 300 s: long simulations in Python are slow; a hang still ends). */
  readonly callTimeoutMs?: number;
  /** Time allowed for start-up and the handshake, in ms (default 120 s: importing torch is slow). */
  readonly startupTimeoutMs?: number;
  /** The bridge module to run (default: the one shipped in python/). */
  readonly bridgeScript?: string;
  /** Where the user's stderr goes, one line at a time (default: our stderr, prefixed "[python] "). */
  readonly onStderr?: (line: string) => void;
}

/** What the bridge says about one capability of the module. */
interface CapabilityInfo {
  readonly name: string;
  readonly precision: 'float32' | 'float64';
  readonly methods: readonly string[];
}

export interface Hello {
  readonly protocol: number;
  readonly python: string;
  readonly numpy: string;
  readonly msgpack: string;
  readonly capabilities: Readonly<Record<string, CapabilityInfo>>;
}

/** The user's Python code raised: its type, message and the last frames of its traceback. */
class PythonError extends Error {
  constructor(type: string, message: string, frames: readonly string[]) {
    super(`${type}: ${message}${frames.length ? ` [traceback, last frames: ${frames.join(' ← ')}]` : ''}`);
    this.name = 'PythonError';
  }
}

/** One response of the bridge. */
interface Reply {
  readonly id: number;
  readonly ok: boolean;
  readonly result?: unknown;
  /** Time spent in the user's method, measured in Python. */
  readonly seconds?: number;
  readonly error?: { readonly type: string; readonly message: string; readonly traceback: readonly string[] };
}

function installHint(python: string): string {
  return (
    'install Python 3 with NumPy and msgpack (Debian: apt install python3-numpy python3-msgpack) ' +
    `or pass --python <interpreter>; tried '${python}'`
  );
}

/** Start the bridge on `module` and wait for its hello; PluginError (exit 2) when that fails. */
async function start(module: string, o: BridgeOptions): Promise<{ proc: BridgeProcess; hello: Hello }> {
  const python = o.python ?? 'python3';
  const child = spawn(python, ['-u', o.bridgeScript ?? DEFAULT_BRIDGE_SCRIPT, module], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  const spawned = await new Promise<Error | undefined>((resolve) => {
    child.once('spawn', () => resolve(undefined));
    child.once('error', (e) => resolve(e));
  });
  if (spawned) {
    throw new PluginError(module, `cannot start the Python interpreter (${spawned.message}): ${installHint(python)}`);
  }
  const proc = new BridgeProcess(child, o.onStderr ?? ((l) => process.stderr.write(`[python] ${l}\n`)));
  const timeout = o.startupTimeoutMs ?? 120_000;
  let hello: Hello;
  try {
    const late = (): Error => new PluginError(module, `the Python bridge did not answer within ${timeout / 1000} s`);
    hello = (await proc.next(timeout, late)) as Hello;
  } catch (e) {
    if (e instanceof PluginError) throw e;
    const why = `the Python bridge stopped before its handshake (${(e as Error).message}): ${installHint(python)}`;
    throw new PluginError(module, proc.fatal ?? why);
  }
  if (typeof hello !== 'object' || hello === null || hello.protocol !== BRIDGE_PROTOCOL) {
    proc.kill();
    const got = typeof hello === 'object' && hello !== null ? String(hello.protocol) : 'no version';
    throw new PluginError(
      module,
      `protocol mismatch: the bridge module speaks version ${got}, this package version ` +
        `${BRIDGE_PROTOCOL}; reinstall transformer-ot-verify so that python/ and the package agree`,
    );
  }
  return { proc, hello };
}

/** A Python implementation process: calls are queued one at a time; a dead process is replaced on the next call. */
export class PythonSession {
  private proc: BridgeProcess | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** How many processes this session has started (1 + restarts). */
  starts = 0;
  /**
   * Successful calls: their round-trip time (request sent to reply decoded from MessagePack), the time
   * spent in the user's methods (measured in Python), and the schema decoding and validation after it.
   */
  readonly stats = { calls: 0, roundTripMs: 0, pythonMs: 0, decodeMs: 0 };

  private constructor(
    readonly module: string,
    private readonly options: BridgeOptions,
    readonly hello: Hello,
  ) {}

  static async open(module: string, options: BridgeOptions = {}): Promise<PythonSession> {
    const { proc, hello } = await start(module, options);
    const s = new PythonSession(module, options, hello);
    s.proc = proc;
    s.starts = 1;
    return s;
  }

  get callTimeoutMs(): number {
    return this.options.callTimeoutMs ?? 300_000;
  }

  /** Call `cap.method(*args)` in Python; rejects with PythonError, CallTimeoutError or PythonExitError. */
  call(cap: string, method: string, args: readonly unknown[]): Promise<unknown> {
    const run = async (): Promise<unknown> => {
      if (!this.proc?.alive) {
        this.proc = (await start(this.module, this.options)).proc;
        this.starts++;
      }
      const proc = this.proc;
      const sent = performance.now();
      const id = proc.send(cap, method, args);
      const name = `${cap}.${method}`;
      const late = (): Error => new CallTimeoutError(`python ${name}`, this.callTimeoutMs);
      const reply = (await proc.next(this.callTimeoutMs, late)) as Reply;
      if (reply?.id !== id) {
        proc.kill();
        throw new PythonExitError(`the bridge answered request ${String(reply?.id)} to request ${id}`);
      }
      if (!reply.ok) {
        const err = reply.error;
        throw new PythonError(err?.type ?? 'Error', err?.message ?? '', err?.traceback ?? []);
      }
      this.stats.calls++;
      this.stats.roundTripMs += performance.now() - sent;
      this.stats.pythonMs += (reply.seconds ?? 0) * 1000;
      return reply.result;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  close(): void {
    this.proc?.kill();
  }
}
