/** The property registry: claim id → property. Every claim in theorems/ has exactly one entry. */
import { birkhoffContractionProperty } from './sinkhorn/birkhoff-contraction.js';
import { franklinLorenzRateProperty } from './sinkhorn/franklin-lorenz-rate.js';
import { hilbertIdentityProperty } from './sinkhorn/hilbert-identity.js';
import { logDomainSmallEpsProperty } from './sinkhorn/log-domain-small-eps.js';
import { oneStepIsSoftmaxProperty } from './sinkhorn/one-step-is-softmax.js';
import { planMatchesReferenceProperty } from './sinkhorn/plan-matches-reference.js';
import { tvHilbertBoundProperty } from './sinkhorn/tv-hilbert-bound.js';
import { energyDerivativeIdentityProperty } from './dynamics/energy-derivative-identity.js';
import { metastabilityProperty } from './dynamics/metastability.js';
import { phaseDiagramProperty } from './dynamics/phase-diagram.js';
import { exponentialRateProperty } from './dynamics/exponential-rate.js';
import { clusteringAnyBetaProperty, clusteringBetaZeroProperty, clusteringLargeBetaProperty, clusteringSmallBetaProperty } from './dynamics/clustering-claims.js';
import { energyExtremizersProperty } from './dynamics/energy-extremizers.js';
import { energyMonotoneProperty } from './dynamics/energy-monotone.js';
import { hemisphereInvarianceProperty } from './dynamics/hemisphere-invariance.js';
import { integratorConsistencyProperty } from './dynamics/integrator-consistency.js';
import { particleModelProperty } from './interpolation/particle-model.js';
import { timeRescalingProperty } from './interpolation/time-rescaling.js';
import { reversalProperty } from './interpolation/reversal.js';
import { gateExactnessProperty } from './interpolation/gate-exactness.js';
import { ballChainProperty } from './interpolation/ball-chain.js';
import { positiveOrthantProperty } from './interpolation/positive-orthant.js';
import { linearObstructionProperty } from './interpolation/linear-obstruction.js';
import { clusteringRateProperty } from './interpolation/clustering-rate.js';
import { disentanglementProperty } from './interpolation/disentanglement.js';
import { pointMatchingProperty } from './interpolation/point-matching.js';
import { diracTargetsProperty } from './interpolation/dirac-targets.js';
import { empiricalMatchingProperty } from './interpolation/empirical-matching.js';
import { pushforwardW2BoundProperty } from './interpolation/pushforward-w2-bound.js';
import { arcsExampleProperty } from './interpolation/arcs-example.js';
import { genericDisentanglementProperty } from './interpolation/generic-disentanglement.js';
import { heatProperties } from './heat/index.js';
import { otTransformerProperties } from './ot-transformer/index.js';
import { sortingProperties } from './sorting/index.js';
import { uniformInitialisationProperty } from './dynamics/uniform-initialisation.js';
import type { ClaimProperty } from './types.js';

export type * from './types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyProperty = ClaimProperty<any>;

export const PROPERTIES: readonly AnyProperty[] = [
  ...otTransformerProperties,
  ...sortingProperties,
  birkhoffContractionProperty,
  franklinLorenzRateProperty,
  hilbertIdentityProperty,
  tvHilbertBoundProperty,
  planMatchesReferenceProperty,
  oneStepIsSoftmaxProperty,
  logDomainSmallEpsProperty,
  uniformInitialisationProperty,
  energyDerivativeIdentityProperty,
  energyMonotoneProperty,
  energyExtremizersProperty,
  hemisphereInvarianceProperty,
  integratorConsistencyProperty,
  clusteringBetaZeroProperty,
  clusteringSmallBetaProperty,
  clusteringLargeBetaProperty,
  clusteringAnyBetaProperty,
  exponentialRateProperty,
  phaseDiagramProperty,
  metastabilityProperty,
  particleModelProperty,
  timeRescalingProperty,
  reversalProperty,
  gateExactnessProperty,
  ballChainProperty,
  positiveOrthantProperty,
  linearObstructionProperty,
  clusteringRateProperty,
  disentanglementProperty,
  pointMatchingProperty,
  diracTargetsProperty,
  empiricalMatchingProperty,
  pushforwardW2BoundProperty,
  arcsExampleProperty,
  genericDisentanglementProperty,
  ...heatProperties,
];

/** The property of a claim; throws when a claim has none (a registry bug). */
export function propertyFor(claimId: string): AnyProperty {
  const p = PROPERTIES.find((x) => x.claimId === claimId);
  if (!p) throw new Error(`no property registered for claim '${claimId}'`);
  return p;
}
