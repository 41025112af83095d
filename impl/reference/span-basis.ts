/**
 * The span of a particle system as its own coordinate space (GLPR, arXiv 2312.10794, eq. 2.3): with V = I
 * every velocity ẋ_i = P⊥_{x_i}(Σ_j A_ij x_j) = Σ_j A_ij x_j − ⟨x_i, Σ_j A_ij x_j⟩ x_i is a combination of
 * x_1, …, x_n, so the whole trajectory (and every Euler or RK4 stage, renormalised or not) stays in
 * S = span{x_1(0), …, x_n(0)}, of dimension r ≤ n. In an orthonormal basis q_1, …, q_n of S (rows of Q,
 * zero rows past r) the coordinates y_i = Q x_i keep every inner product, ⟨y_i, y_j⟩ = ⟨x_i, x_j⟩, and the
 * logits ⟨B x_i, x_j⟩ = ⟨(Q B Qᵀ) y_i, y_j⟩; so for d > n the dynamics run in n dimensions instead of d and
 * map back by x_i = Qᵀ y_i. Float64 throughout: the basis costs 2n²d flops per instance (Gram–Schmidt twice,
 * orthogonal to roundoff: Giraud, Langou & Rozložník 2005), against the 4n²d per field evaluation it saves
 * d/n times over. Hand-written rather than a library QR: a general Householder QR object costs ~10× more per
 * 32 × 128 instance, and a batch has tens of thousands.
 */

/** Q per instance, row-major [B, n, d]: row k is q_k, or zeros when the points span fewer than k + 1 dimensions. */
export interface SpanBasis {
  readonly B: number;
  readonly n: number;
  readonly d: number;
  readonly q: Float64Array;
  /** Coordinates y_i = Q x_i, row-major [B, n, n]. */
  readonly y: Float64Array;
}

/**
 * A residual this small against a unit particle is roundoff of a point already in the span (a duplicate or a
 * combination of earlier points): it adds no direction.
 */
const RANK_TOLERANCE = 1e-12;

/** The orthonormal basis of each instance's span and the particles' coordinates in it (x row-major [B, n, d]). */
export function spanBasis(x: ArrayLike<number>, B: number, n: number, d: number): SpanBasis {
  const q = new Float64Array(B * n * d);
  const y = new Float64Array(B * n * n);
  const v = new Float64Array(d);
  for (let b = 0; b < B; b++) {
    const xb = b * n * d;
    let rank = 0;
    for (let i = 0; i < n; i++) {
      let scale = 0;
      for (let c = 0; c < d; c++) {
        v[c] = x[xb + i * d + c]!;
        scale += v[c]! * v[c]!;
      }
      scale = Math.sqrt(scale);
      for (let pass = 0; pass < 2; pass++) {
        for (let k = 0; k < rank; k++) {
          const qk = xb + k * d;
          let dot = 0;
          for (let c = 0; c < d; c++) dot += q[qk + c]! * v[c]!;
          for (let c = 0; c < d; c++) v[c] = v[c]! - dot * q[qk + c]!;
        }
      }
      let norm = 0;
      for (let c = 0; c < d; c++) norm += v[c]! * v[c]!;
      norm = Math.sqrt(norm);
      if (norm > RANK_TOLERANCE * scale) {
        const qk = xb + rank * d;
        for (let c = 0; c < d; c++) q[qk + c] = v[c]! / norm;
        rank++;
      }
    }
    for (let i = 0; i < n; i++)
      for (let k = 0; k < rank; k++) {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += q[xb + k * d + c]! * x[xb + i * d + c]!;
        y[b * n * n + i * n + k] = dot;
      }
  }
  return { B, n, d, q, y };
}

/** The bilinear forms in span coordinates, Q B Qᵀ per instance ([B, d, d] → [B, n, n]). */
export function bilinearInSpan(basis: SpanBasis, bilinear: ArrayLike<number>): Float64Array {
  const { B, n, d, q } = basis;
  const out = new Float64Array(B * n * n);
  const bq = new Float64Array(d);
  for (let b = 0; b < B; b++) {
    const M = b * d * d;
    const Q = b * n * d;
    for (let l = 0; l < n; l++) {
      for (let r = 0; r < d; r++) {
        let s = 0;
        for (let c = 0; c < d; c++) s += bilinear[M + r * d + c]! * q[Q + l * d + c]!;
        bq[r] = s;
      }
      for (let k = 0; k < n; k++) {
        let s = 0;
        for (let r = 0; r < d; r++) s += q[Q + k * d + r]! * bq[r]!;
        out[b * n * n + k * n + l] = s;
      }
    }
  }
  return out;
}

/** States in span coordinates [B, stored, n, n] back in R^d, x_i = Qᵀ y_i ([B, stored, n, d]). */
export function statesFromSpan(basis: SpanBasis, y: ArrayLike<number>, stored: number): Float64Array {
  const { B, n, d, q } = basis;
  const out = new Float64Array(B * stored * n * d);
  for (let b = 0; b < B; b++)
    for (let s = 0; s < stored; s++)
      for (let i = 0; i < n; i++) {
        const yi = ((b * stored + s) * n + i) * n;
        const xi = ((b * stored + s) * n + i) * d;
        for (let k = 0; k < n; k++) {
          const c = y[yi + k]!;
          if (c === 0) continue;
          const qk = b * n * d + k * d;
          for (let r = 0; r < d; r++) out[xi + r] = out[xi + r]! + c * q[qk + r]!;
        }
      }
  return out;
}
