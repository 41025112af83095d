/**
 * Run-time checks that a float64 oracle met the accuracy its tolerance analysis assumes. Every claim that
 * reads an oracle's output (the exact plan P*, the reference Sinkhorn iterates, the float64 layer) passes it
 * through one of these; a miss throws {@link OracleError}, which the runner reports as `error`, never
 * `verified`. The residuals are recomputed here from the oracle's output, not read from its own bookkeeping.
 */
import { OracleError } from '../impl/errors.js';
import { logSumExp } from '../impl/reference/logsumexp.js';
import { maxAbsFinite, UNIT_ROUNDOFF_F64 } from '../impl/reference/numeric.js';
import type { OTProblem } from '../impl/reference/sinkhorn.js';

/** Throws an OracleError unless `residual` ≤ `stated` (NaN fails). */
export function assertOracle(oracle: string, quantity: string, residual: number, stated: number): void {
  if (!(residual <= stated)) {
    const got = `${quantity} = ${residual.toExponential(3)}`;
    throw new OracleError(oracle, `${got}, stated accuracy ${stated.toExponential(3)}`);
  }
}

/** Scalings of a plan P = diag(u) K diag(v), as logarithms. */
export interface LogScalings {
  readonly logU: ArrayLike<number>;
  readonly logV: ArrayLike<number>;
}

/** max|log u| + max|log v| + max|C|/ε over finite entries: the scale of a log-plan's rounding. */
export function logPlanScale(p: OTProblem, s: LogScalings): number {
  return maxAbsFinite(s.logU) + maxAbsFinite(s.logV) + maxAbsFinite(p.C) / p.eps;
}

/**
 * Marginal residuals of a log-plan, (‖P1 − a‖₁ + ‖Pᵀ1 − b‖₁)/Σa, summed here in float64 (Neumaier
 * log-sum-exp per row and column), so a broken oracle cannot vouch for itself.
 */
function planMarginalResidual(p: OTProblem, logPlan: ArrayLike<number>): { row: number; column: number } {
  const { n, m } = p;
  let mass = 0;
  for (let i = 0; i < n; i++) mass += p.a[i]!;
  const buf = new Float64Array(Math.max(n, m));
  let row = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) buf[j] = logPlan[i * m + j]!;
    row += Math.abs(Math.exp(logSumExp(buf, 0, m)) - p.a[i]!);
  }
  let column = 0;
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) buf[i] = logPlan[i * m + j]!;
    column += Math.abs(Math.exp(logSumExp(buf, 0, n)) - p.b[j]!);
  }
  return { row: row / mass, column: column / mass };
}

/**
 * The exact plan P*_ε meets its stated marginal accuracy (impl/reference/entropic-plan.ts: 1e-13, or within
 * 100× of its float64 rounding floor 4u₆₄(n + m)(1 + scale) when rounding-limited), plus the rounding of this
 * recomputation (n + m sums of exp of entries of size ≤ scale: 2u₆₄·(n + m)·(1 + scale)).
 */
export function assertExactPlan(oracle: string, p: OTProblem, logPlan: ArrayLike<number>, s: LogScalings): void {
  const scale = logPlanScale(p, s);
  const floor = 4 * UNIT_ROUNDOFF_F64 * (p.n + p.m) * (1 + scale);
  const stated = Math.max(1e-13, 100 * floor) + 2 * UNIT_ROUNDOFF_F64 * (p.n + p.m) * (1 + scale);
  const r = planMarginalResidual(p, logPlan);
  assertOracle(oracle, 'row marginal residual ‖P1 − a‖₁/Σa', r.row, stated);
  assertOracle(oracle, 'column marginal residual ‖Pᵀ1 − b‖₁/Σa', r.column, stated);
}

/**
 * The float64 reference Sinkhorn after L iterations ends on a column half-step, so its plan's column
 * marginals equal b up to float64 rounding: |log Σ_i P_ij − log b_j| ≤ 8u₆₄·(n + scale) (the log-sum-exp
 * bound of properties/tolerance.ts in float64, for the half-step and for this recomputation).
 */
export function assertReferenceColumnStep(
  oracle: string,
  p: OTProblem,
  logPlan: ArrayLike<number>,
  s: LogScalings,
): void {
  const scale = logPlanScale(p, s);
  const buf = new Float64Array(p.n);
  let worst = 0;
  for (let j = 0; j < p.m; j++) {
    if (p.b[j] === 0) continue;
    for (let i = 0; i < p.n; i++) buf[i] = logPlan[i * p.m + j]!;
    const d = Math.abs(logSumExp(buf, 0, p.n) - Math.log(p.b[j]!));
    worst = Number.isNaN(d) ? NaN : Math.max(worst, d);
  }
  assertOracle(oracle, 'max_j |log Σ_i P_ij − log b_j| after the v-step', worst, 8 * UNIT_ROUNDOFF_F64 * (p.n + scale));
}
