/** Sinkhorn mutants: planted bugs in the tfjs solver, built from hooks rather than copies. */
import * as tf from '@tensorflow/tfjs-core';
import { tfjsImplementation } from '../implementations.js';
import { createTfjsSinkhorn, logColumnStep, logRowStep } from '../tfjs/sinkhorn.js';
import type { Mutant } from './index.js';

export const sinkhornMutants: Mutant[] = [
  {
    id: 'sinkhorn.skip-column-update',
    description: 'Sinkhorn that never updates v (only row normalisations)',
    expectedKillers: ['sinkhorn.franklin-lorenz-rate', 'sinkhorn.plan-matches-reference'],
    build: () => ({ ...tfjsImplementation(), name: 'sinkhorn.skip-column-update', sinkhorn: createTfjsSinkhorn('sinkhorn.skip-column-update', { skipColumnUpdate: true }) }),
  },
  {
    id: 'sinkhorn.row-step-ignores-a',
    description: 'row update targets the uniform marginal 1/n instead of a',
    expectedKillers: ['sinkhorn.plan-matches-reference', 'sinkhorn.one-step-is-softmax'],
    build: () => ({
      ...tfjsImplementation(),
      name: 'sinkhorn.row-step-ignores-a',
      sinkhorn: createTfjsSinkhorn('sinkhorn.row-step-ignores-a', {
        rowStep: (M, logA, logV) =>
          tf.tidy(() => logRowStep(M, tf.add(tf.mul(logA, 0), -Math.log(logA.shape[1]!)), logV)),
      }),
    }),
  },
  {
    id: 'sinkhorn.column-step-transposed-cost',
    description: 'column update uses the transposed cost C_ji (square problems; rectangular ones are left correct)',
    expectedKillers: ['sinkhorn.plan-matches-reference', 'sinkhorn.franklin-lorenz-rate'],
    build: () => ({
      ...tfjsImplementation(),
      name: 'sinkhorn.column-step-transposed-cost',
      sinkhorn: createTfjsSinkhorn('sinkhorn.column-step-transposed-cost', {
        columnStep: (M, logB, logU) =>
          tf.tidy(() => (M.shape[1] === M.shape[2] ? logColumnStep(tf.transpose(M, [0, 2, 1]), logB, logU) : logColumnStep(M, logB, logU))),
      }),
    }),
  },
];
