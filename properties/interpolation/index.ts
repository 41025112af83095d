/** The `interpolation.*` properties (GRR 2024; spec measure-interpolation.md), in claim order. */
import type { ClaimProperty } from '../types.js';
import { arcsExampleProperty } from './arcs-example.js';
import { ballChainProperty } from './ball-chain.js';
import { clusteringRateProperty } from './clustering-rate.js';
import { diracTargetsProperty } from './dirac-targets.js';
import { disentanglementProperty } from './disentanglement.js';
import { empiricalMatchingProperty } from './empirical-matching.js';
import { gateExactnessProperty } from './gate-exactness.js';
import { genericDisentanglementProperty } from './generic-disentanglement.js';
import { linearObstructionProperty } from './linear-obstruction.js';
import { particleModelProperty } from './particle-model.js';
import { pointMatchingProperty } from './point-matching.js';
import { positiveOrthantProperty } from './positive-orthant.js';
import { pushforwardW2BoundProperty } from './pushforward-w2-bound.js';
import { reversalProperty } from './reversal.js';
import { timeRescalingProperty } from './time-rescaling.js';

export const interpolationProperties: readonly ClaimProperty[] = [
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
];
