/** Dense linear solve by Gaussian elimination with partial pivoting (Golub & Van Loan, Alg. 3.4.1). */

/** Solves A x = rhs for a row-major N×N matrix A (copied); throws on a numerically singular matrix. */
export function solveDense(A: Float64Array, rhs: Float64Array, N: number): Float64Array {
  const M = Float64Array.from(A);
  const x = Float64Array.from(rhs);
  for (let k = 0; k < N; k++) {
    let p = k;
    for (let r = k + 1; r < N; r++) if (Math.abs(M[r * N + k]!) > Math.abs(M[p * N + k]!)) p = r;
    const piv = M[p * N + k]!;
    if (!(Math.abs(piv) > 1e-300)) throw new Error('solveDense: singular matrix');
    if (p !== k) {
      for (let c = 0; c < N; c++) {
        const t = M[k * N + c]!;
        M[k * N + c] = M[p * N + c]!;
        M[p * N + c] = t;
      }
      const t = x[k]!;
      x[k] = x[p]!;
      x[p] = t;
    }
    for (let r = k + 1; r < N; r++) {
      const f = M[r * N + k]! / piv;
      if (f === 0) continue;
      for (let c = k; c < N; c++) M[r * N + c] = M[r * N + c]! - f * M[k * N + c]!;
      x[r] = x[r]! - f * x[k]!;
    }
  }
  for (let k = N - 1; k >= 0; k--) {
    let s = x[k]!;
    for (let c = k + 1; c < N; c++) s -= M[k * N + c]! * x[c]!;
    x[k] = s / M[k * N + k]!;
  }
  return x;
}
