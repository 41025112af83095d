/**
 * Which figures a claim's evidence gets, chosen by the claim's kind and role and by what its result records
 * (never by claim id, so a new claim gets its figures without a line here):
 *
 * - a violated claim's shrunk counterexample, when its input has a drawable shape (counterexample-plot.ts);
 * - bound claims: the ECDF of measured / bound split by the main coverage bin, for the (at most two) tightest
 *   quantities, and the tightness of every quantity when there are several;
 * - probabilistic claims (and any claim recording proportions): proportion and exact interval against p₀;
 * - rate and limit claims: their fitted rates and log–log fits (plots.ts) — and the ECDF of their checks when the
 *   property draws nothing else;
 * - exploratory and negative-control claims: the same pictures, titled "not asserted".
 */
import type { QuantityStats } from '../properties/runner/aggregate.js';
import type { ClaimResult } from '../properties/runner/run-claim.js';
import type { Claim } from '../theorems/types.js';
import { counterexampleSpec, findPicture } from './counterexample-plot.js';
import { checksEcdfSpec, proportionsSpec, quantityTightnessSpec, sampleTightness } from './evidence-specs.js';
import type { SpecOrEmpty } from './plot-specs.js';

export interface PlotJob {
  readonly key: string;
  readonly title: string;
  readonly caption?: string;
  readonly build: () => SpecOrEmpty;
}

/** ECDFs drawn per claim: the tightest quantities first. */
const MAX_ECDFS = 2;

/** Quantities by how close their worst check came to the bound, tightest first; broken ones lead. */
function tightestQuantities(qs: readonly QuantityStats[]): QuantityStats[] {
  const worst = (q: QuantityStats): number => (q.sample ? (sampleTightness(q.sample)?.worst ?? -Infinity) : -Infinity);
  return qs
    .filter((q) => q.sample && q.sample.groups.some((g) => g.points.length > 0 || g.zeros > 0))
    .sort((a, b) => (b.failures > 0 ? 1 : 0) - (a.failures > 0 ? 1 : 0) || worst(b) - worst(a));
}

/** A label prefix for claims that are measured but never fail the run. */
export function notAssertedTag(claim: Claim): string {
  return claim.role === 'asserted'
    ? ''
    : claim.role === 'exploratory'
      ? 'exploratory, not asserted — '
      : 'negative control, not asserted — ';
}

/**
 * The evidence figures of one claim, before the property's own series and figures.
 * `drawsOwn`: whether the property already draws something (series, figures or rates).
 */
export function evidenceJobs(claim: Claim, r: ClaimResult, drawsOwn: boolean): PlotJob[] {
  const tag = notAssertedTag(claim);
  const notAsserted = tag !== '';
  const jobs: PlotJob[] = [];
  if (r.counterexample && findPicture(r.counterexample.input)) {
    jobs.push({
      key: 'counterexample',
      title: `${tag}shrunk counterexample`,
      caption: 'The input fast-check shrank the failure to; its failing measurements are in the table above.',
      build: () => counterexampleSpec(r.counterexample!.input, 'The shrunk counterexample'),
    });
  }
  if (r.proportions.length > 0) {
    jobs.push({
      key: 'proportions',
      title: `${tag}proportions against the claimed probability`,
      build: () => proportionsSpec(r.proportions, 'Proportion with its exact interval, per configuration', notAsserted),
    });
  }
  const ranked = tightestQuantities(r.quantities);
  const wantChecks = claim.kind === 'bound' || (!drawsOwn && jobs.length === 0);
  if (wantChecks && ranked.length > 0) {
    for (const q of ranked.slice(0, MAX_ECDFS)) {
      const by = q.sample?.by ? `, by ${q.sample.by}` : '';
      jobs.push({
        key: `checks-${q.quantity}`,
        title: `${tag}distribution of the checks of ${q.quantity}${by}`,
        build: () => checksEcdfSpec(q, `Checks of ${q.quantity}`, notAsserted),
      });
    }
    if (ranked.length > 1) {
      jobs.push({
        key: 'tightness',
        title: `${tag}tightness of every compared quantity`,
        build: () => quantityTightnessSpec(ranked, 'How close each quantity came to its bound', notAsserted),
      });
    }
  }
  return jobs;
}
