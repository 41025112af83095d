/** What one claim's run is given (docs/architecture.md, "Runner"). */
import type { Implementation } from '../../impl/capabilities/index.js';
import type { BudgetName, UnitExecutor } from '../types.js';

/** The serialisable settings of one claim's run: plain data, as sent to a worker thread. */
export interface ClaimRunSettings {
  /** How the implementation is named on the command line (`--impl`), for the replay command. */
  readonly implSpec?: string;
  readonly budget: BudgetName;
  /** Overrides the property's runs for the budget. */
  readonly numRuns?: number;
  /**
   * Wall-clock limit for this claim (fast-check interruptAfterTimeLimit, which also races the run in
   * flight; a call still in flight then is abandoned).
   */
  readonly timeLimitMs?: number;
  /** Per-call timeout of the call guard in milliseconds (default: DEFAULT_CALL_TIMEOUT_S of the budget, impl/guard.ts). */
  readonly callTimeoutMs?: number;
  readonly seed?: number;
  /** fast-check counterexample path, for exact replay (needs `seed`). */
  readonly path?: string;
  /** Stop at the first failing run without shrinking (kill matrices need a verdict, not a minimal input). */
  readonly endOnFailure?: boolean;
}

/** The settings plus what stays in this thread: the implementation, its backend, progress and unit executor. */
export interface RunOptions extends ClaimRunSettings {
  readonly impl: Implementation;
  readonly backend: string;
  readonly onProgress?: (runsDone: number, runsPlanned: number) => void;
  /** Where a split claim's work units run (parallel workers); absent: here, in order. */
  readonly units?: UnitExecutor;
}
