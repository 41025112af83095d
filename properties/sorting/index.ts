/** The `sorting.*` properties (Daneshmand 2024 sorting corollary; spec ot-transformer-sorting.md §4, P8), in claim order. */
import type { ClaimProperty } from '../types.js';
import { sortingBiasVanishesProperty } from './bias-vanishes-with-lambda.js';
import { sortingErrorVanishesProperty } from './error-vanishes-with-depth.js';
import { sortingReadoutBoundProperty } from './readout-bound.js';

export const sortingProperties: readonly ClaimProperty[] = [
  sortingReadoutBoundProperty,
  sortingErrorVanishesProperty,
  sortingBiasVanishesProperty,
];
