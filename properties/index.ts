/**
 * The property registry: each family directory exports its properties in claim order, and this concatenates them
 * in the order of CLAIMS. Every claim in theorems/ has exactly one property (tests/foundation/registry.test.ts).
 */
import { sinkhornProperties } from './sinkhorn/index.js';
import { otTransformerProperties } from './ot-transformer/index.js';
import { sortingProperties } from './sorting/index.js';
import { dynamicsProperties } from './dynamics/index.js';
import { interpolationProperties } from './interpolation/index.js';
import { heatProperties } from './heat/index.js';
import type { ClaimProperty } from './types.js';

export type * from './types.js';

export const PROPERTIES: readonly ClaimProperty[] = [
  ...sinkhornProperties,
  ...otTransformerProperties,
  ...sortingProperties,
  ...dynamicsProperties,
  ...interpolationProperties,
  ...heatProperties,
];

/** The property of a claim; throws when a claim has none (a registry bug). */
export function propertyFor(claimId: string): ClaimProperty {
  const p = PROPERTIES.find((x) => x.claimId === claimId);
  if (!p) throw new Error(`no property registered for claim '${claimId}'`);
  return p;
}
