/**
 * Case settings and the report view shared by several `sinkhorn.*` properties: coverage bins, the JSON view of
 * a case, iterated inputs, and the setting of the convergence properties along a recorded run.
 */
import type { Arbitrary } from 'fast-check';
import { fixedCase, PEER_CASES, sinkhornCase, type SinkhornCase } from '../arbitraries/sinkhorn-batch.js';
import type { BudgetName } from '../types.js';

export const SINKHORN_COVERAGE_BINS: Readonly<Record<string, readonly number[]>> = {
  n: [2, 4, 8, 16, 32, 65],
  m: [2, 4, 8, 16, 32, 65],
  eps: [0.005, 0.05, 0.1, 0.2, 0.5, 1, 2.0001],
  kappa: [0, 0.5, 0.9, 0.99, 0.999, 1.0000001],
  mass: [0, 0.1, 0.999, 1.001, 10, 1000],
  costOverEps: [0, 1, 10, 30, 60, 87.4, 1000, 5001],
  zeroWeights: [0, 1, 2, 5, 100],
};

/** The default JSON view of a case (the batch arrays as plain lists). */
export function describeCase(c: SinkhornCase): unknown {
  const { B, n, m } = c.batch;
  return {
    costFamily: c.costFamily,
    weightFamily: c.weightFamily,
    d: c.d,
    B,
    n,
    m,
    eps: Array.from(c.batch.eps),
    a: Array.from(c.batch.a),
    b: Array.from(c.batch.b),
    C: Array.from(c.batch.C),
  };
}

/** The report view of a plain SinkhornCase property: the shared coverage bins and the JSON view of a case. */
export const SINKHORN_CASE_REPORTING = { coverageBins: SINKHORN_COVERAGE_BINS, describe: describeCase } as const;

/** A case run for a number of iterations (claim-specific settings may follow). */
export interface IteratedCase {
  readonly case: SinkhornCase;
  readonly iterations: number;
}

/** The JSON view of an iterated case: its settings in input order, then the case itself. */
export function describeIterated<I extends IteratedCase>(x: I): unknown {
  const { case: c, ...settings } = x;
  return { ...settings, ...(describeCase(c) as object) };
}

/**
 * The setting of the convergence properties checked along a recorded run against P* (Peyré & Cuturi 2019,
 * Thm 4.2, Rem. 4.14): up to 12×12, 8 instances a batch at the quick budget and 24 otherwise, ε ∈ [epsMin, 2],
 * the peer cases T19 and T1 first.
 */
export function convergenceSetting(epsMin: number): {
  readonly arbitrary: (budget: BudgetName) => Arbitrary<SinkhornCase>;
  readonly runs: { readonly quick: number; readonly ci: number; readonly thorough: number };
  readonly examples: readonly SinkhornCase[];
} {
  return {
    arbitrary: (budget) =>
      sinkhornCase({ nMax: 12, mMax: 12, batchMax: budget === 'quick' ? 8 : 24, epsMin, epsMax: 2 }),
    runs: { quick: 4, ci: 60, thorough: 400 },
    examples: [...PEER_CASES.T19, PEER_CASES.T1].map((p) => fixedCase(p)),
  };
}
