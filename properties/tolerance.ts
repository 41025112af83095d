/**
 * Tolerances from float error analysis (Higham, *Accuracy and Stability of Numerical Algorithms*,
 * 2002, §3–4): unit roundoff u, times a condition factor written next to each use.
 */

/** Unit roundoff: 2⁻²⁴ for float32, 2⁻⁵³ for float64. */
export function unitRoundoff(precision: 'float32' | 'float64'): number {
  return precision === 'float32' ? 2 ** -24 : 2 ** -53;
}

/**
 * Absolute error bound of a max-shifted log-sum-exp of `count` terms whose arguments are bounded by
 * `magnitude` in absolute value, computed in precision u:
 *  - forming x_k − max: abs error ≤ 2u·magnitude, which exp turns into relative error;
 *  - exp: relative error ≤ u; the sequential sum of `count` positive terms: relative error ≤ (count−1)u;
 *  - log of the sum: absolute error ≈ relative error of the sum, plus u·|log sum| ≤ u·log(count);
 *  - adding the max back: u·magnitude.
 * Total ≤ u·(3·magnitude + count + log(count) + 2).
 */
export function logSumExpError(u: number, magnitude: number, count: number): number {
  return u * (3 * magnitude + count + Math.log(Math.max(count, 1)) + 2);
}

/**
 * Error of one Sinkhorn half-step log u = log a − LSE_j(log v_j − C_ij/ε) in precision u (log or
 * kernel domain; the kernel form has the same structure: exp of −C/ε, a sum of `count` products, a
 * division and a log): the log-sum-exp error plus u·|log a| for the subtraction.
 */
export function halfStepError(u: number, magnitude: number, count: number, logWeightMagnitude: number): number {
  return logSumExpError(u, magnitude, count) + u * (logWeightMagnitude + 1);
}

/**
 * Bound of an error recursion e_ℓ ≤ ρ·e_{ℓ−1} + δ after ℓ steps from e_0:
 * e_ℓ ≤ ρ^ℓ e_0 + δ·(1 − ρ^ℓ)/(1 − ρ), with the geometric sum read as ℓ when ρ → 1.
 */
export function perturbedContraction(rho: number, steps: number, e0: number, delta: number): number {
  const geometric = rho < 1 - 1e-12 ? (1 - rho ** steps) / (1 - rho) : steps;
  return rho ** steps * e0 + delta * Math.min(geometric, steps);
}
