/**
 * Sinkhorn attention and its heat-flow limit: the iterated Schrödinger-bridge (SB) step of Agarwal,
 * Harchaoui, Mulcahy & Pal (AHMP24, arXiv 2406.10823) and the heat-diffusion limit of Sinkformers
 * (Sander, Ablin, Blondel & Peyré, SABP22, arXiv 2110.11773). Spec: docs/maths/heat-flow-limit.md.
 *
 * Conventions fixed for every claim (spec §1.1, §5): cost ½|x−y|², regularisation ε·KL (Gibbs kernel
 * e^{−|x−y|²/(2ε)}, the Brownian kernel over time ε), uniform weights, time t = kε, target ∂ρ/∂t = ½Δρ.
 * Only the abstracts of both papers could be read; theorem bodies and constants were not retrievable,
 * so statements are tagged with where each line comes from (paper abstract, authors' code, derivation,
 * measurement).
 */
import type { Claim } from '../types.js';
import { sbStepClaims } from './sb-step.js';
import { heatLimitClaims } from './limit.js';

export * from './sb-step.js';
export * from './limit.js';

export const heatFlowClaims: readonly Claim[] = [...sbStepClaims, ...heatLimitClaims];
