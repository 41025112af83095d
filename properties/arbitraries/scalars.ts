/**
 * Scalar arbitraries whose values are exactly representable in float32, so a float64 oracle and a
 * float32 tensor implementation see the very same input (fast-check docs: fc.float is biased to
 * special values and not uniform; this is the documented uniform recipe).
 */
import fc from 'fast-check';

const TWO24 = 1 << 24;

/** Uniform on [0, 1) on the 2⁻²⁴ grid; shrinks towards 0. */
export function unitFloat(): fc.Arbitrary<number> {
  return fc.noBias(fc.integer({ min: 0, max: TWO24 - 1 })).map((k) => k / TWO24);
}

/** Log-uniform on [lo, hi], rounded to float32; shrinks towards lo. */
export function logUniform(lo: number, hi: number): fc.Arbitrary<number> {
  if (!(lo > 0 && hi >= lo)) throw new Error(`logUniform needs 0 < lo ≤ hi, got [${lo}, ${hi}]`);
  return unitFloat().map((t) => Math.fround(Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo)))));
}

/** Uniform on [lo, hi], rounded to float32; shrinks towards lo. */
export function uniformIn(lo: number, hi: number): fc.Arbitrary<number> {
  return unitFloat().map((t) => Math.fround(lo + t * (hi - lo)));
}

/** A fixed-length block of unit floats, from which shapes up to that size are sliced (keeps shrinking good). */
export function unitBlock(length: number): fc.Arbitrary<number[]> {
  return fc.array(unitFloat(), { minLength: length, maxLength: length });
}
