/**
 * The Sinkformer layer as written in the seed (Sander, Ablin, Blondel & Peyré 2022, arXiv 2110.11773,
 * §3; spec heat-flow-limit §1.2): logits C_ij = (W_Q x_i)ᵀ(W_K x_j), attention K = Sinkhorn(C/ε) — the
 * entropic plan of the cost −C with uniform marginals, times n — and the residual update
 *
 *   x_i ← x_i + Σ_j K_ij W_V (x_j − x_i) = (I − W_V) x_i + Σ_j K_ij W_V x_j     (rows of K sum to 1).
 *
 * The Sinkhorn normalisations alternate row, column, row, … (`halfSteps` of them; Sinkformers' README:
 * "1 iteration in Sinkhorn corresponds to the original Transformer", i.e. row softmax), computed with the
 * foundation's log-domain half-steps; the update uses K with its rows renormalised (exact after a row step).
 */
import { columnHalfStep, logPlanFrom, rowHalfStep, type OTProblem } from './sinkhorn.js';
import { logSumExp } from './logsumexp.js';
import { applyMatrixRows } from './sphere.js';

/** Logits C_ij = (W_Q x_i)ᵀ(W_K x_j) for tokens x [n, d]. */
export function attentionLogits(
  x: Float64Array,
  n: number,
  d: number,
  WQ: ArrayLike<number>,
  WK: ArrayLike<number>,
): Float64Array {
  const q = applyMatrixRows(WQ, x, n, d);
  const k = applyMatrixRows(WK, x, n, d);
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let r = 0; r < d; r++) s += q[i * d + r]! * k[j * d + r]!;
      C[i * n + j] = s;
    }
  }
  return C;
}

/**
 * K = Sinkhorn(C/ε) after `halfSteps` alternating log-domain normalisations (row first), rows renormalised
 * to sum to 1, starting from the column scaling `initLogV` (default 0; the plan is e^{log u_i + log v_j + C_ij/ε}).
 * Returned as a row-major n×n matrix.
 */
export function sinkhornAttention(
  logits: Float64Array,
  n: number,
  eps: number,
  halfSteps: number,
  initLogV?: ArrayLike<number>,
): Float64Array {
  const uniform = new Float64Array(n).fill(1 / n);
  const p: OTProblem = { n, m: n, a: uniform, b: uniform, C: logits.map((c) => -c), eps };
  let logU = new Float64Array(n);
  let logV = initLogV ? Float64Array.from(initLogV) : new Float64Array(n);
  for (let h = 1; h <= halfSteps; h++) {
    if (h % 2 === 1) {
      const u = new Float64Array(n);
      rowHalfStep(p, logV, 0, u, 0);
      logU = u;
    } else {
      const v = new Float64Array(n);
      columnHalfStep(p, logU, 0, v, 0);
      logV = v;
    }
  }
  const logPlan = logPlanFrom(p, logU, 0, logV, 0);
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const lse = logSumExp(logPlan, i * n, n);
    for (let j = 0; j < n; j++) K[i * n + j] = Math.exp(logPlan[i * n + j]! - lse);
  }
  return K;
}

/** One layer x_i ← x_i + Σ_j K_ij W_V (x_j − x_i) for given attention K (rows sum to 1). */
export function sinkformerUpdate(
  x: Float64Array,
  n: number,
  d: number,
  K: Float64Array,
  WV: ArrayLike<number>,
): Float64Array {
  const v = applyMatrixRows(WV, x, n, d);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < d; r++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += K[i * n + j]! * (v[j * d + r]! - v[i * d + r]!);
      out[i * d + r] = x[i * d + r]! + s;
    }
  }
  return out;
}
