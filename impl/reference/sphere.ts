/**
 * Particles on the unit sphere S^{d−1}: the shared float64 primitives of the attention-dynamics
 * (Geshkovski, Letrouit, Polyanskiy & Rigollet, arXiv 2312.10794, §2) and measure-interpolation
 * (Geshkovski, Rigollet & Ruiz-Balet, arXiv 2411.04551, §1) families. A configuration is a row-major
 * Float64Array [n, d]; a velocity field maps (configuration, time) to tangent vectors of the same shape.
 */

/** A velocity field on (S^{d−1})^n: returns ẋ for every particle (row-major [n, d]). */
export type SphereField = (x: Float64Array, t: number) => Float64Array;

/** P⊥_x v = v − ⟨x, v⟩x, the projection on T_x S^{d−1} (GLPR §1, notation), for every row. */
export function tangentProjection(x: Float64Array, v: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let k = 0; k < d; k++) dot += x[i * d + k]! * v[i * d + k]!;
    for (let k = 0; k < d; k++) out[i * d + k] = v[i * d + k]! - dot * x[i * d + k]!;
  }
  return out;
}

/** Each row divided by its Euclidean norm (the renormalisation of the authors' Euler scheme). */
export function normalizeRows(x: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += x[i * d + k]! ** 2;
    const r = Math.sqrt(s);
    for (let k = 0; k < d; k++) out[i * d + k] = x[i * d + k]! / r;
  }
  return out;
}

/** Row-major d×d matrix times vector block: y_i = M x_i for every row i. */
export function applyMatrixRows(M: ArrayLike<number>, x: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < d; r++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += M[r * d + c]! * x[i * d + c]!;
      out[i * d + r] = s;
    }
  }
  return out;
}

export interface AttentionParams {
  /** Inverse temperature β ≥ 0. */
  readonly beta: number;
  /** Bilinear form B = KᵀQ (row-major d×d) in e^{β⟨Qx_i, Kx_j⟩} = e^{β⟨B x_i, x_j⟩}; identity when omitted. */
  readonly B?: ArrayLike<number>;
  /** Value matrix V (row-major d×d); identity when omitted. */
  readonly V?: ArrayLike<number>;
  /** 'softmax' (SA, eq. 2.6: divide by Z_{β,i}) or 'unnormalized' (USA, §3.3: divide by n). */
  readonly normalization: 'softmax' | 'unnormalized';
}

/**
 * The attention drift before projection, Σ_j A_ij V x_j with A_ij = e^{β⟨Bx_i,x_j⟩}/Z_i (SA) or /n (USA)
 * (GLPR eqs. 2.3–2.6; GRR eq. 1.2 with 𝒜_B). Logits are max-shifted per row: exact in float64 for any β.
 */
export function attentionDrift(x: Float64Array, n: number, d: number, p: AttentionParams): Float64Array {
  const bx = p.B ? applyMatrixRows(p.B, x, n, d) : x;
  const vx = p.V ? applyMatrixRows(p.V, x, n, d) : x;
  const out = new Float64Array(n * d);
  const logits = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += bx[i * d + k]! * x[j * d + k]!;
      logits[j] = p.beta * s;
      if (logits[j]! > max) max = logits[j]!;
    }
    let z = 0;
    for (let j = 0; j < n; j++) {
      logits[j] = Math.exp(logits[j]! - max);
      z += logits[j]!;
    }
    // SA: weights e^{ℓ−max}/Σ e^{ℓ−max}; USA: e^{ℓ}/n = e^{ℓ−max}·e^{max}/n
    const scale = p.normalization === 'softmax' ? 1 / z : Math.exp(max) / n;
    for (let j = 0; j < n; j++) {
      const w = logits[j]! * scale;
      for (let k = 0; k < d; k++) out[i * d + k] = out[i * d + k]! + w * vx[j * d + k]!;
    }
  }
  return out;
}

/** The projected self-attention field ẋ_i = P⊥_{x_i}(Σ_j A_ij V x_j) (GLPR eq. 2.3). */
export function attentionField(n: number, d: number, p: AttentionParams): SphereField {
  return (x) => tangentProjection(x, attentionDrift(x, n, d, p), n, d);
}

/**
 * The authors' scheme (borjanG/2023-transformers-rotf, phase-diagrams.py): explicit Euler on the
 * unprojected drift, then renormalisation: x ← (x + η·drift)/‖x + η·drift‖ = x + ηP⊥drift + O(η²).
 */
export function eulerRenormalizeStep(
  x: Float64Array,
  drift: Float64Array,
  n: number,
  d: number,
  dt: number,
): Float64Array {
  const y = new Float64Array(n * d);
  for (let k = 0; k < n * d; k++) y[k] = x[k]! + dt * drift[k]!;
  return normalizeRows(y, n, d);
}

/**
 * Classical RK4 on the ambient ODE ẋ = field(x) followed by renormalisation onto the sphere: the field is
 * tangent, so the drift off the sphere is O(dt⁵) per step and the projection keeps it at rounding level. Rows whose
 * increment is exactly zero are not renormalised (they stay bit-identical).
 */
export function rk4SphereStep(
  x: Float64Array,
  field: SphereField,
  t: number,
  dt: number,
  n: number,
  d: number,
): Float64Array {
  const N = n * d;
  const k1 = field(x, t);
  const tmp = new Float64Array(N);
  for (let k = 0; k < N; k++) tmp[k] = x[k]! + 0.5 * dt * k1[k]!;
  const k2 = field(tmp, t + dt / 2);
  for (let k = 0; k < N; k++) tmp[k] = x[k]! + 0.5 * dt * k2[k]!;
  const k3 = field(tmp, t + dt / 2);
  for (let k = 0; k < N; k++) tmp[k] = x[k]! + dt * k3[k]!;
  const k4 = field(tmp, t + dt);
  const y = new Float64Array(N);
  for (let i = 0; i < n; i++) {
    let moved = false;
    let s = 0;
    for (let k = i * d; k < (i + 1) * d; k++) {
      const inc = (dt / 6) * (k1[k]! + 2 * k2[k]! + 2 * k3[k]! + k4[k]!);
      if (inc !== 0) moved = true;
      y[k] = x[k]! + inc;
      s += y[k]! ** 2;
    }
    // a token whose increment is exactly zero (e.g. outside every active gate: GRR Lemma B.2, spec §4.2 item 6
    // "displacement exactly 0") stays bit-identical; renormalising it every step would walk by a few ulps
    if (!moved) continue;
    const r = Math.sqrt(s);
    for (let k = i * d; k < (i + 1) * d; k++) y[k] = y[k]! / r;
  }
  return y;
}

/** Integrate with RK4 on [t0, t0 + steps·dt], returning the final configuration (and every state when `keep`). */
export function integrateRK4(
  x0: Float64Array,
  field: SphereField,
  t0: number,
  dt: number,
  steps: number,
  n: number,
  d: number,
  keep = false,
): { final: Float64Array; states: Float64Array[] } {
  let x = x0;
  const states: Float64Array[] = keep ? [x0] : [];
  for (let s = 0; s < steps; s++) {
    x = rk4SphereStep(x, field, t0 + s * dt, dt, n, d);
    if (keep) states.push(x);
  }
  return { final: x, states };
}

/**
 * The partition functions Z_i = Σ_j e^{β⟨Bx_i, x_j⟩} of the attention rows (GLPR eq. 2.5; with B = V
 * symmetric these are the weights of the modified metric (3.12)). Float64, no shift: β·|⟨Bx,y⟩| ≤ 709.
 */
export function attentionPartition(
  x: Float64Array,
  n: number,
  d: number,
  beta: number,
  B?: ArrayLike<number>,
): Float64Array {
  const bx = B ? applyMatrixRows(B, x, n, d) : x;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) {
      let g = 0;
      for (let k = 0; k < d; k++) g += bx[i * d + k]! * x[j * d + k]!;
      s += Math.exp(beta * g);
    }
    z[i] = s;
  }
  return z;
}

/** Gram matrix G_ij = ⟨x_i, x_j⟩ (row-major n×n). */
export function gramMatrix(x: ArrayLike<number>, n: number, d: number, offset = 0): Float64Array {
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += x[offset + i * d + k]! * x[offset + j * d + k]!;
      g[i * n + j] = s;
      g[j * n + i] = s;
    }
  }
  return g;
}

/**
 * max_{i≠j} ½‖x_i − x_j‖² = 1 − min_{i≠j}⟨x_i, x_j⟩ on the sphere, computed from coordinate differences so
 * that small gaps do not cancel (spec attention-dynamics-clustering §6, "Near-collapse").
 */
export function maxHalfSquaredDistance(x: ArrayLike<number>, n: number, d: number, offset = 0): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += (x[offset + i * d + k]! - x[offset + j * d + k]!) ** 2;
      if (Number.isNaN(s)) return NaN;
      if (s > 2 * m) m = s / 2;
    }
  }
  return m;
}
