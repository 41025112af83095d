/**
 * Float helpers shared by the references and the properties: unit roundoffs, max-abs (with their NaN and ∞
 * rules), row access and dot products of row-major [n, d] arrays.
 */

/** Unit roundoff of IEEE 754 binary64, u = 2⁻⁵³ (Higham, Accuracy and Stability of Numerical Algorithms, §2.1). */
export const UNIT_ROUNDOFF_F64 = 2 ** -53;

/** Unit roundoff of IEEE 754 binary32, u = 2⁻²⁴ (Higham 2002, §2.1). */
export const UNIT_ROUNDOFF_F32 = 2 ** -24;

/**
 * max_k |x_k| over `length` entries from `off`; 0 when empty. NaN rule: a NaN entry makes the result NaN (a
 * check `maxAbs(…) <= tol` then fails), so a NaN is never hidden; ±∞ gives +∞.
 */
export function maxAbs(x: ArrayLike<number>, length = x.length, off = 0): number {
  let m = 0;
  for (let k = 0; k < length; k++) {
    const v = Math.abs(x[off + k]!);
    if (Number.isNaN(v)) return NaN;
    if (v > m) m = v;
  }
  return m;
}

/**
 * max_k |x_k| over the finite entries of one or more arrays; 0 when there are none. For the magnitudes that
 * scale a tolerance: ±∞ is skipped (the log of a zero weight marks the support, it is not a size), while a
 * NaN entry makes the result NaN, so the tolerance is NaN and the check it scales fails.
 */
export function maxAbsFinite(...xs: readonly ArrayLike<number>[]): number {
  let m = 0;
  for (const x of xs) {
    for (let k = 0; k < x.length; k++) {
      const v = Math.abs(x[k]!);
      if (Number.isNaN(v)) return NaN;
      if (v > m && v !== Infinity) m = v;
    }
  }
  return m;
}

/** max_k |x_k − y_k| over `length` entries from offsets offX, offY; 0 when empty, NaN if any difference is NaN. */
export function maxAbsDiff(x: ArrayLike<number>, y: ArrayLike<number>, length = x.length, offX = 0, offY = 0): number {
  let m = 0;
  for (let k = 0; k < length; k++) {
    const d = Math.abs(x[offX + k]! - y[offY + k]!);
    if (Number.isNaN(d)) return NaN;
    if (d > m) m = d;
  }
  return m;
}

/** ⟨x_i, y_j⟩ for row i of x and row j of y (row-major, row length d). */
export function rowDot(x: ArrayLike<number>, i: number, y: ArrayLike<number>, j: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += x[i * d + k]! * y[j * d + k]!;
  return s;
}

/** A copy of row i of a row-major array with rows of length d. */
export function row(x: Float64Array, i: number, d: number): Float64Array {
  return x.slice(i * d, (i + 1) * d);
}
