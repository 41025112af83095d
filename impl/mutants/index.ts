/**
 * The mutant catalogue: deliberately wrong implementations. The suite must reject every one
 * (docs/architecture.md): a mutant that survives marks a missing property or an equivalent mutant.
 */
import type { Implementation } from '../capabilities/index.js';
import { sinkhornMutants } from './sinkhorn.js';
import { otTransformerMutants } from './ot-transformer.js';
import { dynamicsMutants } from './dynamics.js';
import { heatMutants } from './heat.js';
import { interpolationMutants } from './interpolation.js';

export interface Mutant {
  /** Stable id, e.g. 'sinkhorn.skip-column-update'. */
  readonly id: string;
  /** One line: what is wrong. */
  readonly description: string;
  /** Claim ids expected to reject it (at least one must). */
  readonly expectedKillers: readonly string[];
  /** Builds the implementation; the mutated capability replaces the correct one. */
  build(): Implementation;
}

export const MUTANTS: readonly Mutant[] = [
  ...sinkhornMutants,
  ...otTransformerMutants,
  ...dynamicsMutants,
  ...heatMutants,
  ...interpolationMutants,
];
