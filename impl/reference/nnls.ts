/**
 * Non-negative least squares min ‖A w − y‖ s.t. w ≥ 0 by the active-set method of Lawson & Hanson
 * (Solving Least Squares Problems, 1974, ch. 23). Used as the cone-membership oracle of the clustering
 * claims (spec measure-interpolation §4.2 item 7a: y ∈ cone{columns of A} iff the residual is 0).
 */

/**
 * Least squares on the columns in `P` by modified Gram–Schmidt with reorthogonalisation (a thin QR): stable
 * for nearly colinear columns, where the normal equations would lose half the digits (κ² instead of κ).
 */
function lsqSubset(A: Float64Array, m: number, n: number, y: ArrayLike<number>, P: number[]): Float64Array {
  const k = P.length;
  const Q: Float64Array[] = [];
  const R = new Float64Array(k * k);
  const keep: number[] = [];
  for (let a = 0; a < k; a++) {
    const v = new Float64Array(m);
    for (let i = 0; i < m; i++) v[i] = A[i * n + P[a]!]!;
    const norm0 = Math.hypot(...v);
    for (let pass = 0; pass < 2; pass++) {
      Q.forEach((q, b) => {
        let c = 0;
        for (let i = 0; i < m; i++) c += q[i]! * v[i]!;
        R[keep[b]! * k + a] = R[keep[b]! * k + a]! + c;
        for (let i = 0; i < m; i++) v[i] = v[i]! - c * q[i]!;
      });
    }
    const nv = Math.hypot(...v);
    if (nv > 1e-14 * Math.max(norm0, 1e-300)) {
      R[a * k + a] = nv;
      Q.push(v.map((t) => t / nv));
      keep.push(a);
    }
  }
  // back substitution on the independent columns; dependent columns get weight 0
  const qy = Q.map((q) => {
    let c = 0;
    for (let i = 0; i < m; i++) c += q[i]! * y[i]!;
    return c;
  });
  const z = new Float64Array(k);
  for (let b = keep.length - 1; b >= 0; b--) {
    const a = keep[b]!;
    let s = qy[b]!;
    for (let c = b + 1; c < keep.length; c++) s -= R[a * k + keep[c]!]! * z[keep[c]!]!;
    z[a] = s / R[a * k + a]!;
  }
  return z;
}

/** Lawson–Hanson NNLS for A (row-major m×n) and y (m); returns the weights and the residual norm. */
function nnls(
  A: Float64Array,
  m: number,
  n: number,
  y: ArrayLike<number>,
  maxIter = 3 * n + 30,
): { w: Float64Array; residual: number } {
  const w = new Float64Array(n);
  const inP = new Uint8Array(n);
  const grad = (): Float64Array => {
    const res = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let s = y[i]!;
      for (let j = 0; j < n; j++) s -= A[i * n + j]! * w[j]!;
      res[i] = s;
    }
    const g = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += A[i * n + j]! * res[i]!;
      g[j] = s;
    }
    return g;
  };
  for (let it = 0; it < maxIter; it++) {
    const g = grad();
    let jmax = -1;
    let gmax = 1e-15;
    for (let j = 0; j < n; j++)
      if (!inP[j] && g[j]! > gmax) {
        gmax = g[j]!;
        jmax = j;
      }
    if (jmax < 0) break;
    inP[jmax] = 1;
    for (let inner = 0; inner < 3 * n + 30; inner++) {
      const P = [...Array(n).keys()].filter((j) => inP[j]);
      const z = lsqSubset(A, m, n, y, P);
      if (z.every((v) => v > 0)) {
        P.forEach((j, q) => (w[j] = z[q]!));
        break;
      }
      let alpha = Infinity;
      P.forEach((j, q) => {
        if (z[q]! <= 0) alpha = Math.min(alpha, w[j]! / (w[j]! - z[q]!));
      });
      P.forEach((j, q) => {
        w[j] = w[j]! + alpha * (z[q]! - w[j]!);
        if (w[j] <= 1e-300) {
          w[j] = 0;
          inP[j] = 0;
        }
      });
    }
  }
  let r2 = 0;
  for (let i = 0; i < m; i++) {
    let s = y[i]!;
    for (let j = 0; j < n; j++) s -= A[i * n + j]! * w[j]!;
    r2 += s * s;
  }
  return { w, residual: Math.sqrt(r2) };
}

/** Distance from the unit vector y to cone{rows of X} ([n, d]), i.e. the NNLS residual. */
export function coneResidual(X: ArrayLike<number>, n: number, d: number, y: ArrayLike<number>): number {
  const A = new Float64Array(d * n);
  for (let j = 0; j < n; j++) for (let k = 0; k < d; k++) A[k * n + j] = X[j * d + k]!;
  return nnls(A, d, n, y).residual;
}
