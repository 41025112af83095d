/** The `ot-transformer.*` properties (Daneshmand 2024; spec ot-transformer-sorting.md §7), in claim order. */
import type { ClaimProperty } from '../types.js';
import { depthBoundProperty } from './depth-bound.js';
import { depthConvergenceProperty } from './depth-convergence.js';
import { dualMonotoneProperty } from './dual-monotone.js';
import { fixedPointProperty } from './fixed-point.js';
import { float32VsFloat64Property } from './float32-vs-float64.js';
import { layerIsDualGdProperty } from './layer-is-dual-gd.js';
import { paperFiguresProperty } from './paper-figures.js';
import { readoutProperty } from './readout.js';
import { sinkPotentialProperty } from './sink-potential.js';
import { sizeIndependentWeightsProperty } from './size-independent-weights.js';
import { stepSizeThresholdProperty } from './step-size-threshold.js';

export const otTransformerProperties: readonly ClaimProperty[] = [
  layerIsDualGdProperty,
  readoutProperty,
  fixedPointProperty,
  depthConvergenceProperty,
  depthBoundProperty,
  dualMonotoneProperty,
  sizeIndependentWeightsProperty,
  sinkPotentialProperty,
  float32VsFloat64Property,
  stepSizeThresholdProperty,
  paperFiguresProperty,
];
