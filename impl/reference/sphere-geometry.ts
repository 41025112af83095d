/**
 * Geometry on S^{d−1} for the measure-interpolation family (GRR arXiv 2411.04551, §1.5 notation and
 * spec §1 note 5): geodesic distance, W2 with the chordal ground metric |x − y| (d_g/ (π/2) ≤ |x−y| ≤ d_g),
 * barycenters, caps.
 */
import { hungarian } from './hungarian.js';

/** Geodesic distance d_g(x, y) = arccos⟨x, y⟩ of unit vectors (clamped; atan2 form, accurate near 0 and π). */
export function geodesic(x: ArrayLike<number>, y: ArrayLike<number>, d = x.length, i = 0, j = 0): number {
  let dot = 0;
  let cross = 0;
  for (let k = 0; k < d; k++) dot += x[i * d + k]! * y[j * d + k]!;
  for (let k = 0; k < d; k++) cross += (x[i * d + k]! - dot * y[j * d + k]!) ** 2;
  return Math.atan2(Math.sqrt(cross), dot);
}

/** Euclidean (chordal) distance between row i of x and row j of y. */
export function chordal(x: ArrayLike<number>, i: number, y: ArrayLike<number>, j: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += (x[i * d + k]! - y[j * d + k]!) ** 2;
  return Math.sqrt(s);
}

/** W2(μ, δ_z)² = (1/n) Σ |x_i − z|² for the uniform empirical μ (spec §1 note 5); returns W2. */
export function w2ToDirac(x: ArrayLike<number>, n: number, d: number, z: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) s += (x[i * d + k]! - z[k]!) ** 2;
  return Math.sqrt(s / n);
}

/** W2 between uniform empirical measures of equal size n, by exact assignment (chordal ground metric). */
export function w2Equal(x: ArrayLike<number>, y: ArrayLike<number>, n: number, d: number): number {
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) C[i * n + j] = chordal(x, i, y, j, d) ** 2;
  return Math.sqrt(Math.max(0, hungarian(C, n).cost / n));
}

/** The barycenter E_μ[z] of a uniform cloud [n, d]. */
export function barycenter(x: ArrayLike<number>, n: number, d: number): Float64Array {
  const m = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) m[k] = m[k]! + x[i * d + k]! / n;
  return m;
}

/** v/|v| (a copy). */
export function unit(v: ArrayLike<number>): Float64Array {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k]! ** 2;
  const r = Math.sqrt(s);
  return Float64Array.from(v, (x) => x / r);
}

/** Radius of the smallest cap around the unit vector a holding the cloud: max_i d_g(a, x_i). */
export function capRadius(x: ArrayLike<number>, n: number, d: number, a: ArrayLike<number>): number {
  let r = 0;
  for (let i = 0; i < n; i++) r = Math.max(r, geodesic(x, a, d, i, 0));
  return r;
}

/** Largest pairwise geodesic distance inside a cloud (= diam conv_g for clouds in a cap of radius ≤ π/4). */
export function geodesicDiameter(x: ArrayLike<number>, n: number, d: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) m = Math.max(m, geodesic(x, x, d, i, j));
  return m;
}

/** Smallest chordal distance between a token of x ([n, d]) and a token of y ([m, d]). */
export function crossDistance(x: ArrayLike<number>, n: number, y: ArrayLike<number>, m: number, d: number): number {
  let best = Infinity;
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) best = Math.min(best, chordal(x, i, y, j, d));
  return best;
}

/**
 * The unit tangent direction at z (unit) obtained by projecting v onto z^⊥ and normalising; when v is (nearly)
 * parallel to z, the projection of the coordinate axis least aligned with z is used instead.
 */
export function tangentDirection(z: ArrayLike<number>, v: ArrayLike<number>): Float64Array {
  const d = z.length;
  const project = (w: ArrayLike<number>): Float64Array => {
    let dot = 0;
    for (let k = 0; k < d; k++) dot += w[k]! * z[k]!;
    return Float64Array.from({ length: d }, (_, k) => w[k]! - dot * z[k]!);
  };
  let t = project(v);
  if (Math.hypot(...t) < 1e-6) {
    let axis = 0;
    for (let k = 1; k < d; k++) if (Math.abs(z[k]!) < Math.abs(z[axis]!)) axis = k;
    t = project(Float64Array.from({ length: d }, (_, k) => (k === axis ? 1 : 0)));
  }
  return unit(t);
}

/** The point at geodesic distance s from the unit vector z along the unit tangent t (t ⊥ z): cos s·z + sin s·t. */
export function geodesicPoint(z: ArrayLike<number>, t: ArrayLike<number>, s: number): Float64Array {
  return Float64Array.from({ length: z.length }, (_, k) => Math.cos(s) * z[k]! + Math.sin(s) * t[k]!);
}
