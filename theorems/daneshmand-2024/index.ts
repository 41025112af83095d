/**
 * Daneshmand, "Provable optimal transport with transformers: the essence of depth and prompt engineering"
 * (arXiv 2410.19931, v1/v2 2024; v3 "How do transformers align tokens?"; AISTATS 2026 "In-Context Learning
 * for Discrete Optimal Transport: Can Transformers Sort?"). Spec: docs/maths/ot-transformer-sorting.md.
 *
 * The paper's formal theorem texts were NOT available (spec §0). Every statement says which source it
 * rests on: [AUTHOR] the author's public abstract, project page or slides; [CODE] the author's notebook
 * (hadidaneshmand/aistats26-incontextOT, Figure2-4.ipynb); [DERIVED] the spec's algebra; [EMP] the spec's
 * numerical runs. No constant below is the paper's own.
 */
import type { Claim } from '../types.js';
import { otTransformerClaims } from './ot-transformer.js';
import { sortingClaims } from './sorting.js';

export * from './ot-transformer.js';
export * from './sorting.js';

export const daneshmandClaims: readonly Claim[] = [...otTransformerClaims, ...sortingClaims];
