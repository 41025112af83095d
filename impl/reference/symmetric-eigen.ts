/**
 * Symmetric eigen-decomposition by cyclic Jacobi rotations (Golub & Van Loan, Matrix Computations,
 * 4th ed., §8.5), for the small covariance matrices (d ≤ 3, and plan matrices up to a few dozen) of the
 * heat-flow oracles, and matrix functions f(S) = V f(Λ) Vᵀ built from it. Float64.
 */

export interface SymmetricEigen {
  /** Eigenvalues, ascending. */
  readonly values: Float64Array;
  /** Eigenvectors as columns of a row-major d×d matrix: V[r·d + c] is entry r of eigenvector c. */
  readonly vectors: Float64Array;
}

/** Eigen-decomposition of a symmetric d×d matrix (row-major; the upper triangle is mirrored). */
export function symmetricEigen(S: ArrayLike<number>, d: number): SymmetricEigen {
  const A = new Float64Array(d * d);
  for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) A[r * d + c] = 0.5 * (S[r * d + c]! + S[c * d + r]!);
  const V = new Float64Array(d * d);
  for (let r = 0; r < d; r++) V[r * d + r] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let r = 0; r < d; r++) {
      diag += A[r * d + r]! ** 2;
      for (let c = r + 1; c < d; c++) off += A[r * d + c]! ** 2;
    }
    if (off <= 1e-32 * Math.max(diag, 1e-300)) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = A[p * d + q]!;
        if (apq === 0) continue;
        const theta = (A[q * d + q]! - A[p * d + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cs = 1 / Math.sqrt(t * t + 1);
        const sn = t * cs;
        for (let k = 0; k < d; k++) {
          const akp = A[k * d + p]!;
          const akq = A[k * d + q]!;
          A[k * d + p] = cs * akp - sn * akq;
          A[k * d + q] = sn * akp + cs * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = A[p * d + k]!;
          const aqk = A[q * d + k]!;
          A[p * d + k] = cs * apk - sn * aqk;
          A[q * d + k] = sn * apk + cs * aqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = V[k * d + p]!;
          const vkq = V[k * d + q]!;
          V[k * d + p] = cs * vkp - sn * vkq;
          V[k * d + q] = sn * vkp + cs * vkq;
        }
      }
    }
  }
  const order = [...Array(d).keys()].sort((a, b) => A[a * d + a]! - A[b * d + b]!);
  const values = Float64Array.from(order, (k) => A[k * d + k]!);
  const vectors = new Float64Array(d * d);
  order.forEach((k, c) => {
    for (let r = 0; r < d; r++) vectors[r * d + c] = V[r * d + k]!;
  });
  return { values, vectors };
}

/** f(S) = V diag(f(λ)) Vᵀ for a symmetric S. */
export function symmetricFunction(S: ArrayLike<number>, d: number, f: (lambda: number) => number): Float64Array {
  const { values, vectors: V } = symmetricEigen(S, d);
  const out = new Float64Array(d * d);
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += V[r * d + k]! * f(values[k]!) * V[c * d + k]!;
      out[r * d + c] = s;
    }
  }
  return out;
}

/** Row-major matrix product of d×d matrices. */
export function matMul(A: ArrayLike<number>, B: ArrayLike<number>, d: number): Float64Array {
  const out = new Float64Array(d * d);
  for (let r = 0; r < d; r++)
    for (let c = 0; c < d; c++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += A[r * d + k]! * B[k * d + c]!;
      out[r * d + c] = s;
    }
  return out;
}

/** A + s·I. */
export function addIdentity(A: ArrayLike<number>, d: number, s: number): Float64Array {
  const out = Float64Array.from(A);
  for (let r = 0; r < d; r++) out[r * d + r] = out[r * d + r]! + s;
  return out;
}
