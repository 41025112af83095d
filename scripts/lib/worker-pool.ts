/**
 * A pool of worker threads, each with its own tfjs backend and implementation (the wasm backend is
 * single-threaded in Node, so parallelism means one tfjs per thread). Tasks — whole claims, or work units of
 * a split claim — go to the first free worker, largest estimated cost first. Workers send a heartbeat while
 * their event loop turns; a busy worker silent for `stallMs` (a synchronous stretch: a hung call) is
 * terminated from this thread, which ends even an infinite loop; its task fails with {@link WorkerStallError}
 * and a fresh worker takes its place.
 */
import { Worker } from 'node:worker_threads';
import type { ClaimResult } from '../../properties/runner/run-claim.js';
import type { BudgetName } from '../../properties/types.js';
import type { FromWorker, ToWorker, WorkerClaimOptions, WorkerInit } from './worker-protocol.js';

/** The task ran past the pool's stall limit without a sign of life; its worker was terminated. */
class WorkerStallError extends Error {
  constructor(
    readonly task: string,
    readonly stallMs: number,
  ) {
    super(
      `${task}: the worker thread was unresponsive for ${(stallMs / 1000).toFixed(0)} s (a synchronous hang); it was terminated`,
    );
    this.name = 'WorkerStallError';
  }
}

export interface UnitOutcome {
  readonly result: unknown;
  /** Tensors alive in the worker after the unit minus before (must be 0). */
  readonly tensorLeak: number;
}

interface Task {
  readonly label: string;
  readonly priority: number;
  readonly message: (id: number) => ToWorker;
  readonly onProgress?: (done: number, planned: number) => void;
  readonly resolve: (value: unknown) => void;
  readonly reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  task?: { id: number; task: Task; lastSign: number };
}

export interface PoolOptions {
  /** Silence after which a busy worker is terminated (ms). */
  readonly stallMs: number;
}

/**
 * The worker entry next to this module: the compiled claim-worker.js, or from the TypeScript sources a boot
 * file that registers tsx's loader in the thread first.
 */
const ENTRY = new URL(import.meta.url.endsWith('.ts') ? './worker-boot.mjs' : './claim-worker.js', import.meta.url);

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private readonly watchdog: NodeJS.Timeout;
  /** Backend name the workers reported. */
  backend = '';

  constructor(
    readonly size: number,
    private readonly init: WorkerInit,
    private readonly options: PoolOptions,
  ) {
    for (let k = 0; k < size; k++) this.slots.push(this.spawn());
    this.watchdog = setInterval(() => this.checkStalls(), Math.min(1000, Math.max(50, options.stallMs / 4)));
    this.watchdog.unref();
  }

  /** Resolves when every worker has loaded its backend and implementation; rejects with the first failure. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  /** Run a whole claim in a worker (the runner there, with its leak check and call timeouts). */
  runClaim(
    claimId: string,
    options: WorkerClaimOptions,
    priority: number,
    onProgress?: (done: number, planned: number) => void,
  ): Promise<ClaimResult> {
    return this.submit<ClaimResult>({
      label: claimId,
      priority,
      onProgress,
      message: (id) => ({ type: 'claim', id, claimId, options }),
    });
  }

  /** Evaluate work unit `index` of a split claim for one input in a worker. */
  runUnit(
    claimId: string,
    budget: BudgetName,
    input: unknown,
    index: number,
    priority: number,
    callTimeoutMs?: number,
  ): Promise<UnitOutcome> {
    return this.submit<UnitOutcome>({
      label: `${claimId} unit ${index}`,
      priority,
      message: (id) => ({ type: 'unit', id, claimId, budget, input, index, callTimeoutMs }),
    });
  }

  /** Stop every worker now; queued and running tasks fail. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watchdog);
    for (const t of this.queue.splice(0)) t.reject(new Error('worker pool closed'));
    await Promise.all(
      this.slots.map(async (s) => {
        s.task?.task.reject(new Error('worker pool closed'));
        s.task = undefined;
        await s.worker.terminate();
      }),
    );
  }

  private submit<T>(t: Omit<Task, 'resolve' | 'reject'>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('worker pool closed'));
    return new Promise<T>((resolve, reject) => {
      const task: Task = { ...t, resolve: resolve as (v: unknown) => void, reject };
      // largest estimated cost first (stable among equals): long tasks start early, short ones fill the gaps
      let at = this.queue.findIndex((q) => q.priority < task.priority);
      if (at < 0) at = this.queue.length;
      this.queue.splice(at, 0, task);
      this.dispatch();
    });
  }

  private spawn(): Slot {
    // referenced: a run waiting on its workers stays alive until close() terminates them
    const worker = new Worker(ENTRY, { workerData: this.init });
    let markReady!: () => void;
    let failReady!: (e: unknown) => void;
    const slot: Slot = {
      worker,
      ready: new Promise<void>((res, rej) => {
        markReady = res;
        failReady = rej;
      }),
    };
    slot.ready.catch(() => undefined);
    let started = false;
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'ready') {
        started = true;
        this.backend = m.backend;
        markReady();
        this.dispatch();
        return;
      }
      if (m.type === 'init-failed') {
        failReady(new Error(m.error));
        return;
      }
      const running = slot.task;
      if (m.type === 'alive') {
        if (running) running.lastSign = performance.now();
        return;
      }
      if (!running || running.id !== m.id) return;
      running.lastSign = performance.now();
      if (m.type === 'progress') {
        running.task.onProgress?.(m.done, m.planned);
        return;
      }
      slot.task = undefined;
      if (m.type === 'done') running.task.resolve(m.value);
      else running.task.reject(new Error(m.error));
      this.dispatch();
    });
    const lost = (why: string): void => {
      if (!started) failReady(new Error(`worker thread failed to start: ${why}`));
      if (this.closed || !this.slots.includes(slot)) return;
      slot.task?.task.reject(new Error(`worker thread died: ${why}`));
      slot.task = undefined;
      this.replace(slot);
    };
    worker.on('error', (e) => lost(e instanceof Error ? e.message : String(e)));
    worker.on('exit', (code) => lost(`the thread exited with code ${code} (process.exit inside the implementation?)`));
    return slot;
  }

  private replace(slot: Slot): void {
    const k = this.slots.indexOf(slot);
    if (k < 0) return;
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    this.slots[k] = this.spawn();
  }

  private checkStalls(): void {
    const now = performance.now();
    for (const slot of [...this.slots]) {
      const running = slot.task;
      if (!running || now - running.lastSign <= this.options.stallMs) continue;
      slot.task = undefined;
      running.task.reject(new WorkerStallError(running.task.label, this.options.stallMs));
      this.replace(slot);
    }
    this.dispatch();
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.task) continue;
      void slot.ready.then(
        () => this.assign(slot),
        () => this.failAll(slot),
      );
    }
  }

  private assign(slot: Slot): void {
    if (this.closed || slot.task || !this.slots.includes(slot)) return;
    const task = this.queue.shift();
    if (!task) return;
    const id = this.nextId++;
    slot.task = { id, task, lastSign: performance.now() };
    slot.worker.postMessage(task.message(id));
  }

  /** A worker that cannot start (bad plug-in, missing backend) fails every queued task with its reason. */
  private failAll(slot: Slot): void {
    void slot.ready.catch((e: unknown) => {
      for (const t of this.queue.splice(0)) t.reject(e);
    });
  }
}
