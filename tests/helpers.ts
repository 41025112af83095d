/**
 * Shared test helpers: backend initialisation (wasm unless TFJS_BACKEND says otherwise), running a
 * claim at a test budget, and assertions that print the reason and replay command on failure.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as assert from 'uvu/assert';
import { initBackend, type BackendInfo } from '../impl/backend.js';
import type { Implementation } from '../impl/capabilities/index.js';
import { referenceImplementation, tfjsImplementation } from '../impl/implementations.js';
import { propertyFor } from '../properties/index.js';
import { runClaim, type ClaimResult } from '../properties/runner/run-claim.js';
import type { BudgetName } from '../properties/types.js';
import { claimById } from '../theorems/index.js';

/** Initialise tfjs once per process (wasm by default: the CI backend). */
export async function setupBackend(): Promise<BackendInfo> {
  return initBackend(process.env['TFJS_BACKEND'] || 'wasm');
}

export interface TestRunOptions {
  readonly impl?: Implementation | 'tfjs' | 'reference';
  readonly budget?: BudgetName;
  readonly numRuns?: number;
  /** Fixed seed: tests are deterministic. */
  readonly seed?: number;
  readonly path?: string;
  /** Stop at the first failure without shrinking (mutant tests). */
  readonly endOnFailure?: boolean;
}

/** Run one claim as the CLI would, with a fixed seed. */
export async function runClaimForTest(claimId: string, o: TestRunOptions = {}): Promise<ClaimResult> {
  const backend = await setupBackend();
  const impl =
    o.impl === undefined || o.impl === 'tfjs'
      ? tfjsImplementation()
      : o.impl === 'reference'
        ? referenceImplementation()
        : o.impl;
  return runClaim(claimById(claimId), propertyFor(claimId), {
    impl,
    backend: backend.name,
    budget: o.budget ?? ((process.env['TOV_TEST_BUDGET'] as BudgetName | undefined) || 'ci'),
    numRuns: o.numRuns,
    seed: o.seed ?? 20261122,
    path: o.path,
    endOnFailure: o.endOnFailure,
  });
}

/** Assert a claim result is verified; the message carries the reason and the replay command. */
export function assertVerified(r: ClaimResult): void {
  assert.ok(r.instances > 0, `${r.claimId}: no instance was checked`);
  assert.is(r.status, 'verified', `${r.claimId} on ${r.impl}: ${r.status} — ${r.reason}\n  replay: ${r.replay}`);
  assert.is(r.tensorLeak, 0, `${r.claimId}: ${r.tensorLeak} tensors leaked`);
}

/** Assert a claim result rejects (violated or error) — for mutants. */
export function assertRejected(r: ClaimResult): void {
  assert.ok(
    r.status === 'violated' || r.status === 'error',
    `${r.claimId} did not reject ${r.impl}: ${r.status} — ${r.reason}`,
  );
}

/** Number of live tensors (for leak checks). */
export function liveTensors(): number {
  return tf.memory().numTensors;
}

/** A report entry without its timing fields (wall times of claims and of phase-diagram blocks). */
export function withoutTimings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimings);
  if (!value || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  const o = value as Record<string, unknown>;
  if (Array.isArray(o['columns']) && Array.isArray(o['rows'])) {
    const keep = (o['columns'] as string[]).map((c) => c !== 'seconds');
    return {
      ...o,
      rows: (o['rows'] as unknown[][]).map((r) => r.filter((_, k) => keep[k])),
      columns: (o['columns'] as string[]).filter((_, k) => keep[k]),
    };
  }
  // wall times, and the guard ledger's slowest call (which call is slowest depends on timing too)
  const timing = ['durationMs', 'seconds', 'slowestMs', 'slowest'];
  return Object.fromEntries(
    Object.entries(o)
      .filter(([k]) => !timing.includes(k))
      .map(([k, v]) => [k, withoutTimings(v)]),
  );
}
