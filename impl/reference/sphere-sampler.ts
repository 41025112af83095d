/**
 * Uniform initial tokens on S^{d−1}: x = g/‖g‖ with g ~ N(0, I_d) (GLPR arXiv 2312.10794, §1 notation: "uniform
 * initial tokens are sampled as g/‖g‖"), from a seeded mulberry32 stream and Box–Muller. Rotation invariant by
 * construction, unlike normalising a uniform cube sample.
 */
import { InputError } from '../errors.js';
import { gaussianFromUnits, mulberry32 } from './prng.js';
import { assertDimension } from '../validate.js';

/** `count` i.i.d. uniform points on S^{d−1}, row-major [count, d]; deterministic in `seed`. */
export function sampleUniformSphere(count: number, d: number, seed: number): Float64Array {
  assertDimension('count', count);
  assertDimension('d', d, 2);
  if (!Number.isInteger(seed)) throw new InputError('seed', `must be an integer, got ${seed}`);
  const next = mulberry32(seed);
  const out = new Float64Array(count * d);
  for (let i = 0; i < count; i++) {
    let r2 = 0;
    for (let k = 0; k < d; k++) {
      const g = gaussianFromUnits(next(), next());
      out[i * d + k] = g;
      r2 += g * g;
    }
    const r = Math.sqrt(r2);
    for (let k = 0; k < d; k++) out[i * d + k] = out[i * d + k]! / r;
  }
  return out;
}
