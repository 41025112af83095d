/**
 * Self-attention dynamics on the sphere: Geshkovski, Letrouit, Polyanskiy & Rigollet, "A mathematical
 * perspective on Transformers" (arXiv 2312.10794v4; Bull. AMS 2025) and "The emergence of clusters in
 * self-attention dynamics" (NeurIPS 2023, arXiv 2305.05465). Spec: docs/maths/attention-dynamics-clustering.md
 * (§1 dynamics, §2 energies, §3 theorems, §4 the authors' scheme, §5 properties, §6 float32, §7 inconsistencies).
 */
import type { Claim } from '../types.js';
import { energyClaims } from './energy.js';
import { dynamicsClaims } from './dynamics.js';
import { clusteringClaims } from './clustering.js';

export * from './energy.js';
export * from './dynamics.js';
export * from './clustering.js';

export const geshkovskiClaims: readonly Claim[] = [...energyClaims, ...dynamicsClaims, ...clusteringClaims];
