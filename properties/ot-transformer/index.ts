/** The `ot-transformer.*` properties (Daneshmand 2024; spec ot-transformer-sorting.md §7). */
import type { ClaimProperty } from '../types.js';
import { depthBoundProperty } from './depth-bound.js';
import { depthConvergenceProperty } from './depth-convergence.js';
import { dualMonotoneProperty } from './dual-monotone.js';
import { fixedPointProperty } from './fixed-point.js';
import { paperFiguresProperty } from './paper-figures.js';
import { stepSizeThresholdProperty } from './step-size-threshold.js';
import { float32VsFloat64Property } from './float32-vs-float64.js';
import { layerIsDualGdProperty } from './layer-is-dual-gd.js';
import { readoutProperty } from './readout.js';
import { sinkPotentialProperty } from './sink-potential.js';
import { sizeIndependentWeightsProperty } from './size-independent-weights.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const otTransformerProperties: readonly ClaimProperty<any>[] = [
  layerIsDualGdProperty,
  readoutProperty,
  depthConvergenceProperty,
  sizeIndependentWeightsProperty,
  sinkPotentialProperty,
  float32VsFloat64Property,
  fixedPointProperty,
  depthBoundProperty,
  dualMonotoneProperty,
  stepSizeThresholdProperty,
  paperFiguresProperty,
];
