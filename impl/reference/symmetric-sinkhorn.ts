/**
 * The same-marginal Schrödinger bridge of a discrete measure by the symmetric damped log-domain
 * Sinkhorn iteration (spec heat-flow-limit §3.2; the symmetric form of Sinkhorn for equal marginals,
 * cf. Feydy et al. 2019, "Interpolating between OT and MMD", §3 "symmetric Sinkhorn"):
 *
 *   g ← ½(g − LSE_j[log w_j + g_j − C_ij/ε]),     log P_ij = log w_i + log w_j + g_i + g_j − C_ij/ε,
 *
 * with C_ij = ½|x_i − x_j|² (AHMP24's convention: cost ½|x−y|², regularisation ε·KL; spec §1.1).
 * At the fixed point P is symmetric with both marginals w. The damping ½ makes the iteration a
 * contraction with local rate ≤ ½ (its Jacobian ½(I − S), S stochastic with spectrum in [0, 1]).
 * Float64, plain TypeScript; the log-sum-exp is the foundation's compensated one.
 */
import { NumericalError } from '../errors.js';
import { logSumExp } from './logsumexp.js';

/** One weighted particle set: positions [n, d] row-major, weights (probabilities) [n]. */
export interface WeightedParticles {
  readonly n: number;
  readonly d: number;
  readonly x: ArrayLike<number>;
  readonly w?: ArrayLike<number>;
}

export interface SymmetricSinkhornResult {
  /** g = f/ε, length n. */
  readonly logPotential: Float64Array;
  /** log P, row-major n×n. */
  readonly logPlan: Float64Array;
  readonly iterations: number;
  /** The last ε·max|Δg|. */
  readonly residual: number;
}

/**
 * Half squared distances C_ij = ½|x_i − x_j|², from differences (no |x|² + |y|² − 2x·y cancellation;
 * spec §3.3 float32 caveats), times `scale` (1 for AHMP24's ½|x−y|²; 2 reproduces the authors' code's |x−y|²).
 */
export function halfSquaredDistances(p: WeightedParticles, scale = 1): Float64Array {
  const { n, d, x } = p;
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += (x[i * d + k]! - x[j * d + k]!) ** 2;
      C[i * n + j] = C[j * n + i] = 0.5 * scale * s;
    }
  }
  return C;
}

/** log w_j (uniform −log n when no weights are given). */
export function logWeights(p: WeightedParticles): Float64Array {
  const lw = new Float64Array(p.n);
  for (let j = 0; j < p.n; j++) lw[j] = p.w ? Math.log(p.w[j]!) : -Math.log(p.n);
  return lw;
}

/** T(g)_i = −LSE_j[log w_j + g_j − C_ij/ε]: the Sinkhorn map whose fixed point gives the bridge. */
export function symmetricSinkhornMap(
  C: Float64Array,
  logW: Float64Array,
  g: Float64Array,
  eps: number,
  n: number,
): Float64Array {
  const out = new Float64Array(n);
  const buf = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) buf[j] = logW[j]! + g[j]! - C[i * n + j]! / eps;
    out[i] = -logSumExp(buf, 0, n);
  }
  return out;
}

/**
 * The symmetric damped iteration from `init` (default 0) until ε·max|Δg| < tolerance or `maxIterations`.
 * Throws NumericalError when an iterate stops being finite.
 */
export function symmetricSinkhorn(
  p: WeightedParticles,
  eps: number,
  options: { tolerance: number; maxIterations: number; init?: ArrayLike<number>; costScale?: number },
): SymmetricSinkhornResult {
  const { n } = p;
  const C = halfSquaredDistances(p, options.costScale ?? 1);
  const logW = logWeights(p);
  let g = new Float64Array(n);
  if (options.init) for (let i = 0; i < n; i++) g[i] = options.init[i]!;
  let residual = Infinity;
  let it = 0;
  while (it < options.maxIterations) {
    const t = symmetricSinkhornMap(C, logW, g, eps, n);
    let delta = 0;
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      next[i] = 0.5 * (g[i]! + t[i]!);
      const dv = Math.abs(next[i]! - g[i]!);
      if (!Number.isFinite(next[i]!))
        throw new NumericalError(`symmetricSinkhorn: non-finite potential at iteration ${it + 1}`);
      if (dv > delta) delta = dv;
    }
    g = next;
    it++;
    residual = eps * delta;
    if (residual < options.tolerance) break;
  }
  const logPlan = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) logPlan[i * n + j] = logW[i]! + logW[j]! + g[i]! + g[j]! - C[i * n + j]! / eps;
  return { logPotential: g, logPlan, iterations: it, residual };
}
