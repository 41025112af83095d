/** Coverage coordinates and bins shared by the `ot-transformer.*` and `sorting.*` properties. */
import type { OTTransformerCase } from '../arbitraries/ot-transformer-batch.js';

export const OT_COVERAGE_BINS: Readonly<Record<string, readonly number[]>> = {
  n: [2, 4, 8, 16, 32, 65],
  d: [1, 2, 3, 5, 9],
  lambda: [0.01, 0.05, 0.1, 0.2, 0.5, 1.0001],
  gammaOverLambda: [0, 0.1, 0.25, 0.5, 1, 2.0001],
};

/** Coverage coordinates of instance b of a case. */
export function coverageOfCase(
  c: OTTransformerCase,
  b: number,
  extra: Record<string, number | string> = {},
): Record<string, number | string> {
  const lambda = c.batch.lambda[b]!;
  return {
    n: c.batch.n,
    d: c.batch.d,
    lambda,
    gammaOverLambda: c.batch.gamma[b]! / lambda,
    family: c.family,
    init: c.init,
    ...extra,
  };
}
