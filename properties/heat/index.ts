/** The `heat.*` properties (spec heat-flow-limit §5), in claim order. */
import type { ClaimProperty } from '../types.js';
import { covarianceMonotoneProperty } from './covariance-monotone.js';
import { equivarianceProperty } from './equivariance.js';
import { freezeRegimeProperty } from './freeze-regime.js';
import { meanConservationProperty } from './mean-conservation.js';
import { oneStepOrdersProperty } from './one-step-orders.js';
import { orderPreservingProperty } from './order-preserving-1d.js';
import { particlesTrackHeatFlowProperty } from './particles-track-heat-flow.js';
import { populationRateProperty } from './population-rate.js';
import { sbStepClosedFormProperty } from './sb-step-closed-form.js';
import { sinkhornContractProperty } from './sinkhorn-contract.js';
import { stepMatchesReferenceProperty } from './step-matches-reference.js';
import { varianceLawProperty } from './variance-law.js';

export const heatProperties: readonly ClaimProperty[] = [
  sbStepClosedFormProperty,
  oneStepOrdersProperty,
  varianceLawProperty,
  meanConservationProperty,
  covarianceMonotoneProperty,
  orderPreservingProperty,
  particlesTrackHeatFlowProperty,
  populationRateProperty,
  equivarianceProperty,
  freezeRegimeProperty,
  sinkhornContractProperty,
  stepMatchesReferenceProperty,
];
