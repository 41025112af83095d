/** The property registry: claim id → property. Every claim in theorems/ has exactly one entry. */
import { birkhoffContractionProperty } from './sinkhorn/birkhoff-contraction.js';
import { franklinLorenzRateProperty } from './sinkhorn/franklin-lorenz-rate.js';
import { hilbertIdentityProperty } from './sinkhorn/hilbert-identity.js';
import { oneStepIsSoftmaxProperty } from './sinkhorn/one-step-is-softmax.js';
import { planMatchesReferenceProperty } from './sinkhorn/plan-matches-reference.js';
import { tvHilbertBoundProperty } from './sinkhorn/tv-hilbert-bound.js';
import type { ClaimProperty } from './types.js';

export type * from './types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyProperty = ClaimProperty<any>;

export const PROPERTIES: readonly AnyProperty[] = [
  birkhoffContractionProperty,
  franklinLorenzRateProperty,
  hilbertIdentityProperty,
  tvHilbertBoundProperty,
  planMatchesReferenceProperty,
  oneStepIsSoftmaxProperty,
];

/** The property of a claim; throws when a claim has none (a registry bug). */
export function propertyFor(claimId: string): AnyProperty {
  const p = PROPERTIES.find((x) => x.claimId === claimId);
  if (!p) throw new Error(`no property registered for claim '${claimId}'`);
  return p;
}
