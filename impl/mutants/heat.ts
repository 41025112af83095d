/** SB-attention mutants: planted bugs in the tfjs SB attention, built from its hooks rather than copies. */
import { tfjsImplementation } from '../implementations.js';
import { createTfjsSBAttention, type TfjsSBHooks } from '../tfjs/sb-attention.js';
import type { Mutant } from './index.js';

function sbMutant(id: string, description: string, expectedKillers: readonly string[], hooks: TfjsSBHooks): Mutant {
  return { id, description, expectedKillers, build: () => ({ ...tfjsImplementation(), name: id, sbAttention: createTfjsSBAttention(id, hooks) }) };
}

export const heatMutants: Mutant[] = [
  sbMutant(
    'heat.cost-full-square',
    'cost |x−y|² in place of ½|x−y|² (the authors’ code: heat flow at half speed)',
    ['heat.sb-step-closed-form', 'heat.one-step-orders', 'heat.variance-law', 'heat.particles-track-heat-flow', 'heat.population-rate', 'heat.equivariance'],
    { costScale: 2 },
  ),
  sbMutant(
    'heat.update-projection',
    'update x ↦ B(x) instead of 2x − B(x) (the backward / “reverse” scheme)',
    ['heat.sb-step-closed-form', 'heat.one-step-orders', 'heat.variance-law', 'heat.covariance-monotone', 'heat.particles-track-heat-flow', 'heat.population-rate', 'heat.equivariance'],
    { update: 'project' },
  ),
  sbMutant(
    'heat.softmax-attention',
    'Sinkhorn stopped after one row normalisation: plain softmax attention',
    ['heat.sinkhorn-contract', 'heat.sb-step-closed-form', 'heat.one-step-orders', 'heat.variance-law', 'heat.mean-conservation', 'heat.particles-track-heat-flow', 'heat.population-rate', 'heat.equivariance'],
    { rowOnly: true },
  ),
  sbMutant(
    'heat.transposed-plan',
    'transposed plan in the barycentric projection and the attention update (equivalent on the symmetric SB plan; visible in the Sinkformer layer with W_QᵀW_K ≠ its transpose)',
    ['heat.sinkhorn-contract'],
    { transposePlan: true },
  ),
];
