/**
 * Case generators and the report view shared by several `ot-transformer.*` and `sorting.*` properties
 * (spec ot-transformer-sorting.md §2, §5): one home for a configuration that more than one claim draws from.
 */
import type { Arbitrary } from 'fast-check';
import {
  describeOTCase,
  otTransformerCase,
  type OTTransformerBatchSpec,
  type OTTransformerCase,
} from '../arbitraries/ot-transformer-batch.js';
import type { BudgetName } from '../types.js';
import { OT_COVERAGE_BINS } from './coverage.js';

/** The report view of a plain OTTransformerCase property: the shared coverage bins and the JSON view of a case. */
export const OT_CASE_REPORTING = { coverageBins: OT_COVERAGE_BINS, describe: describeOTCase } as const;

/**
 * Single layers on generic prompts (layer-is-dual-gd, readout): n ≤ 24, d ≤ 4, λ ∈ [0.05, 1], γ/λ ∈ [0.05, 0.5],
 * 4 instances a batch at the quick budget and 16 otherwise.
 */
export function singleLayerCase(
  budget: BudgetName,
  families: OTTransformerBatchSpec['families'],
  inits: OTTransformerBatchSpec['inits'],
): Arbitrary<OTTransformerCase> {
  const batchMax = budget === 'quick' ? 4 : 16;
  return otTransformerCase({
    nMax: 24,
    dMax: 4,
    batchMax,
    lambdaMin: 0.05,
    lambdaMax: 1,
    gammaOverLambda: [0.05, 0.5],
    families,
    inits,
  });
}

/**
 * Depth runs on the unit cube under the step-size condition γ ≤ λ/2 (depth-convergence, dual-monotone):
 * d ≤ 4, λ ∈ [0.1, 1], γ/λ ∈ [0.25, 0.5], zero and code starts, 4 instances a batch at quick and 8 otherwise.
 */
export function unitCubeDepthCase(budget: BudgetName, nMax: number): Arbitrary<OTTransformerCase> {
  return otTransformerCase({
    nMax,
    dMax: 4,
    batchMax: budget === 'quick' ? 4 : 8,
    lambdaMin: 0.1,
    lambdaMax: 1,
    gammaOverLambda: [0.25, 0.5],
    families: ['unit-cube'],
    inits: ['zero', 'code'],
  });
}

/**
 * Sorting prompts (spec §4): the 1-D grid family, γ = λ/2, zero start, 4 instances a batch at quick and 8
 * otherwise; n and λ as the claim needs them.
 */
export function sortingGridCase(
  budget: BudgetName,
  sizes: Pick<OTTransformerBatchSpec, 'nMax' | 'lambdaMin' | 'lambdaMax' | 'lambdaValues'>,
): Arbitrary<OTTransformerCase> {
  return otTransformerCase({
    ...sizes,
    batchMax: budget === 'quick' ? 4 : 8,
    gammaOverLambda: [0.5, 0.5],
    families: ['sorting-grid'],
    inits: ['zero'],
  });
}
