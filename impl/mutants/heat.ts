/** SB-attention mutants: planted bugs in the tfjs SB attention, built from its hooks rather than copies. */
import { createTfjsSBAttention } from '../tfjs/sb-attention.js';
import type { TfjsSBHooks } from '../tfjs/sb-bridge.js';
import type { ParticleBatch, SBAttention } from '../capabilities/sb-attention.js';
import type { Mutant } from './index.js';
import { tfjsMutant } from './tfjs-mutant.js';

function sbMutant(id: string, description: string, expectedKillers: readonly string[], hooks: TfjsSBHooks): Mutant {
  return tfjsMutant(id, description, expectedKillers, () => ({ sbAttention: createTfjsSBAttention(id, hooks) }));
}

export const heatMutants: Mutant[] = [
  sbMutant(
    'heat.cost-full-square',
    'cost |x−y|² in place of ½|x−y|² (the authors’ code: heat flow at half speed)',
    [
      'heat.sb-step-closed-form',
      'heat.one-step-orders',
      'heat.variance-law',
      'heat.particles-track-heat-flow',
      'heat.population-rate',
      'heat.equivariance',
    ],
    { costScale: 2 },
  ),
  sbMutant(
    'heat.update-projection',
    'update x ↦ B(x) instead of 2x − B(x) (the backward / “reverse” scheme)',
    [
      'heat.sb-step-closed-form',
      'heat.one-step-orders',
      'heat.variance-law',
      'heat.covariance-monotone',
      'heat.particles-track-heat-flow',
      'heat.population-rate',
      'heat.equivariance',
    ],
    { update: 'project' },
  ),
  sbMutant(
    'heat.softmax-attention',
    'Sinkhorn stopped after one row normalisation: plain softmax attention',
    [
      'heat.sinkhorn-contract',
      'heat.sb-step-closed-form',
      'heat.one-step-orders',
      'heat.variance-law',
      'heat.mean-conservation',
      'heat.particles-track-heat-flow',
      'heat.population-rate',
      'heat.equivariance',
    ],
    { rowOnly: true },
  ),
  sbMutant(
    'heat.transposed-plan',
    'transposed plan in the barycentric projection and the attention update (equivalent on the symmetric SB plan; visible in the Sinkformer layer with W_QᵀW_K ≠ its transpose)',
    ['heat.sinkhorn-contract'],
    { transposePlan: true },
  ),
];

/** A correct SB attention whose step/iterate/sinkformer see a rewritten batch or options: slips in the glue code. */
function wrapped(
  id: string,
  description: string,
  expectedKillers: readonly string[],
  rewrite: (sb: SBAttention) => Partial<SBAttention>,
): Mutant {
  return tfjsMutant(id, description, expectedKillers, () => {
    const correct = createTfjsSBAttention(id);
    return { sbAttention: { ...correct, ...rewrite(correct) } };
  });
}

const doubled = (batch: ParticleBatch): ParticleBatch => ({ ...batch, eps: batch.eps.map((e) => 2 * e) });
const unweighted = ({ weights: _, ...batch }: ParticleBatch): ParticleBatch => batch;

heatMutants.push(
  wrapped(
    'heat.step-eps-doubled',
    'SB step and iterate at temperature 2ε (the bridge over time 2ε: the Gibbs kernel e^{−|x−y|²/(4ε)})',
    ['heat.step-matches-reference', 'heat.sb-step-closed-form'],
    (sb) => ({ step: (batch, o) => sb.step(doubled(batch), o), iterate: (batch, o) => sb.iterate(doubled(batch), o) }),
  ),
  wrapped(
    'heat.weights-ignored',
    'step and iterate drop the particle weights (uniform 1/n): right for every uniform set',
    ['heat.step-matches-reference', 'heat.sb-step-closed-form'],
    (sb) => ({
      step: (batch, o) => sb.step(unweighted(batch), o),
      iterate: (batch, o) => sb.iterate(unweighted(batch), o),
    }),
  ),
  wrapped(
    'heat.sinkformer-one-layer',
    'the Sinkformer applies one layer whatever `layers` asks (weights shared, the depth loop lost)',
    ['heat.sinkhorn-contract'],
    (sb) => ({ sinkformer: (batch, o) => sb.sinkformer(batch, { iterations: o.iterations }) }),
  ),
);
