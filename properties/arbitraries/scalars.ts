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

/** Offset of position k on the 2⁻²⁴ grid: frac(k·φ), φ the golden ratio (a Kronecker sequence). */
function kroneckerOffset(k: number): number {
  return Math.floor(((k * 0.6180339887498949) % 1) * TWO24);
}

/**
 * A fixed-length block of unit floats, each shifted mod 1 by its own Kronecker offset frac(k·φ): still i.i.d.
 * uniform on the 2⁻²⁴ grid (a shift mod 1 preserves the law), but shrinking drives the block towards the
 * well-spread sequence frac(k·φ) instead of all zeros, so shrunk points stay distinct and shrunk Gaussian
 * matrices stay non-degenerate (a zero block gives equal points and B = V = 0, where most bugs are invisible).
 */
export function spreadUnitBlock(length: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.noBias(fc.integer({ min: 0, max: TWO24 - 1 })), { minLength: length, maxLength: length })
    .map((ks) => ks.map((k, q) => ((k + kroneckerOffset(q + 1)) % TWO24) / TWO24));
}

/**
 * Log-uniform on [lo, hi] like {@link logUniform}, but shrinking towards the geometric midpoint √(lo·hi): a
 * shrunk counterexample keeps a moderate β (or ε, t) rather than the end of the range where the parameter's
 * effect vanishes (β → 0 makes every attention uniform).
 */
export function logUniformMid(lo: number, hi: number): fc.Arbitrary<number> {
  if (!(lo > 0 && hi >= lo)) throw new Error(`logUniformMid needs 0 < lo ≤ hi, got [${lo}, ${hi}]`);
  const half = TWO24 / 2;
  return fc
    .noBias(fc.integer({ min: 0, max: TWO24 - 1 }))
    .map((k) => Math.fround(Math.exp(Math.log(lo) + (((k + half) % TWO24) / TWO24) * (Math.log(hi) - Math.log(lo)))));
}
