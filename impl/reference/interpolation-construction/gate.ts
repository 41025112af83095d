/**
 * The gate block of the interpolation construction (GRR arXiv 2411.04551, Lemma B.2; spec §1 note 4) and the
 * piece builders every phase shares.
 */
import type { ParameterPiece, PerceptronBlock } from '../../capabilities/interpolator.js';
import { piece } from '../interpolation-model.js';

/**
 * G(a, τ, z) (spec §1 note 4): U = e₁aᵀ, b = −τe₁, W = z e₁ᵀ, so W(Ux + b)_+ = (⟨a, x⟩ − τ)_+ z. Its field
 * vanishes exactly on the cap {⟨a, x⟩ ≤ τ}, elsewhere it pushes along the geodesic toward z. With
 * sign = −1 it is the printed Lemma B.2 (B.4) form U = −e₁aᵀ, b = +τe₁: gate (τ − ⟨a, x⟩)_+ (erratum).
 */
export function gateBlock(
  d: number,
  a: ArrayLike<number>,
  tau: number,
  z: ArrayLike<number>,
  sign: 1 | -1 = 1,
): PerceptronBlock {
  const U = new Float64Array(d * d);
  const b = new Float64Array(d);
  const W = new Float64Array(d * d);
  for (let c = 0; c < d; c++) U[c] = sign * a[c]!;
  b[0] = -sign * tau;
  for (let r = 0; r < d; r++) W[r * d] = z[r]!;
  return { W, U, b };
}

/** The piece θ = (0, 0, W, U, b) of a gate block, for `duration`. */
export function gatePiece(d: number, g: PerceptronBlock, duration: number, label: string): ParameterPiece {
  return piece(d, { duration, W: g.W, U: g.U, b: g.b, label });
}

/** The piece (−V, B, −W, U, b): for V ≡ 0 or a V that leaves the state's measures invariant, it undoes `p`. */
export function inversePiece(p: ParameterPiece, label: string): ParameterPiece {
  return { ...p, V: p.V.map((v) => -v), W: p.W.map((v) => -v), label };
}

/** The d×d matrix scale · u vᵀ (row-major). */
export function outerMatrix(u: ArrayLike<number>, v: ArrayLike<number>, d: number, scale = 1): Float64Array {
  const M = new Float64Array(d * d);
  for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) M[r * d + c] = scale * u[r]! * v[c]!;
  return M;
}
