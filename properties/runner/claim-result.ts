/**
 * What the runner (run-claim.ts) returns for one claim: the verdict, the shrunk counterexample and its replay
 * command, the measured-vs-theory statistics, fitted rates, coverage and timings (docs/architecture.md, "Runner").
 */
import type { BudgetName, DataTable, FittedRate, Measurement, Proportion, Series, Status } from '../types.js';
import type { CoverageBin, QuantityStats } from './aggregate.js';

export interface Counterexample {
  /** The shrunk input, JSON-safe. */
  readonly input: unknown;
  /** Measurements of the shrunk input that failed (at most 20). */
  readonly failing: readonly Measurement[];
  /** Error message when the implementation threw instead of returning. */
  readonly error?: string;
  readonly numShrinks: number;
}

export interface ClaimResult {
  readonly claimId: string;
  readonly status: Status;
  readonly reason: string;
  readonly impl: string;
  readonly backend: string;
  /** The accuracy model(s) the claim's tolerances were derived from, one per required capability. */
  readonly accuracy?: string;
  readonly budget: BudgetName;
  readonly seed: number;
  readonly path?: string;
  readonly runs: number;
  readonly instances: number;
  readonly interrupted: boolean;
  readonly counterexample?: Counterexample;
  /** The one command that replays the failure (or the run, when verified). */
  readonly replay: string;
  readonly quantities: readonly QuantityStats[];
  readonly coverage: Readonly<Record<string, readonly CoverageBin[]>>;
  readonly rates: readonly FittedRate[];
  readonly proportions: readonly Proportion[];
  readonly tables: readonly DataTable[];
  readonly series: readonly Series[];
  readonly figures?: Readonly<Record<string, unknown>>;
  readonly durationMs: number;
  /** Tensors alive after the claim minus before (must be 0). */
  readonly tensorLeak: number;
  /** Calls into the implementation under test and the slowest one that settled. */
  readonly calls?: { readonly count: number; readonly slowestMs: number; readonly slowest?: string };
}
