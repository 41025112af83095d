/**
 * The float32 range, for implementations that compute in float32 on valid float64 input (IEEE 754-2019
 * binary32). A finite float64 value above FLOAT32_MAX becomes ±∞ and a nonzero one below 2⁻¹⁴⁹ becomes 0
 * when converted; a log-domain quantity whose sums leave the range turns into ±∞ and then NaN. The checks
 * here throw a {@link NumericalError} naming the argument and the float32 limit it crossed, so that such
 * input ends in an error rather than in NaN returned as a result.
 */
import { NumericalError } from './errors.js';

/** Largest finite float32, (2 − 2⁻²³)·2¹²⁷ ≈ 3.4028e38. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** Smallest positive (subnormal) float32, 2⁻¹⁴⁹ ≈ 1.4e-45: nonzero magnitudes below half of it round to 0. */
export const FLOAT32_MIN_SUBNORMAL = 2 ** -149;

/** ln(FLOAT32_MAX) ≈ 88.72: e^x overflows float32 for x above it. */
export const FLOAT32_LOG_MAX = Math.log(FLOAT32_MAX);

/**
 * Largest |C/ε| (log-kernel entry) a float32 log-domain iteration can carry: each log-domain sum adds at
 * most three terms of that size (log u_i + log v_j − C_ij/ε in the plan, the potentials being bounded by
 * the oscillation of C/ε plus log-weight terms), so FLOAT32_MAX/4 keeps every intermediate finite.
 */
const FLOAT32_LOG_DOMAIN_MAX = FLOAT32_MAX / 4;

/** Scientific notation with 4 significant digits, for messages. */
export function sci(x: number): string {
  return x.toPrecision(4);
}

/**
 * Every finite entry of `values` stays finite in float32 (|v| ≤ FLOAT32_MAX); with `underflow`, every
 * nonzero entry also stays nonzero (a weight, a temperature: quantities that multiply or divide).
 */
export function assertFloat32Range(name: string, values: ArrayLike<number>, underflow = false): void {
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (!Number.isFinite(v)) continue;
    const f = Math.fround(v);
    if (!Number.isFinite(f)) {
      throw new NumericalError(
        `argument '${name}': entry ${k} = ${sci(v)} overflows float32 (largest finite float32 ${sci(FLOAT32_MAX)})`,
      );
    }
    if (underflow && f === 0 && v !== 0) {
      throw new NumericalError(
        `argument '${name}': entry ${k} = ${sci(v)} underflows to 0 in float32 ` +
          `(smallest float32 ${sci(FLOAT32_MIN_SUBNORMAL)})`,
      );
    }
  }
}

/**
 * A log-kernel magnitude max |C/ε| of one instance within the float32 log domain
 * ({@link FLOAT32_LOG_DOMAIN_MAX}); `what` describes the quantity, `name` the argument to blame.
 */
export function assertLogDomainRange(name: string, what: string, instance: number, magnitude: number): void {
  if (!(magnitude <= FLOAT32_LOG_DOMAIN_MAX)) {
    throw new NumericalError(
      `argument '${name}': ${what} reaches ${sci(magnitude)} in instance ${instance}, beyond the float32 ` +
        `log-domain limit ${sci(FLOAT32_LOG_DOMAIN_MAX)} (largest finite float32 ${sci(FLOAT32_MAX)} / 4); ` +
        'use a float64 implementation',
    );
  }
}
