/** OT-transformer mutants: planted bugs in the tfjs model, built from its hooks rather than copies. */
import * as tf from '@tensorflow/tfjs-core';
import { createTfjsOTTransformer, type TfjsOTTransformerHooks } from '../tfjs/ot-transformer.js';
import { unstabilizedSoftmax } from '../tfjs/row-softmax.js';
import type { Mutant } from './index.js';
import { tfjsMutant } from './tfjs-mutant.js';

function mutant(
  id: string,
  description: string,
  expectedKillers: readonly string[],
  hooks: TfjsOTTransformerHooks,
): Mutant {
  return tfjsMutant(id, description, expectedKillers, () => ({ otTransformer: createTfjsOTTransformer(id, hooks) }));
}

export const otTransformerMutants: Mutant[] = [
  mutant(
    'ot-transformer.head2-value-sign',
    'head 2 writes +γ·S Z E_{value,v}: the v-update (and ṽ) ascends instead of descending',
    ['ot-transformer.layer-is-dual-gd', 'ot-transformer.depth-convergence', 'ot-transformer.sink-potential'],
    { weights: { head2ValueSign: -1 } },
  ),
  mutant(
    'ot-transformer.no-sink-token',
    'prompt without the sink token: only n tokens, the −1/n value is never attended',
    ['ot-transformer.layer-is-dual-gd', 'ot-transformer.depth-convergence', 'ot-transformer.sink-potential'],
    { sinkToken: false },
  ),
  mutant(
    'ot-transformer.logits-2-over-lambda',
    'W_QK scaled by 2/λ instead of 1/λ: the layers solve the problem at λ/2',
    ['ot-transformer.layer-is-dual-gd', 'ot-transformer.depth-convergence', 'ot-transformer.float32-vs-float64'],
    { weights: { logitScale: 2 } },
  ),
  mutant(
    'ot-transformer.unstabilised-softmax',
    'softmax exp(x)/Σexp(x) without the row-max shift (float32; costs up to 25 overflow/underflow)',
    ['ot-transformer.readout'],
    { softmax: unstabilizedSoftmax },
  ),
  mutant(
    'ot-transformer.softmax-over-queries',
    'attention normalised over the queries (columns) instead of the keys (rows)',
    ['ot-transformer.layer-is-dual-gd', 'ot-transformer.readout'],
    { softmax: softmaxOverQueries },
  ),
  mutant(
    'ot-transformer.first-lambda-for-batch',
    'the weights of instance 0 (its λ) are used for every instance of the batch',
    ['ot-transformer.layer-is-dual-gd', 'ot-transformer.float32-vs-float64'],
    { firstLambdaOnly: true },
  ),
  mutant(
    'ot-transformer.step-is-lambda',
    'residual step γ = λ instead of the given γ (twice the largest stable step λ/2)',
    ['ot-transformer.layer-is-dual-gd', 'ot-transformer.float32-vs-float64'],
    { stepIsLambda: true },
  ),
  mutant(
    'ot-transformer.readout-wrong-head',
    'the readout M_ℓ is taken from head 1 (the u-update) instead of head 2',
    ['ot-transformer.readout', 'ot-transformer.float32-vs-float64'],
    { readoutHead: 0 },
  ),
  mutant(
    'ot-transformer.sink-value-minus-one',
    'the sink token carries −1 instead of −1/n: the sink potentials move n× too fast',
    ['ot-transformer.sink-potential', 'ot-transformer.layer-is-dual-gd'],
    { sinkValue: () => -1 },
  ),
];

/** The stable softmax taken along the second-to-last axis (queries) instead of the last (keys). */
function softmaxOverQueries(logits: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const r = logits.rank;
    const perm = [...Array(r).keys()];
    perm[r - 1] = r - 2;
    perm[r - 2] = r - 1;
    return tf.transpose(tf.softmax(tf.transpose(logits, perm)), perm);
  });
}
