/**
 * Measure-to-measure interpolation using Transformers: Geshkovski, Rigollet & Ruiz-Balet, arXiv 2411.04551
 * (v3, 13 Feb 2026, to appear in FoCM). Spec: docs/maths/measure-interpolation.md (§1 model, §2
 * statements, §3 construction, §4.2 checks; errata are tagged there and repeated in the notes below).
 */
import type { Claim } from '../types.js';
import { particleModel, timeRescaling, reversal } from './model.js';
import { gateExactness, ballChain, positiveOrthant, linearObstruction } from './construction.js';
import { clusteringRate, disentanglement, arcsExample, genericDisentanglement } from './clustering.js';
import { pointMatching, diracTargets, empiricalMatching, pushforwardW2Bound } from './matching.js';

export * from './model.js';
export * from './construction.js';
export * from './clustering.js';
export * from './matching.js';

export const interpolationClaims: readonly Claim[] = [
  particleModel,
  timeRescaling,
  reversal,
  gateExactness,
  ballChain,
  positiveOrthant,
  linearObstruction,
  clusteringRate,
  disentanglement,
  pointMatching,
  diracTargets,
  empiricalMatching,
  pushforwardW2Bound,
  arcsExample,
  genericDisentanglement,
];
