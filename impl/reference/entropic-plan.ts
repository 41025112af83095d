/**
 * The exact entropic OT plan P*_ε in float64: the ground truth every Sinkhorn claim compares with.
 *
 * P*_ε = argmin_{P ∈ U(a,b)} ⟨P, C⟩ − ε H(P) = diag(u*) K diag(v*), K = exp(−C/ε)
 * (Cuturi 2013; Peyré & Cuturi 2019, Prop. 4.3). Computed by log-domain Sinkhorn run until the row
 * marginal error ‖P1 − a‖₁/Σa is below `tolerance` (default 1e-13; the column marginal is exact
 * after each v-step up to rounding).
 */
import { NumericalError } from '../errors.js';
import { newtonRefine } from './newton-refine.js';
import { columnHalfStep, logPlanFrom, rowHalfStep, rowMarginalError, type OTProblem } from './sinkhorn.js';
import { UNIT_ROUNDOFF_F64 } from './numeric.js';

export interface EntropicPlan {
  readonly logU: Float64Array;
  readonly logV: Float64Array;
  readonly logPlan: Float64Array;
  readonly marginalError: number;
  readonly iterations: number;
  /** Observed per-iteration contraction of the marginal error near convergence (local rate, Peyré & Cuturi Rem. 4.15). */
  readonly localRate: number;
  /** The tolerance actually required: max(tolerance, the float64 rounding floor of the marginal). */
  readonly requiredTolerance: number;
}

export interface EntropicPlanOptions {
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

/**
 * Float64 rounding floor of the row-marginal error: every entry log P_ij = log u_i + log v_j − C_ij/ε
 * carries ≈ 2u₆₄·(|log u| + |log v| + C/ε) relative error after exp, and the n + m marginal sums add
 * u₆₄ each; below 4u₆₄·(n + m)·(1 + scale) the iteration cannot make progress.
 */
function marginalRoundingFloor(p: OTProblem, logU: Float64Array, logV: Float64Array): number {
  let scale = 0;
  for (const x of logU) if (Number.isFinite(x)) scale = Math.max(scale, Math.abs(x));
  let sv = 0;
  for (const x of logV) if (Number.isFinite(x)) sv = Math.max(sv, Math.abs(x));
  let sc = 0;
  for (let k = 0; k < p.n * p.m; k++) sc = Math.max(sc, Math.abs(p.C[k]!) / p.eps);
  return 4 * UNIT_ROUNDOFF_F64 * (p.n + p.m) * (1 + scale + sv + sc);
}

/**
 * Exact entropic plan: log-domain Sinkhorn (Peyré & Cuturi, Prop. 4.3, Rem. 4.22), finished by damped
 * Newton on the marginal equations when Sinkhorn has not reached the tolerance within `maxIterations`.
 */
export function entropicPlan(p: OTProblem, options: EntropicPlanOptions = {}): EntropicPlan {
  const tolerance = options.tolerance ?? 1e-13;
  const maxIterations = options.maxIterations ?? 1_000;
  const { n, m } = p;
  const logU = new Float64Array(n);
  const logV = new Float64Array(m);
  let err = Infinity;
  let prevErr = Infinity;
  let localRate = NaN;
  let it = 0;
  let required = tolerance;
  let best = Infinity;
  let bestAt = 0;
  const check = 5;
  while (it < maxIterations) {
    rowHalfStep(p, logV, 0, logU, 0);
    columnHalfStep(p, logU, 0, logV, 0);
    it++;
    if (it % check === 0 || it === 1) {
      err = rowMarginalError(p, logPlanFrom(p, logU, 0, logV, 0));
      if (it % check === 0 && Number.isFinite(prevErr) && prevErr > 0 && err > 0 && err > 1e3 * tolerance) {
        localRate = Math.pow(err / prevErr, 1 / check);
      }
      prevErr = err;
      required = Math.max(tolerance, marginalRoundingFloor(p, logU, logV));
      if (err < required) break;
      if (err < best * 0.9) {
        best = err;
        bestAt = it;
      } else if (it - bestAt > 1000 && err < 100 * required) {
        // no 10% progress in 1000 iterations, within 100× of the analysed floor: rounding-limited
        required = err * (1 + 1e-9);
        break;
      }
    }
  }
  if (!(err < required)) {
    // Sinkhorn's linear rate is too slow here (nearly decoupled kernel): finish with Newton (quadratic)
    newtonRefine(p, logU, logV);
    columnHalfStep(p, logU, 0, logV, 0);
    err = rowMarginalError(p, logPlanFrom(p, logU, 0, logV, 0));
    required = Math.max(tolerance, marginalRoundingFloor(p, logU, logV));
  }
  if (!(err < required)) {
    throw new NumericalError(
      `entropicPlan: marginal error ${err.toExponential(2)} after ${it} iterations (n=${n}, m=${m}, ε=${p.eps}); ` +
        `tolerance ${required.toExponential(2)} not reached — ε too small for this cost scale`,
    );
  }
  return {
    logU,
    logV,
    logPlan: logPlanFrom(p, logU, 0, logV, 0),
    marginalError: err,
    iterations: it,
    localRate,
    requiredTolerance: required,
  };
}
