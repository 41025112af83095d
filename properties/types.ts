/**
 * The property contract (docs/architecture.md, "Property"): for one claim, a shrinkable fast-check arbitrary
 * over the claim's hypotheses that draws a *batch* of instances of one shape, and a check that
 * evaluates the batch in one tensor pass and returns measurements. A property receives the
 * implementation under test in its context and never imports a concrete implementation; float64
 * oracles (impl/reference) are ground truth and may be imported.
 */
import type * as fc from 'fast-check';
import type { Implementation } from '../impl/capabilities/index.js';
import type { Claim } from '../theorems/types.js';

export type Relation = '<=' | '>=' | '==';

/** One compared quantity on one instance: measured (relation) bound, with the analysed slack. */
export interface Measurement {
  /** Index of the instance inside its batch. */
  readonly instance: number;
  /** Name of the compared quantity, e.g. "d_H(Kv,Kv′) ≤ κ·d_H(v,v′)". Measurements aggregate by it. */
  readonly quantity: string;
  readonly measured: number;
  readonly relation: Relation;
  /** The theoretical value (bound, limit, closed form). */
  readonly bound: number;
  /** Slack allowed by the float error analysis written next to the check. */
  readonly tolerance: number;
  readonly pass: boolean;
}

/** Data for one plotted curve (error vs iteration, energy vs time, …). */
export interface Series {
  readonly name: string;
  readonly x: string;
  readonly y: string;
  readonly points: ReadonlyArray<readonly [number, number]>;
  /** 'measured' curves are drawn as lines, 'theory' as dashed bounds. */
  readonly role: 'measured' | 'theory';
  readonly logY?: boolean;
  /** Plot group: series with the same group share one plot. */
  readonly group?: string;
}

/** A fitted rate (slope, contraction factor) with a 95% interval, against the theory. */
export interface FittedRate {
  readonly name: string;
  readonly estimate: number;
  readonly ci95: readonly [number, number];
  /** Theoretical value, or an interval of admissible values. */
  readonly theory: number | readonly [number, number];
  /** How the estimate and interval were obtained ("OLS on log–log, t-interval"). */
  readonly method: string;
  /** The parameter ladder the fit used. */
  readonly ladder?: readonly number[];
  readonly verdict: 'consistent' | 'inconsistent' | 'inconclusive';
}

/** A proportion of successes with an exact (Clopper–Pearson) interval. */
export interface Proportion {
  readonly name: string;
  readonly successes: number;
  readonly trials: number;
  readonly ci: readonly [number, number];
  /** Confidence level of the interval (e.g. 0.999 for a false-alarm level of 1e-3). */
  readonly level: number;
  /** The claimed lower bound p₀ on the probability. */
  readonly threshold: number;
  readonly verdict: 'verified' | 'violated' | 'inconclusive';
}

/** A free-form table for the report (e.g. depth ladders, figure data). */
export interface DataTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<number | string>>;
}

export type Status = 'verified' | 'violated' | 'inconclusive' | 'error' | 'skipped' | 'reported';

interface Verdict {
  readonly status: 'verified' | 'violated' | 'inconclusive';
  readonly reason: string;
}

/** What one run of a property (one batch) produced. */
export interface BatchOutcome {
  /** Number of random instances this batch checked. */
  readonly instances: number;
  readonly measurements: readonly Measurement[];
  /** Per-instance coordinates in the hypothesis space (n, d, ε, β, λ, depth, …), for coverage bins. */
  readonly coverage: ReadonlyArray<Readonly<Record<string, number | string>>>;
  readonly series?: readonly Series[];
  /** Named per-instance numbers for `summarize` (slopes, success flags, iteration counts). */
  readonly data?: Readonly<Record<string, readonly number[]>>;
}

/** A claim-level summary computed from all (non-shrinking) batch outcomes. */
export interface ClaimSummary {
  /** Overrides the per-run verdict: used by rate, limit and probabilistic claims. */
  readonly verdict?: Verdict;
  readonly rates?: readonly FittedRate[];
  readonly proportions?: readonly Proportion[];
  readonly series?: readonly Series[];
  readonly tables?: readonly DataTable[];
  /** Extra data that report.json carries for plotting (figure reproductions). */
  readonly figures?: Readonly<Record<string, unknown>>;
}

export type BudgetName = 'quick' | 'ci' | 'thorough';

export interface PropertyContext {
  readonly impl: Implementation;
  readonly budget: BudgetName;
  /**
   * Runs work units of a claim (possibly in other threads) and returns their results in the order asked;
   * absent: the units run here, one after the other. Results never depend on who ran them.
   */
  readonly units?: UnitExecutor;
}

/** Evaluates the listed units (indices into the claim's plan) for one input; results in the same order. */
export type UnitExecutor = (claimId: string, input: unknown, indices: readonly number[]) => Promise<unknown[]>;

/** One independent piece of a batch's work, with its estimated cost in seconds on one core. */
interface PlannedUnit<U> {
  readonly unit: U;
  readonly cost: number;
}

/**
 * A batch split into independent work units (e.g. cells of a parameter grid): the runner may evaluate
 * them in parallel, and shards divide them. `run` of such a property is {@link runByUnits} over them.
 * Units and their results must be structured-clonable (plain data, typed arrays).
 */
export interface WorkUnits<I, U = unknown, R = unknown> {
  /** The pieces of one batch at this budget (independent of the input's value). */
  plan(budget: BudgetName): readonly PlannedUnit<U>[];
  /** Evaluate one piece; its tensors are disposed before it returns. */
  run(input: I, unit: U, ctx: PropertyContext): Promise<R>;
  /** Combine all pieces' results, in plan order, into the batch outcome. */
  join(input: I, results: readonly R[], ctx: PropertyContext): BatchOutcome;
}

/**
 * What a property file writes, for inputs of type I; `defineProperty` attaches the claim. Members are function-typed
 * (not methods) so that a spec of one input type is never silently taken for another.
 */
export interface PropertySpec<I> {
  /** The batch arbitrary (may depend on the budget). */
  readonly arbitrary: (budget: BudgetName) => fc.Arbitrary<I>;
  /** Fixed inputs always checked first (closed-form peer cases). */
  readonly examples?: readonly I[];
  /** Evaluate one batch. Throwing means an error, not a violation. */
  readonly run: (input: I, ctx: PropertyContext) => Promise<BatchOutcome>;
  /** Aggregate all outcomes of the run (rates, proportions, figure data, a verdict). */
  readonly summarize?: (
    outcomes: readonly BatchOutcome[],
    ctx: PropertyContext,
  ) => ClaimSummary | Promise<ClaimSummary>;
  /** A JSON-friendly view of an input, for counterexamples. Defaults to typed arrays → arrays. */
  readonly describe?: (input: I) => unknown;
  /** Runs per budget, and a fixed default seed for deterministic claims (probabilistic, limit). */
  readonly runs: Readonly<Record<BudgetName, number>>;
  readonly defaultSeed?: number;
  /** Numeric coverage keys and their bin edges (values are binned as [e_k, e_{k+1})). */
  readonly coverageBins?: Readonly<Record<string, readonly number[]>>;
  /**
   * The batch as independent work units (large claims): parallel workers and shards share them. Their unit and
   * result types stay private to them (plan feeds only their run, run only their join), so they are not named here.
   */
  readonly units?: WorkUnits<I>;
  /** Estimated seconds of one run on one core, per budget (scheduling and shard balance); units sum theirs. */
  readonly cost?: Readonly<Partial<Record<BudgetName, number>>>;
}

/**
 * A registered property: the claim it checks and its spec with the input type erased (made only by
 * `defineProperty`). The runner feeds `run` and `describe` only values drawn from the same property's `arbitrary`
 * or `examples`, so the erasure never mixes input types.
 */
export interface ClaimProperty extends PropertySpec<unknown> {
  /** The claim record this property checks: the registry's own object. */
  readonly claim: Claim;
  /** `claim.id`. */
  readonly claimId: string;
}
