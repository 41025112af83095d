/**
 * Shards that share a split claim (`verify --shard i/N`): each shard runs its share of the claim's work units
 * for the claim's first input and writes their results into an inconclusive entry marked partial; `report
 * --merge` puts the shards' results back together and finishes the claim with the same runner, on the stored
 * results, so the merged entry equals the one a single run writes.
 */
import type { Implementation } from '../../impl/capabilities/index.js';
import { propertyFor } from '../../properties/index.js';
import { runClaim } from '../../properties/runner/run-claim.js';
import { toJSONSafe } from '../../properties/runner/json-safe.js';
import type { BudgetName, ClaimProperty, UnitExecutor } from '../../properties/types.js';
import { estimatedCost, unitCosts } from '../../properties/work-units.js';
import { summarize, type PartialWork, type Report, type ReportEntry } from '../../reports/schema.js';
import type { Claim } from '../../theorems/types.js';

/** A split claim's units can go to different shards when it has one run and no fixed examples. */
function shardable(property: ClaimProperty, budget: BudgetName, numRuns?: number, path?: string): boolean {
  return !!property.units && (numRuns ?? property.runs[budget]) === 1 && !property.examples && path === undefined;
}

/** The costs of a claim's pieces for `shardWork`: its units when shardable, else the whole claim. */
export function shardPieces(claim: Claim, budget: BudgetName, numRuns?: number, path?: string): number[] {
  const property = propertyFor(claim.id);
  return shardable(property, budget, numRuns, path)
    ? unitCosts(property, budget)
    : [estimatedCost(property, budget, numRuns)];
}

/** Executor answering from stored unit results (for the input they were computed on only). */
function storedUnits(partial: PartialWork): UnitExecutor {
  const byIndex = new Map(partial.parts.map((p) => [p.index, p.result]));
  const key = JSON.stringify(partial.input);
  return async (claimId, input, indices) => {
    if (JSON.stringify(toJSONSafe(input)) !== key)
      throw new Error(`${claimId}: the shards' results are for another input`);
    return indices.map((i) => {
      if (!byIndex.has(i)) throw new Error(`${claimId}: no shard ran work unit ${i}`);
      return byIndex.get(i);
    });
  };
}

/**
 * Finish every partial entry of a merged report whose units all came back (the runner on the stored
 * results, as the single run does); an entry still missing units stays inconclusive and says which.
 */
export async function completePartials(report: Report, impl: Implementation): Promise<Report> {
  if (!report.entries.some((e) => e.partial)) return report;
  const entries: ReportEntry[] = [];
  for (const e of report.entries) {
    const partial = e.partial;
    if (!partial) {
      entries.push(e);
      continue;
    }
    const have = new Set(partial.parts.map((p) => p.index));
    const missing = Array.from({ length: partial.units }, (_, k) => k).filter((k) => !have.has(k));
    if (missing.length > 0) {
      const reason = `partial: work units ${missing.join(', ')} of ${partial.units} are in none of the merged shards`;
      entries.push({ ...e, result: { ...e.result, status: 'inconclusive', reason } });
      continue;
    }
    const result = await runClaim(e.claim, propertyFor(e.claim.id), {
      impl,
      implSpec: report.options.impl,
      backend: report.environment.backend,
      budget: e.result.budget,
      seed: partial.seed,
      endOnFailure: true,
      units: storedUnits(partial),
    });
    entries.push({ claim: e.claim, result });
  }
  return { ...report, entries, summary: summarize(entries, report.summary.durationMs) };
}
