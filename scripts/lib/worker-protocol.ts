/** Messages between the verify process and its worker threads (structured-cloned plain data). */
import type { BudgetName } from '../../properties/types.js';
import type { LoadOptions } from './load-impl.js';

/** What every worker loads once: the implementation under test and the backend the main thread chose. */
export interface WorkerInit {
  readonly implSpec: string;
  readonly backend: string;
  /** How a Python plug-in is started in the worker (scripts/lib/load-impl.ts). */
  readonly load?: LoadOptions;
}

/** The serialisable part of RunOptions (the worker adds its own implementation and backend). */
export interface WorkerClaimOptions {
  readonly implSpec: string;
  readonly budget: BudgetName;
  readonly numRuns?: number;
  readonly timeLimitMs?: number;
  readonly callTimeoutMs?: number;
  readonly seed?: number;
  readonly path?: string;
  readonly endOnFailure?: boolean;
}

export type ToWorker =
  | { readonly type: 'claim'; readonly id: number; readonly claimId: string; readonly options: WorkerClaimOptions }
  | {
      readonly type: 'unit';
      readonly id: number;
      readonly claimId: string;
      readonly budget: BudgetName;
      readonly input: unknown;
      readonly index: number;
      readonly callTimeoutMs?: number;
    };

export type FromWorker =
  | { readonly type: 'ready'; readonly backend: string }
  | { readonly type: 'init-failed'; readonly error: string }
  | { readonly type: 'alive' }
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly planned: number }
  | { readonly type: 'done'; readonly id: number; readonly value: unknown }
  | { readonly type: 'failed'; readonly id: number; readonly error: string };
