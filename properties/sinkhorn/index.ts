/** The `sinkhorn.*` properties (Peyré & Cuturi 2019 §4.2; spec ot-transformer-sorting.md §5), in claim order. */
import type { ClaimProperty } from '../types.js';
import { birkhoffContractionProperty } from './birkhoff-contraction.js';
import { franklinLorenzRateProperty } from './franklin-lorenz-rate.js';
import { hilbertIdentityProperty } from './hilbert-identity.js';
import { logDomainSmallEpsProperty } from './log-domain-small-eps.js';
import { oneStepIsSoftmaxProperty } from './one-step-is-softmax.js';
import { planMatchesReferenceProperty } from './plan-matches-reference.js';
import { tvHilbertBoundProperty } from './tv-hilbert-bound.js';

export const sinkhornProperties: readonly ClaimProperty[] = [
  birkhoffContractionProperty,
  franklinLorenzRateProperty,
  hilbertIdentityProperty,
  tvHilbertBoundProperty,
  planMatchesReferenceProperty,
  oneStepIsSoftmaxProperty,
  logDomainSmallEpsProperty,
];
