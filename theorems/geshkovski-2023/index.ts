/**
 * Self-attention dynamics on the sphere: Geshkovski, Letrouit, Polyanskiy & Rigollet, "A mathematical
 * perspective on Transformers" (arXiv 2312.10794v4; Bull. AMS 2025) and "The emergence of clusters in
 * self-attention dynamics" (NeurIPS 2023, arXiv 2305.05465). Spec: docs/maths/attention-dynamics-clustering.md
 * (§1 dynamics, §2 energies, §3 theorems, §4 the authors' scheme, §5 properties, §6 float32, §7 inconsistencies).
 */
import type { Claim } from '../types.js';
import { energyDerivativeIdentity, energyMonotone, energyExtremizers } from './energy.js';
import { hemisphereInvariance, integratorConsistency, uniformInitialisation } from './dynamics.js';
import {
  clusteringBetaZero,
  clusteringSmallBeta,
  clusteringLargeBeta,
  clusteringAnyBeta,
  exponentialRate,
  phaseDiagram,
  metastability,
} from './clustering.js';

export * from './energy.js';
export * from './dynamics.js';
export * from './clustering.js';

export const geshkovskiClaims: readonly Claim[] = [
  energyDerivativeIdentity,
  energyMonotone,
  energyExtremizers,
  hemisphereInvariance,
  integratorConsistency,
  uniformInitialisation,
  clusteringBetaZero,
  clusteringSmallBeta,
  clusteringLargeBeta,
  clusteringAnyBeta,
  exponentialRate,
  phaseDiagram,
  metastability,
];
