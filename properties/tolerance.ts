/**
 * Tolerances from float error analysis (Higham, *Accuracy and Stability of Numerical Algorithms*,
 * 2002, §3–4): the per-operation accuracy of the arithmetic an implementation computes in, times a
 * condition factor written next to each use.
 */

import type { ArithmeticName } from '../impl/capabilities/arithmetic.js';
import { UNIT_ROUNDOFF_F32, UNIT_ROUNDOFF_F64 } from '../impl/reference/numeric.js';

/**
 * Per-operation accuracy of an arithmetic: relative error bounds of +, −, ×, ÷, √ and exp, the absolute
 * error of log, and whether subnormal results may be flushed to zero.
 */
export interface ArithmeticAccuracy {
  /** Printed in reports: which accuracy model a claim's tolerances used. */
  readonly name: string;
  /** Relative error of one +, − or × (the unit roundoff of the analyses). */
  readonly u: number;
  /** Relative error of one division. */
  readonly div: number;
  /** Relative error of one square root. */
  readonly sqrt: number;
  /** Relative error of exp(x) for |x| ≤ t. */
  exp(t: number): number;
  /** Absolute error of log(x) for x in [lo, hi] (0 < lo ≤ hi). */
  log(lo: number, hi: number): number;
  /** Results below the smallest normal number may become 0 (absolute error ≤ that number). */
  readonly flushesSubnormals: boolean;
}

function correctlyRounded(name: string, u: number): ArithmeticAccuracy {
  return {
    name,
    u,
    div: u,
    sqrt: u,
    flushesSubnormals: false,
    exp: () => u,
    log: (lo, hi) => u * Math.max(Math.abs(Math.log(lo)), Math.abs(Math.log(hi))),
  };
}

/** IEEE 754 binary64, round to nearest (exp and log within 1 ulp are taken as correctly rounded). */
export const IEEE_FLOAT64 = correctlyRounded('IEEE 754 binary64 (u = 2⁻⁵³)', UNIT_ROUNDOFF_F64);
/** IEEE 754 binary32, round to nearest: tfjs cpu and wasm (XNNPACK), and the tfjs-node TensorFlow kernels. */
export const IEEE_FLOAT32 = correctlyRounded('IEEE 754 binary32 (u = 2⁻²⁴)', UNIT_ROUNDOFF_F32);

const F32_ULP = 2 ** -23;
/**
 * WGSL f32 (W3C WebGPU Shading Language, §"Floating Point Accuracy"): "correctly rounded" +, −, × may
 * return either neighbour of the exact value (1 ulp = 2⁻²³ relative); x / y within 2.5 ulp; exp(x) within
 * 3 + 2|x| ulp; log(x) within an absolute 2⁻²¹ on [0.5, 2] and 3 ulp elsewhere; sqrt inherited from
 * 1 / inverseSqrt (2 ulp, then a 2.5-ulp division: ≤ 4.5 ulp, 5 taken); subnormals may flush to zero.
 */
export const WGSL_FLOAT32: ArithmeticAccuracy = {
  name: 'WGSL f32 accuracy table (1 ulp +−×, 2.5 ulp ÷, exp 3+2|x| ulp, log 2⁻²¹ abs on [0.5, 2], flush)',
  u: F32_ULP,
  div: 2.5 * F32_ULP,
  sqrt: 5 * F32_ULP,
  exp: (t) => (3 + 2 * t) * F32_ULP,
  log: (lo, hi) => {
    const near = 2 ** -21;
    if (lo >= 0.5 && hi <= 2) return near;
    return Math.max(near, 3 * F32_ULP * Math.max(Math.abs(Math.log(lo)), Math.abs(Math.log(hi))));
  },
  flushesSubnormals: true,
};

/** The accuracy model of an implementation: float64, or float32 under the table it declares (IEEE by default). */
export function accuracyOf(impl: {
  readonly precision: 'float32' | 'float64';
  readonly arithmetic?: ArithmeticName;
}): ArithmeticAccuracy {
  if (impl.precision === 'float64') return IEEE_FLOAT64;
  return impl.arithmetic === 'wgsl' ? WGSL_FLOAT32 : IEEE_FLOAT32;
}

/** Unit roundoff: 2⁻²⁴ for float32, 2⁻⁵³ for float64 (IEEE, round to nearest). */
export function unitRoundoff(precision: 'float32' | 'float64'): number {
  return precision === 'float32' ? UNIT_ROUNDOFF_F32 : UNIT_ROUNDOFF_F64;
}

/**
 * Relative error of a sum S = Σ_k exp(x_k) of `count` terms with x_k ∈ [−span, 0] and max x_k = 0 (so S ≥ 1),
 * from exp's accuracy alone. Correctly rounded exp: u. WGSL's 3 + 2|x| ulp grows with |x| but the term
 * shrinks as e^{−|x|}: Σ_k e^{−t_k}(3 + 2t_k)·ulp ≤ (3S + 2·min(span, (count − 1)/e))·ulp, since
 * t·e^{−t} ≤ 1/e and the max term has t = 0; divided by S ≥ 1.
 */
export function shiftedExpSumError(acc: ArithmeticAccuracy, span: number, count: number): number {
  const flat = acc.exp(0);
  const slope = acc.exp(1) - flat;
  return flat + slope * Math.min(span, Math.max(count - 1, 0) / Math.E);
}

/**
 * Absolute error bound of a max-shifted log-sum-exp of `count` terms whose arguments are bounded by
 * `magnitude` in absolute value, under the accuracy model `acc` (op = one +, −, × error):
 *  - forming x_k − max: abs error ≤ 2·op·magnitude, which exp turns into relative error;
 *  - exp of the shifted arguments (span ≤ 2·magnitude): {@link shiftedExpSumError};
 *  - the sequential sum of `count` positive terms: relative error ≤ (count−1)·op;
 *  - log of the sum S ∈ [1, count]: absolute error ≈ relative error of the sum, plus acc.log(1, count);
 *  - adding the max back: op·magnitude; 2·op slack.
 * For IEEE (every term u): u·(3·magnitude + count + log(count) + 2).
 */
export function logSumExpError(acc: ArithmeticAccuracy, magnitude: number, count: number): number {
  const op = acc.u;
  const c = Math.max(count, 1);
  return op * (3 * magnitude + (c - 1) + 2) + shiftedExpSumError(acc, 2 * magnitude, c) + acc.log(1, c);
}

/**
 * Error of one Sinkhorn half-step log u = log a − LSE_j(log v_j − C_ij/ε) under `acc` (log or kernel
 * domain; the kernel form has the same structure: exp of −C/ε, a sum of `count` products, a division and
 * a log): the log-sum-exp error plus the subtraction's op·|log a|, plus the division's error beyond one op.
 */
export function halfStepError(
  acc: ArithmeticAccuracy,
  magnitude: number,
  count: number,
  logWeightMagnitude: number,
): number {
  return logSumExpError(acc, magnitude, count) + acc.u * (logWeightMagnitude + 1) + (acc.div - acc.u);
}

/**
 * Bound of an error recursion e_ℓ ≤ ρ·e_{ℓ−1} + δ after ℓ steps from e_0:
 * e_ℓ ≤ ρ^ℓ e_0 + δ·(1 − ρ^ℓ)/(1 − ρ), with the geometric sum read as ℓ when ρ → 1.
 */
export function perturbedContraction(rho: number, steps: number, e0: number, delta: number): number {
  const geometric = rho < 1 - 1e-12 ? (1 - rho ** steps) / (1 - rho) : steps;
  return rho ** steps * e0 + delta * Math.min(geometric, steps);
}
