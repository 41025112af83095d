/**
 * Float64 Sinkhorn, the oracle for the tensor implementations.
 *
 * Sinkhorn–Knopp in the notation of Peyré & Cuturi (2019), §4.2 (eq. 4.15) and Franklin & Lorenz (1989):
 *   u^{(ℓ)} = a ⊘ K v^{(ℓ−1)},  v^{(ℓ)} = b ⊘ Kᵀ u^{(ℓ)},  K = exp(−C/ε).
 * The log-domain form (Peyré & Cuturi, Remark 4.22) updates log u and log v by log-sum-exp and is
 * exact for any ε; the kernel form multiplies by K and underflows once C/ε exceeds ~745.
 */
import { logSumExp } from './logsumexp.js';

/** One entropic OT problem in float64. */
export interface OTProblem {
  readonly n: number;
  readonly m: number;
  readonly a: ArrayLike<number>;
  readonly b: ArrayLike<number>;
  /** Row-major n×m costs. */
  readonly C: ArrayLike<number>;
  readonly eps: number;
}

export interface ReferenceTrace {
  /** log u^{(ℓ)}, ℓ = 0..L, row-major [(L+1), n]; slot 0 is 0. */
  readonly logU: Float64Array;
  /** log v^{(ℓ)}, ℓ = 0..L, row-major [(L+1), m]. */
  readonly logV: Float64Array;
}

/** log u ← log a − LSE_j(log v_j − C_ij/ε): the row half-step, written into `out`. */
export function rowHalfStep(
  p: OTProblem,
  logV: ArrayLike<number>,
  vOff: number,
  out: Float64Array,
  outOff: number,
): void {
  const { n, m, a, C, eps } = p;
  const buf = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) buf[j] = logV[vOff + j]! - C[i * m + j]! / eps;
    const la = Math.log(a[i]!);
    out[outOff + i] = la === -Infinity ? -Infinity : la - logSumExp(buf, 0, m);
  }
}

/** log v ← log b − LSE_i(log u_i − C_ij/ε): the column half-step, written into `out`. */
export function columnHalfStep(
  p: OTProblem,
  logU: ArrayLike<number>,
  uOff: number,
  out: Float64Array,
  outOff: number,
): void {
  const { n, m, b, C, eps } = p;
  const buf = new Float64Array(n);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) buf[i] = logU[uOff + i]! - C[i * m + j]! / eps;
    const lb = Math.log(b[j]!);
    out[outOff + j] = lb === -Infinity ? -Infinity : lb - logSumExp(buf, 0, n);
  }
}

/** Log-domain Sinkhorn for `iterations` full steps, keeping every iterate (Peyré & Cuturi, Rem. 4.22). */
export function sinkhornLog(p: OTProblem, iterations: number, initLogV?: ArrayLike<number>): ReferenceTrace {
  const { n, m } = p;
  const logU = new Float64Array((iterations + 1) * n);
  const logV = new Float64Array((iterations + 1) * m);
  if (initLogV) for (let j = 0; j < m; j++) logV[j] = initLogV[j]!;
  for (let l = 1; l <= iterations; l++) {
    rowHalfStep(p, logV, (l - 1) * m, logU, l * n);
    columnHalfStep(p, logU, l * n, logV, l * m);
  }
  return { logU, logV };
}

/**
 * Kernel-domain Sinkhorn (Peyré & Cuturi, Alg. of eq. 4.15) with K = exp(−C/ε), in float64.
 * Returned as logarithms for comparison with {@link sinkhornLog}; underflow shows as ±∞ or NaN.
 */
export function sinkhornKernel(p: OTProblem, iterations: number, initLogV?: ArrayLike<number>): ReferenceTrace {
  const { n, m, a, b, C, eps } = p;
  const K = new Float64Array(n * m);
  for (let k = 0; k < n * m; k++) K[k] = Math.exp(-C[k]! / eps);
  const logU = new Float64Array((iterations + 1) * n);
  const logV = new Float64Array((iterations + 1) * m);
  const u = new Float64Array(n);
  const v = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    v[j] = initLogV ? Math.exp(initLogV[j]!) : 1;
    logV[j] = initLogV ? initLogV[j]! : 0;
  }
  for (let l = 1; l <= iterations; l++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += K[i * m + j]! * v[j]!;
      u[i] = a[i]! / s;
      logU[l * n + i] = Math.log(u[i]!);
    }
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += K[i * m + j]! * u[i]!;
      v[j] = b[j]! / s;
      logV[l * m + j] = Math.log(v[j]!);
    }
  }
  return { logU, logV };
}

/** log P_ij = log u_i + log v_j − C_ij/ε for one pair of scalings. */
export function logPlanFrom(
  p: OTProblem,
  logU: ArrayLike<number>,
  uOff: number,
  logV: ArrayLike<number>,
  vOff: number,
): Float64Array {
  const { n, m, C, eps } = p;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) out[i * m + j] = logU[uOff + i]! + logV[vOff + j]! - C[i * m + j]! / eps;
  }
  return out;
}

/** ‖P1 − a‖₁ / Σa for a plan given by its logarithm (the column marginal is exact after a v-step). */
export function rowMarginalError(p: OTProblem, logPlan: ArrayLike<number>): number {
  const { n, m, a } = p;
  let err = 0;
  let mass = 0;
  for (let i = 0; i < n; i++) {
    const r = Math.exp(logSumExp(logPlan, i * m, m));
    err += Math.abs(r - a[i]!);
    mass += a[i]!;
  }
  return err / mass;
}
