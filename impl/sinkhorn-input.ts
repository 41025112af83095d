/** Validation of a Sinkhorn batch, shared by every solver (reference, tfjs, mutants). */
import { SINKHORN_DOMAINS, type SinkhornBatch, type SinkhornOptions } from './capabilities/sinkhorn.js';
import { InputError } from './errors.js';
import { assertBalanced, assertDimension, assertFinite, assertLength, assertPositive, assertWeights } from './validate.js';

/** Throws an InputError naming the argument for NaN, ±∞, ε ≤ 0, shape mismatch or zero mass. */
export function validateSinkhornInput(batch: SinkhornBatch, options: SinkhornOptions): void {
  if (batch === null || typeof batch !== 'object') throw new InputError('batch', 'must be an object {B, n, m, a, b, C, eps}');
  const { B, n, m } = batch;
  assertDimension('B', B);
  assertDimension('n', n);
  assertDimension('m', m);
  for (const key of ['a', 'b', 'C', 'eps'] as const) {
    if (!(batch[key] instanceof Float64Array)) throw new InputError(key, 'must be a Float64Array');
  }
  assertLength('C', batch.C, [B, n, m]);
  assertFinite('C', batch.C);
  assertLength('eps', batch.eps, [B]);
  assertPositive('eps', batch.eps);
  const massA = assertWeights('a', batch.a, B, n);
  const massB = assertWeights('b', batch.b, B, m);
  assertBalanced(massA, massB);
  assertDimension('iterations', options.iterations, 1);
  if (!SINKHORN_DOMAINS.includes(options.domain)) {
    throw new InputError('domain', `must be one of ${SINKHORN_DOMAINS.map((d) => `'${d}'`).join(', ')}, got ${String(options.domain)}`);
  }
  if (options.initLogV !== undefined) {
    assertLength('initLogV', options.initLogV, [B, m]);
    assertFinite('initLogV', options.initLogV);
  }
}
