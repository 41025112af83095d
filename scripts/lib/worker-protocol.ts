/** Messages between the verify process and its worker threads (structured-cloned plain data). */
import type { ClaimRunSettings } from '../../properties/runner/options.js';
import type { BudgetName } from '../../properties/types.js';
import type { LoadOptions } from './load-impl.js';

/** What every worker loads once: the implementation under test and the backend the main thread chose. */
export interface WorkerInit {
  readonly implSpec: string;
  readonly backend: string;
  /** How a Python plug-in is started in the worker (scripts/lib/load-impl.ts). */
  readonly load?: LoadOptions;
}

/** The run settings of one claim (properties/runner/options.ts), with the implementation named for the worker to load. */
export interface WorkerClaimOptions extends ClaimRunSettings {
  readonly implSpec: string;
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
