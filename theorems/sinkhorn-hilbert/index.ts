/**
 * Sinkhorn in the Hilbert projective metric: Birkhoff (1957), Franklin & Lorenz (1989), as restated in
 * Peyré & Cuturi, *Computational Optimal Transport* (2019, arXiv 1803.00567), §4.2; and the
 * Sinkhorn → softmax bridge of Sander et al., Sinkformers (2022, arXiv 2110.11773).
 * Spec: docs/maths/ot-transformer-sorting.md §1, §5 and peers-and-tooling.md §1.6.
 */
import type { Claim } from '../types.js';
import { hilbertClaims } from './hilbert.js';
import { solverClaims } from './solver.js';

export * from './hilbert.js';
export * from './solver.js';

export const sinkhornClaims: readonly Claim[] = [...hilbertClaims, ...solverClaims];
