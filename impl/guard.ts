/**
 * The call guard: every method of every capability of an implementation under test is raced against
 * a per-call timeout, and what it returns is checked by {@link validateOutput} before any claim reads
 * it. A call that has not settled in time rejects with a {@link CallTimeoutError} naming it
 * (e.g. `sinkhorn.solve`); the call itself is abandoned (JavaScript cannot stop it), and once the
 * guard's signal is aborted every pending call rejects with the signal's reason and no new call
 * reaches the implementation. The timers are not unref'd: a call in flight keeps the process alive.
 */
import type { CapabilityName, Implementation } from './capabilities/index.js';
import { CAPABILITY_NAMES } from './capabilities/index.js';
import { CallTimeoutError } from './errors.js';
import { validateOutput } from './output-validation.js';

export { DEFAULT_CALL_TIMEOUT_S } from './call-timeout.js';

/** The reason a closed guard gives to the calls it abandons: the claim that made them has ended. */
export class GuardClosedError extends Error {
  constructor(what: string) {
    super(`${what} ended; calls still in flight were abandoned`);
    this.name = 'GuardClosedError';
  }
}

/** What the guard has seen: call count, the slowest settled call, calls in flight, the first timeout. */
export class CallLedger {
  calls = 0;
  slowestMs = 0;
  slowestCall: string | undefined;
  timedOut: CallTimeoutError | undefined;
  readonly inFlight = new Map<number, { readonly call: string; readonly startedAt: number }>();
  private next = 0;

  /** @internal */
  start(call: string): number {
    const id = this.next++;
    this.calls++;
    this.inFlight.set(id, { call, startedAt: performance.now() });
    return id;
  }

  /** @internal */
  settle(id: number): void {
    const c = this.inFlight.get(id);
    if (!c) return;
    this.inFlight.delete(id);
    const ms = performance.now() - c.startedAt;
    if (ms > this.slowestMs) {
      this.slowestMs = ms;
      this.slowestCall = c.call;
    }
  }

  /** The names of the calls still in flight, oldest first. */
  pending(): string[] {
    return [...this.inFlight.values()].map((c) => c.call);
  }
}

export interface GuardOptions {
  /** Per-call timeout in milliseconds. */
  readonly callTimeoutMs: number;
  /** When aborted, pending calls reject with `signal.reason` and new calls throw it at once. */
  readonly signal?: AbortSignal;
  /** Records calls, their durations and the first timeout. */
  readonly ledger?: CallLedger;
  /** Called once per timed-out call, before the call rejects. */
  readonly onTimeout?: (error: CallTimeoutError) => void;
}

function isThenable(x: unknown): x is PromiseLike<unknown> {
  if ((typeof x !== 'object' && typeof x !== 'function') || x === null) return false;
  return typeof (x as { then?: unknown }).then === 'function';
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason ?? 'aborted'));
}

/** One guarded method: `capability.method(...args)` raced against the timeout, its result validated. */
function guardMethod(
  capability: CapabilityName,
  method: string,
  target: object,
  fn: (...args: unknown[]) => unknown,
  o: GuardOptions,
): (...args: unknown[]) => unknown {
  const call = `${capability}.${method}`;
  return (...args: unknown[]): unknown => {
    if (o.signal?.aborted) throw abortReason(o.signal);
    const id = o.ledger?.start(call);
    const settle = (): void => {
      if (id !== undefined) o.ledger?.settle(id);
    };
    let result: unknown;
    try {
      result = fn.apply(target, args);
    } catch (e) {
      settle();
      throw e;
    }
    if (!isThenable(result)) {
      settle();
      validateOutput(capability, method, args, result);
      return result;
    }
    return new Promise((resolve, reject) => {
      let done = false;
      const finish = (f: () => void): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        o.signal?.removeEventListener('abort', onAbort);
        settle();
        f();
      };
      const timer = setTimeout(() => {
        const e = new CallTimeoutError(call, o.callTimeoutMs);
        if (o.ledger && !o.ledger.timedOut) o.ledger.timedOut = e;
        o.onTimeout?.(e);
        finish(() => reject(e));
      }, o.callTimeoutMs);
      const onAbort = (): void => finish(() => reject(abortReason(o.signal!)));
      o.signal?.addEventListener('abort', onAbort, { once: true });
      result.then(
        (value) =>
          finish(() => {
            try {
              validateOutput(capability, method, args, value);
              resolve(value);
            } catch (e) {
              reject(e);
            }
          }),
        (e: unknown) => finish(() => reject(e)),
      );
    });
  };
}

/** Every function-valued member of `target`, own or inherited (up to Object.prototype). */
function methodNames(target: object): string[] {
  const names = new Set<string>();
  const up = (p: object): object | null => Object.getPrototypeOf(p) as object | null;
  for (let p: object | null = target; p !== null && p !== Object.prototype; p = up(p)) {
    for (const k of Object.getOwnPropertyNames(p)) {
      const d = Object.getOwnPropertyDescriptor(p, k);
      if (k !== 'constructor' && d && typeof d.value === 'function') names.add(k);
    }
  }
  return [...names];
}

/**
 * A view of a capability object whose methods are guarded; other members (name, precision) are read
 * through the prototype link. Built with Object.create, not a Proxy, so frozen plug-ins work too.
 */
function guardCapability(capability: CapabilityName, target: object, o: GuardOptions): object {
  const view = Object.create(target) as Record<string, unknown>;
  for (const k of methodNames(target)) {
    const fn = (target as Record<string, (...args: unknown[]) => unknown>)[k]!;
    Object.defineProperty(view, k, { value: guardMethod(capability, k, target, fn, o), enumerable: true });
  }
  return view;
}

/**
 * Wrap every method of every capability of `impl` (sinkhorn.solve, sphereDynamics.*, sbAttention.*,
 * otTransformer.*, interpolator.*) in the call guard. Fields that are not capabilities pass through.
 */
export function guardImplementation(impl: Implementation, options: GuardOptions): Implementation {
  if (!(options.callTimeoutMs > 0)) throw new RangeError(`callTimeoutMs must be > 0, got ${options.callTimeoutMs}`);
  const view = Object.create(impl) as Record<string, unknown>;
  for (const c of CAPABILITY_NAMES) {
    const cap: unknown = impl[c];
    if (typeof cap === 'object' && cap !== null) {
      Object.defineProperty(view, c, { value: guardCapability(c, cap, options), enumerable: true });
    }
  }
  return view as Implementation;
}
