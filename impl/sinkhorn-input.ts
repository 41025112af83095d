/** Validation of a Sinkhorn batch, shared by every solver (reference, tfjs, mutants). */
import { SINKHORN_DOMAINS, type SinkhornBatch, type SinkhornOptions } from './capabilities/sinkhorn.js';
import { InputError } from './errors.js';
import {
  assertBalanced,
  assertDimension,
  assertFiniteOfShape,
  assertFloat64Array,
  assertLength,
  assertOptionalBoolean,
  assertOptions,
  assertPositive,
  assertWeights,
} from './validate.js';

/** Throws an InputError naming the argument for NaN, ±∞, ε ≤ 0, shape mismatch or zero mass. */
export function validateSinkhornInput(batch: SinkhornBatch, options: SinkhornOptions): void {
  if (batch === null || typeof batch !== 'object')
    throw new InputError('batch', 'must be an object {B, n, m, a, b, C, eps}');
  const { B, n, m } = batch;
  assertDimension('B', B);
  assertDimension('n', n);
  assertDimension('m', m);
  for (const key of ['a', 'b', 'C', 'eps'] as const) {
    assertFloat64Array(key, batch[key]);
  }
  assertFiniteOfShape('C', batch.C, [B, n, m]);
  assertLength('eps', batch.eps, [B]);
  assertPositive('eps', batch.eps);
  const massA = assertWeights('a', batch.a, B, n);
  const massB = assertWeights('b', batch.b, B, m);
  assertBalanced(massA, massB);
  assertOptions(options, '{iterations, domain, initLogV?, record?}');
  assertDimension('iterations', options.iterations, 1);
  if (!SINKHORN_DOMAINS.includes(options.domain)) {
    throw new InputError(
      'domain',
      `must be one of ${SINKHORN_DOMAINS.map((d) => `'${d}'`).join(', ')}, got ${String(options.domain)}`,
    );
  }
  assertOptionalBoolean('record', options.record);
  if (options.initLogV !== undefined) {
    assertFloat64Array('initLogV', options.initLogV);
    assertFiniteOfShape('initLogV', options.initLogV, [B, m]);
  }
}
