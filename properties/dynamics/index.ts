/** The `energy.*`, `dynamics.*` and `clustering.*` properties (GLPR 2023; spec attention-dynamics-clustering.md §5), in claim order. */
import type { ClaimProperty } from '../types.js';
import {
  clusteringAnyBetaProperty,
  clusteringBetaZeroProperty,
  clusteringLargeBetaProperty,
  clusteringSmallBetaProperty,
} from './clustering-claims.js';
import { energyDerivativeIdentityProperty } from './energy-derivative-identity.js';
import { energyExtremizersProperty } from './energy-extremizers.js';
import { energyMonotoneProperty } from './energy-monotone.js';
import { exponentialRateProperty } from './exponential-rate.js';
import { hemisphereInvarianceProperty } from './hemisphere-invariance.js';
import { integratorConsistencyProperty } from './integrator-consistency.js';
import { metastabilityProperty } from './metastability.js';
import { phaseDiagramProperty } from './phase-diagram.js';
import { uniformInitializationProperty } from './uniform-initialisation.js';

export const dynamicsProperties: readonly ClaimProperty[] = [
  energyDerivativeIdentityProperty,
  energyMonotoneProperty,
  energyExtremizersProperty,
  hemisphereInvarianceProperty,
  integratorConsistencyProperty,
  uniformInitializationProperty,
  clusteringBetaZeroProperty,
  clusteringSmallBetaProperty,
  clusteringLargeBetaProperty,
  clusteringAnyBetaProperty,
  exponentialRateProperty,
  phaseDiagramProperty,
  metastabilityProperty,
];
