/**
 * Shared pieces of the `sorting.*` properties (spec ot-transformer-sorting.md §4): the entropic limit of
 * the sorting output s*_λ = nP*ᵀ_λ x (rows indexed by y_i in increasing order) and the sorted list x_(i).
 */
import type { OTTransformerBatch } from '../../impl/capabilities/ot-transformer.js';
import type { OTOracle } from '../ot-transformer/common.js';

/** s*_λ = (nP*ᵀ_λ) x for d = 1 (the limit of M_ℓ x). */
export function sortingLimit(o: OTOracle, x: ArrayLike<number>): Float64Array {
  const n = o.n;
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let j = 0; j < n; j++) acc += o.readoutLimit[i * n + j]! * x[j]!;
    s[i] = acc;
  }
  return s;
}

/** The list of instance b (d = 1). */
export function listOf(batch: OTTransformerBatch, b: number): Float64Array {
  return batch.x.subarray(b * batch.n, (b + 1) * batch.n);
}

/** x sorted ascending. */
export function sortedList(x: ArrayLike<number>): number[] {
  return Array.from(x).sort((p, q) => p - q);
}
