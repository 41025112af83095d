/** Sphere-dynamics mutants: planted bugs in the tfjs dynamics, built from its hooks rather than copies. */
import { tfjsImplementation } from '../implementations.js';
import { createTfjsSphereDynamics, type SphereDynamicsHooks } from '../tfjs/sphere-dynamics.js';
import type { Mutant } from './index.js';

function mutant(id: string, description: string, expectedKillers: readonly string[], hooks: SphereDynamicsHooks): Mutant {
  return {
    id, description, expectedKillers,
    build: () => ({ ...tfjsImplementation(), name: id, sphereDynamics: createTfjsSphereDynamics(id, hooks) }),
  };
}

export const dynamicsMutants: Mutant[] = [
  mutant('dynamics.missing-tangent-projection', 'ODE field Σ_j A_ij V x_j without the projection P⊥_{x_i} (GLPR eq. 2.3)',
    ['energy.derivative-identity', 'clustering.phase-diagram'], { skipProjection: true }),
  mutant('dynamics.softmax-wrong-axis', 'attention normalised over the query index i (columns) instead of the key index j',
    ['energy.derivative-identity'], { softmaxAxis: 1 }),
  mutant('dynamics.energy-over-n', 'mean-field energy divided by 2βn instead of 2βn² (eq. 3.5 normalisation)',
    ['energy.derivative-identity', 'energy.extremizers'], { energyPairCount: 'n' }),
  mutant('dynamics.beta-twice', 'logits β²⟨Bx_i, x_j⟩: the inverse temperature applied twice',
    ['energy.derivative-identity', 'clustering.phase-diagram', 'clustering.exponential-rate-d-ge-n'], { betaPower: 2 }),
];
