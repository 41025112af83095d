/**
 * The built-in implementations under test: `tfjs` (the tensor implementation, default) and
 * `reference` (the float64 oracle run as an implementation). Mutants live in impl/mutants/.
 */
import type { Implementation } from './capabilities/index.js';
import { createReferenceSinkhorn } from './reference/sinkhorn-solver.js';
import { createTfjsSinkhorn } from './tfjs/sinkhorn.js';

/**
 * Capability builders contributed by each claim family. A family adds its tfjs and reference
 * capability here, e.g. `otTransformer: createTfjsOTTransformer()`.
 */
export function tfjsImplementation(): Implementation {
  return {
    name: 'tfjs',
    description: 'tensor implementation on TensorFlow.js (float32, batched)',
    sinkhorn: createTfjsSinkhorn(),
  };
}

export function referenceImplementation(): Implementation {
  return {
    name: 'reference',
    description: 'float64 plain-TypeScript oracle run as an implementation',
    sinkhorn: createReferenceSinkhorn(),
  };
}

export const BUILTIN_IMPLEMENTATIONS: Record<string, () => Implementation> = {
  tfjs: tfjsImplementation,
  reference: referenceImplementation,
};
