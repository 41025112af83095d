/**
 * Damped Newton refinement of entropic-OT scalings: solves log(P1) = log a, log(Pᵀ1) = log b for
 * P = diag(e^α) K diag(e^β) on the support of the weights, with the gauge fixed by freezing the last
 * supported β. The Jacobian of the log-residual is [[I, diag(1/r)P], [diag(1/c)Pᵀ, I]] (cf. the dual
 * Hessian of Peyré & Cuturi 2019, §4.2, preconditioned by the marginals). Converges quadratically
 * where Sinkhorn's linear rate 1 − κ_loc is close to 1 (nearly decoupled kernels, small ε).
 */
import { logSumExp } from './logsumexp.js';
import { solveDense } from './linear-solve.js';
import type { OTProblem } from './sinkhorn.js';

/** Refines (logU, logV) in place; returns the max |log-residual| reached. */
export function newtonRefine(
  p: OTProblem,
  logU: Float64Array,
  logV: Float64Array,
  maxSteps = 60,
  target = 1e-15,
): number {
  const { n, m, a, b, C, eps } = p;
  const rows = [...Array(n).keys()].filter((i) => a[i]! > 0);
  const cols = [...Array(m).keys()].filter((j) => b[j]! > 0);
  const nr = rows.length;
  const nc = cols.length;
  const N = nr + nc - 1;
  const residual = (
    lu: Float64Array,
    lv: Float64Array,
  ): { res: Float64Array; P: Float64Array; r: Float64Array; c: Float64Array; max: number } => {
    const P = new Float64Array(nr * nc);
    const buf = new Float64Array(nc);
    const r = new Float64Array(nr);
    const c = new Float64Array(nc);
    const res = new Float64Array(nr + nc);
    for (let x = 0; x < nr; x++) {
      const i = rows[x]!;
      for (let y = 0; y < nc; y++) {
        const j = cols[y]!;
        buf[y] = lu[i]! + lv[j]! - C[i * m + j]! / eps;
        P[x * nc + y] = Math.exp(buf[y]!);
      }
      const lr = logSumExp(buf, 0, nc);
      r[x] = Math.exp(lr);
      res[x] = lr - Math.log(a[i]!);
    }
    const col = new Float64Array(nr);
    for (let y = 0; y < nc; y++) {
      const j = cols[y]!;
      for (let x = 0; x < nr; x++) col[x] = lu[rows[x]!]! + lv[j]! - C[rows[x]! * m + j]! / eps;
      const lc = logSumExp(col, 0, nr);
      c[y] = Math.exp(lc);
      res[nr + y] = lc - Math.log(b[j]!);
    }
    let max = 0;
    for (let k = 0; k < nr + nc; k++) max = Math.max(max, Math.abs(res[k]!));
    return { res, P, r, c, max };
  };
  let cur = residual(logU, logV);
  for (let step = 0; step < maxSteps && cur.max > target; step++) {
    // unknowns: δα (nr), δβ for all but the last supported column (nc − 1); equations: all rows, all but the last column
    const J = new Float64Array(N * N);
    const rhs = new Float64Array(N);
    for (let x = 0; x < nr; x++) {
      J[x * N + x] = 1;
      for (let y = 0; y < nc - 1; y++) J[x * N + nr + y] = cur.P[x * nc + y]! / cur.r[x]!;
      rhs[x] = -cur.res[x]!;
    }
    for (let y = 0; y < nc - 1; y++) {
      const row = nr + y;
      for (let x = 0; x < nr; x++) J[row * N + x] = cur.P[x * nc + y]! / cur.c[y]!;
      J[row * N + row] = 1;
      rhs[row] = -cur.res[nr + y]!;
    }
    let delta: Float64Array;
    try {
      delta = solveDense(J, rhs, N);
    } catch {
      break;
    }
    let t = 1;
    let improved = false;
    for (let k = 0; k < 30; k++, t /= 2) {
      const lu = Float64Array.from(logU);
      const lv = Float64Array.from(logV);
      rows.forEach((i, x) => (lu[i] = lu[i]! + t * delta[x]!));
      for (let y = 0; y < nc - 1; y++) lv[cols[y]!] = lv[cols[y]!]! + t * delta[nr + y]!;
      const next = residual(lu, lv);
      if (next.max < cur.max) {
        logU.set(lu);
        logV.set(lv);
        cur = next;
        improved = true;
        break;
      }
    }
    if (!improved) break;
  }
  return cur.max;
}
