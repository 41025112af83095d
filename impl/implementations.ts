/**
 * The built-in implementations under test: `tfjs` (the tensor implementation, default) and
 * `reference` (the float64 oracle run as an implementation). Mutants live in impl/mutants/.
 */
import type { Implementation } from './capabilities/index.js';
import { createReferenceSinkhorn } from './reference/sinkhorn-solver.js';
import { createTfjsSinkhorn } from './tfjs/sinkhorn.js';
import { createTfjsOTTransformer } from './tfjs/ot-transformer.js';
import { createReferenceOTTransformer } from './reference/ot-transformer.js';
import { createReferenceSphereDynamics } from './reference/sphere-dynamics.js';
import { createTfjsSphereDynamics } from './tfjs/sphere-dynamics.js';
import { createReferenceInterpolator } from './reference/interpolator.js';
import { createReferenceSBAttention } from './reference/sb-attention.js';
import { createTfjsSBAttention } from './tfjs/sb-attention.js';

/**
 * Capability builders contributed by each claim family. A family adds its tfjs and reference
 * capability here, e.g. `otTransformer: createTfjsOTTransformer()`.
 */
export function tfjsImplementation(): Implementation {
  return {
    name: 'tfjs',
    description: 'tensor implementation on TensorFlow.js (float32, batched)',
    sinkhorn: createTfjsSinkhorn(),
    otTransformer: createTfjsOTTransformer(),
    sphereDynamics: createTfjsSphereDynamics(),
    sbAttention: createTfjsSBAttention(),
    // no tfjs interpolator: the float64 one stands in (Thm 1.1 needs W2 ≤ 1e-4 after long schedules; see its doc)
    interpolator: createReferenceInterpolator('float64-interpolator'),
  };
}

export function referenceImplementation(): Implementation {
  return {
    name: 'reference',
    description: 'float64 plain-TypeScript oracle run as an implementation',
    sinkhorn: createReferenceSinkhorn(),
    otTransformer: createReferenceOTTransformer(),
    sphereDynamics: createReferenceSphereDynamics(),
    sbAttention: createReferenceSBAttention(),
    interpolator: createReferenceInterpolator('reference-interpolator'),
  };
}

export const BUILTIN_IMPLEMENTATIONS: Record<string, () => Implementation> = {
  tfjs: tfjsImplementation,
  reference: referenceImplementation,
};
