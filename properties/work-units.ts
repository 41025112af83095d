/**
 * Work units of a large claim (docs/architecture.md, "Runner"): a batch split into independent pieces that the runner
 * evaluates in parallel workers and that shards divide. The pieces are joined in plan order, so a claim's
 * outcome never depends on how many workers ran it or which ran what.
 */
import { CI_SECONDS_PER_RUN } from './cost-table.js';
import type { BatchOutcome, BudgetName, ClaimProperty, PropertyContext, WorkUnits } from './types.js';

/** Seconds per run assumed for a property that declares no cost (the median claim at the ci budget). */
const DEFAULT_RUN_SECONDS = 0.05;

/** The batch outcome of a split property: every unit evaluated (through `ctx.units` when given), joined in order. */
export async function runByUnits<I>(
  claimId: string,
  units: WorkUnits<I>,
  input: I,
  ctx: PropertyContext,
): Promise<BatchOutcome> {
  const plan = units.plan(ctx.budget);
  const indices = plan.map((_, k) => k);
  let results: unknown[];
  if (ctx.units) {
    results = await ctx.units(claimId, input, indices);
    if (results.length !== plan.length)
      throw new Error(`${claimId}: ${results.length} unit results for ${plan.length} units`);
  } else {
    results = [];
    for (const p of plan) results.push(await units.run(input, p.unit, ctx));
  }
  return units.join(input, results, ctx);
}

/** Evaluate unit `index` of a split property's plan for one input (what a worker does for the runner). */
export async function runUnit(
  property: ClaimProperty,
  input: unknown,
  index: number,
  ctx: PropertyContext,
): Promise<unknown> {
  const units = property.units;
  if (!units) throw new Error(`claim '${property.claimId}' has no work units`);
  const planned = units.plan(ctx.budget)[index];
  if (!planned) throw new Error(`claim '${property.claimId}' has no work unit ${index} at budget '${ctx.budget}'`);
  return units.run(input, planned.unit, ctx);
}

/** Estimated costs (seconds on one core) of a split property's units at a budget; empty when it has none. */
export function unitCosts(property: ClaimProperty, budget: BudgetName): number[] {
  return property.units ? property.units.plan(budget).map((p) => p.cost) : [];
}

/**
 * Estimated seconds of a whole claim on one core: its units' costs, else its declared cost, else the measured
 * table, else a default per run.
 */
export function estimatedCost(property: ClaimProperty, budget: BudgetName, runs?: number): number {
  const planned = runs ?? property.runs[budget];
  const units = unitCosts(property, budget);
  if (units.length > 0) return planned * units.reduce((s, c) => s + c, 0);
  const perRun = property.cost?.[budget] ?? CI_SECONDS_PER_RUN[property.claimId] ?? DEFAULT_RUN_SECONDS;
  return planned * perRun;
}
