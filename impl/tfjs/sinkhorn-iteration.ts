/**
 * What the three domains of the tfjs Sinkhorn (sinkhorn.ts) share: the planted-bug hooks and the state of
 * one solve, set up once by the solver and handed to the domain's iteration (sinkhorn-log-domain.ts,
 * sinkhorn-kernel-domain.ts, sinkhorn-stabilized-domain.ts).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { SinkhornBatch } from '../capabilities/sinkhorn.js';
import type { TensorPool } from './tensor-pool.js';

/** A log-domain half-step (M = −C/ε, the log weights of the updated side, the other side's log scaling). */
type LogHalfStep = (negCostOverEps: tf.Tensor, logW: tf.Tensor, logS: tf.Tensor) => tf.Tensor;

/** The tensor solver; `mutation` hooks let impl/mutants derive wrong variants without copying it. */
export interface TfjsSinkhornHooks {
  rowStep?: LogHalfStep;
  columnStep?: LogHalfStep;
  /** Skip the column update (a planted bug: v stays at v^{(0)}). */
  skipColumnUpdate?: boolean;
  /** Stabilised domain only: never absorb, whatever the range of the scalings (a planted bug). */
  neverAbsorb?: boolean;
}

/** One solve's inputs as tensors, its options and the record of its iterates. */
export interface SinkhornIteration {
  readonly batch: SinkhornBatch;
  readonly hooks: TfjsSinkhornHooks;
  /** Number of iterations L. */
  readonly L: number;
  /** Keep every iterate's log scalings. */
  readonly record: boolean;
  /** The column update is skipped (hook). */
  readonly skip: boolean;
  readonly pool: TensorPool;
  /** M = −C/ε, [B, n, m]. */
  readonly M: tf.Tensor;
  /** log u⁽⁰⁾ = 0 [B, n] and log v⁽⁰⁾ (initLogV or 0) [B, m]. */
  readonly u0: tf.Tensor;
  readonly v0: tf.Tensor;
  /** The log-domain half-steps log u ← log a − LSE(log v + M), log v ← log b − LSE(log u + M). */
  readonly rowStep: (logV: tf.Tensor) => tf.Tensor;
  readonly columnStep: (logU: tf.Tensor) => tf.Tensor;
  /** The stored log scalings (ℓ = 0 first); {@link remember} appends an iterate and keeps its tensors. */
  readonly us: tf.Tensor[];
  readonly vs: tf.Tensor[];
  remember(logU: tf.Tensor, logV: tf.Tensor): void;
}

/** The final log scalings of a domain's iteration, and the stabilised domain's absorption count. */
export interface SinkhornIterate {
  readonly logU: tf.Tensor;
  readonly logV: tf.Tensor;
  readonly absorptions?: number;
}
