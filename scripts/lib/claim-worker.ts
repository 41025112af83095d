/**
 * A verify worker thread: loads the implementation and its own tfjs backend once, then runs what the pool
 * sends — a whole claim through the runner (its tensor-leak check and call guard included), or one work unit of
 * a split claim behind the same call guard, with the unit's tensor balance measured here.
 */
import * as tf from '@tensorflow/tfjs-core';
import { parentPort, workerData } from 'node:worker_threads';
import { initBackend } from '../../impl/backend.js';
import { DEFAULT_CALL_TIMEOUT_S, guardImplementation } from '../../impl/guard.js';
import { propertyFor } from '../../properties/index.js';
import { runClaim } from '../../properties/runner/run-claim.js';
import { runUnit } from '../../properties/work-units.js';
import { CLAIMS } from '../../theorems/index.js';
import { loadImplementation } from './load-impl.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol.js';

/** Interval of the liveness messages; the pool's stall limit is far above it. */
const HEARTBEAT_MS = 1000;
const port = parentPort!;
const post = (m: FromWorker): void => port.postMessage(m);
const init = workerData as WorkerInit;

function message(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

async function handle(
  m: ToWorker,
  impl: Awaited<ReturnType<typeof loadImplementation>>,
  backend: string,
): Promise<unknown> {
  const property = propertyFor(m.claimId);
  if (m.type === 'unit') {
    const before = tf.memory().numTensors;
    // the call guard, as the runner applies it: per-call timeout and output validation
    const guarded = guardImplementation(impl, {
      callTimeoutMs: m.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_S[m.budget] * 1000,
    });
    const result = await runUnit(property, m.input, m.index, { impl: guarded, budget: m.budget });
    return { result, tensorLeak: tf.memory().numTensors - before };
  }
  const claim = CLAIMS.find((c) => c.id === m.claimId);
  if (!claim) throw new Error(`unknown claim '${m.claimId}'`);
  return runClaim(claim, property, {
    ...m.options,
    impl,
    backend,
    onProgress: (done, planned) => post({ type: 'progress', id: m.id, done, planned }),
  });
}

try {
  const impl = await loadImplementation(init.implSpec, init.load);
  const backend = await initBackend(init.backend);
  // one message at a time: the pool never sends a second task before the first is answered
  port.on('message', (m: ToWorker) => {
    handle(m, impl, backend.name).then(
      (value) => post({ type: 'done', id: m.id, value }),
      (e: unknown) => post({ type: 'failed', id: m.id, error: message(e) }),
    );
  });
  // a heartbeat while the event loop turns: only a synchronous stretch (a hung call) silences it
  setInterval(() => post({ type: 'alive' }), HEARTBEAT_MS).unref();
  post({ type: 'ready', backend: backend.name });
} catch (e) {
  post({ type: 'init-failed', error: message(e) });
}
