/**
 * Shared pieces of the `heat.*` properties: the capability under test, the float error model of one SB
 * step in the implementation's precision, empirical moments, density-weighted grids and quantile
 * particles, and fitted log–log rates with their 95% intervals.
 *
 * Float error model of one SB step (Higham 2002 §3–4 worst-case rounding; properties/tolerance.ts):
 *  - log-potentials: for weights w with L = max|log w| (L = log n when uniform) and C_ii = 0, the fixed point
 *    satisfies |g_i| ≤ L/2 (from e^{−g_i} = Σ_j w_j e^{g_j − C_ij/ε} ≥ w_i e^{g_i} and ≤ max_j e^{g_j}), and the
 *    softmax-weighted magnitude of the log-sum-exp arguments log w_j + g_j − C_ij/ε is ≤ E = 4L + 4
 *    (terms with C_ij/ε > 2L + 2 carry weight ≤ e^{−2}); one map evaluation errs by δ = logSumExpError(acc, E, n);
 *  - the damped iteration contracts with local rate ≤ ½ (Jacobian ½(I − S), S stochastic with spectrum in
 *    [0, 1]), so at a stop with ε·max|Δg| < τ the potential error is e_g ≤ τ/ε + 2δ;
 *  - log P_ij = log w_i + log w_j + g_i + g_j − C_ij/ε errs by 2e_g + 3u·E, doubled by the row normalisation:
 *    η = 2(2e_g + 3uE) relative error of the weights q_ij;
 *  - the barycentre Σ_j q_ij x_j then errs by ≤ η·diam(x) + n·u·max|x| (weights, and the n-term sum), and
 *    2x − B adds 3u·max|x|.
 */
import fc from 'fast-check';
import type { ParticleBatch, SBAttention, SBSolveOptions, SBTrajectory } from '../../impl/capabilities/sb-attention.js';
import { particleCase, type ParticleCase, type ParticleCaseSpec } from '../arbitraries/gaussians.js';
import { normalPdf, normalQuantile } from '../../impl/reference/normal-distribution.js';
import { symmetricEigen } from '../../impl/reference/symmetric-eigen.js';
import { sbStep } from '../../impl/reference/barycentric-projection.js';
import { authorsContraction } from '../../impl/reference/gaussian-sb-step.js';
import type { WeightedParticles } from '../../impl/reference/symmetric-sinkhorn.js';
import { OracleError } from '../../impl/errors.js';
import { linearFit } from '../statistics.js';
import { accuracyOf, IEEE_FLOAT64, logSumExpError, type ArithmeticAccuracy } from '../tolerance.js';
import type { FittedRate, PropertyContext } from '../types.js';
import { capabilityOf } from '../capability.js';

/** The SB attention under test (the runner skips implementations without it). */
export function sbOf(ctx: PropertyContext): SBAttention {
  return capabilityOf(ctx, 'sbAttention');
}

/** The error model above for one accuracy model, particle count n and L = max|log w|. */
export interface StepErrorModel {
  readonly u: number;
  /** Softmax-weighted magnitude bound E = 4L + 4. */
  readonly magnitude: number;
  /** Error δ of one evaluation of the Sinkhorn map. */
  readonly delta: number;
  /** Requested stopping tolerance τ (cost units) for temperature ε: ε·max(2δ, 1e-12). */
  tolerance(eps: number): number;
  /** Relative error η of the row-normalised plan weights at a stop with tolerance τ. */
  planError(eps: number, tau?: number): number;
  /** Per-coordinate error of the barycentre / of 2x − B for a set with diameter `diam` and max|x| = `xmax`. */
  stepError(eps: number, diam: number, xmax: number): number;
}

export function stepErrorModel(acc: ArithmeticAccuracy, n: number, logWeightMax = Math.log(n)): StepErrorModel {
  const u = acc.u;
  const magnitude = 4 * logWeightMax + 4;
  const delta = logSumExpError(acc, magnitude, n);
  const tolerance = (eps: number): number => eps * Math.max(2 * delta, 1e-12);
  const planError = (eps: number, tau = tolerance(eps)): number =>
    2 * (2 * (tau / eps + 2 * delta) + 3 * u * magnitude);
  return {
    u,
    magnitude,
    delta,
    tolerance,
    planError,
    stepError: (eps, diam, xmax) => planError(eps) * diam + (n + 3) * u * xmax,
  };
}

/**
 * The float64 SB step (the oracle of the differential claims), solved to the float64 model's tolerance τ = ε·2δ
 * that its analysed step error assumes; an OracleError when the solver stops above it, since every tolerance
 * built on the oracle would then be unfounded.
 */
export function sbStepOracle(p: WeightedParticles, eps: number, init?: ArrayLike<number>): ReturnType<typeof sbStep> {
  const lw = p.w ? maxAbsLog(p.w) : Math.log(p.n);
  const tolerance = stepErrorModel(IEEE_FLOAT64, p.n, lw).tolerance(eps);
  const out = sbStep(p, eps, { tolerance, maxIterations: 1000, ...(init ? { init } : {}) });
  if (!(out.residual < tolerance)) {
    const what = `residual ${out.residual} ≥ ${tolerance} after ${out.iterations} iterations (ε = ${eps}, n = ${p.n})`;
    throw new OracleError('float64 SB step', what);
  }
  return out;
}

/**
 * The closed-form Gaussian bridge contraction c(λ) = (√(λ² + ε²/4) − ε/2)/λ (AHMP24; Janati et al. 2020), checked
 * against its defining equation λc² + εc − λ = 0 (the same-marginal bridge's cross-covariance cλ) in c ∈ (0, 1]:
 * the root is well conditioned (derivative 2λc + ε ≥ ε), so a residual above 8u·(λ + ε) is an OracleError.
 */
export function checkedContraction(lambda: number, eps: number): number {
  const c = authorsContraction(lambda, eps);
  const residual = Math.abs(lambda * c * c + eps * c - lambda);
  if (!(c > 0 && c <= 1 && residual <= 8 * IEEE_FLOAT64.u * (lambda + eps))) {
    const what = `c = ${c}, |λc² + εc − λ| = ${residual} at λ = ${lambda}, ε = ${eps}`;
    throw new OracleError('Gaussian SB contraction c(λ)', what);
  }
  return c;
}

/** Solve options for an implementation: the model's tolerance at the smallest ε of the batch, 500 iterations at most. */
export function solveOptionsFor(sb: SBAttention, batch: ParticleBatch): SBSolveOptions {
  const lw = batch.weights ? maxAbsLog(batch.weights) : Math.log(batch.n);
  const model = stepErrorModel(accuracyOf(sb), batch.n, lw);
  let epsMin = Infinity;
  for (const e of batch.eps) epsMin = Math.min(epsMin, e);
  return { tolerance: model.tolerance(epsMin), maxIterations: 500 };
}

/** A particle case with a step count K: the input of the claims on K iterated SB steps. */
export interface SteppedParticles {
  readonly particles: ParticleCase;
  readonly steps: number;
}

/** Particles drawn as `spec` and K uniform in [1, stepsMax]. */
export function steppedParticles(spec: ParticleCaseSpec, stepsMax: number): fc.Arbitrary<SteppedParticles> {
  return fc.record({ particles: particleCase(spec), steps: fc.integer({ min: 1, max: stepsMax }) });
}

/**
 * K SB steps (AHMP24 Algorithm 1) of the batch under {@link solveOptionsFor}, every state recorded (S = K + 1 per
 * instance), with the error model above for its uniform weights.
 */
export async function recordedSteps(
  sb: SBAttention,
  batch: ParticleBatch,
  steps: number,
): Promise<{ readonly traj: SBTrajectory; readonly S: number; readonly model: StepErrorModel }> {
  const traj = await sb.iterate(batch, { ...solveOptionsFor(sb, batch), steps, recordEvery: 1 });
  return { traj, S: traj.recordedSteps.length, model: stepErrorModel(accuracyOf(sb), batch.n) };
}

function maxAbsLog(w: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < w.length; k++) m = Math.max(m, Math.abs(Math.log(w[k]!)));
  return m;
}

/** View of instance b of a [B, size] array. */
export function slice(x: Float64Array, b: number, size: number): Float64Array {
  return x.subarray(b * size, (b + 1) * size);
}

/** Mean of a row-major [n, d] set. */
export function empiricalMean(x: ArrayLike<number>, n: number, d: number): Float64Array {
  const m = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let r = 0; r < d; r++) m[r] = m[r]! + x[i * d + r]!;
  for (let r = 0; r < d; r++) m[r] = m[r]! / n;
  return m;
}

/** Covariance (1/n normalisation), two-pass (spec §3.3: compute variances two-pass). */
export function empiricalCov(x: ArrayLike<number>, n: number, d: number): Float64Array {
  const m = empiricalMean(x, n, d);
  const C = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < d; r++)
      for (let c = 0; c < d; c++) C[r * d + c] = C[r * d + c]! + (x[i * d + r]! - m[r]!) * (x[i * d + c]! - m[c]!);
  }
  for (let k = 0; k < d * d; k++) C[k] = C[k]! / n;
  return C;
}

/** Trace of a d×d matrix divided by d (the per-coordinate variance). */
export function meanTrace(C: ArrayLike<number>, d: number): number {
  let s = 0;
  for (let r = 0; r < d; r++) s += C[r * d + r]!;
  return s / d;
}

/** Smallest eigenvalue of a symmetric d×d matrix. */
export function minEigenvalue(S: ArrayLike<number>, d: number): number {
  return symmetricEigen(S, d).values[0]!;
}

/** Diameter bound (max coordinate range × √d) and max|x| of a set. */
export function extent(x: ArrayLike<number>, n: number, d: number): { diam: number; xmax: number } {
  let diam2 = 0;
  let xmax = 0;
  for (let r = 0; r < d; r++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = x[i * d + r]!;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      xmax = Math.max(xmax, Math.abs(v));
    }
    diam2 += (hi - lo) ** 2;
  }
  return { diam: Math.sqrt(diam2), xmax };
}

/**
 * A density-weighted 1-D grid for N(m, λ): spacing √ε/2.5 over m ± 7√λ. The trapezoid rule on the
 * Gaussian conditional law of the bridge (variance ≈ ε) errs by ≈ 2e^{−2π²(2.5)²} ≈ 1e-53 and the
 * truncation by the mass beyond 7σ (≈ 3e-12), so the grid's bridge is the population bridge for our purposes.
 */
export function weightedGrid1D(mean: number, lambda: number, eps: number): { x: Float64Array; w: Float64Array } {
  const sd = Math.sqrt(lambda);
  const h = Math.sqrt(eps) / 2.5;
  const half = Math.ceil((7 * sd) / h);
  const n = 2 * half + 1;
  const x = Float64Array.from({ length: n }, (_, i) => mean + (i - half) * h);
  const w = x.map((v) => normalPdf((v - mean) / sd));
  const s = w.reduce((a, b) => a + b, 0);
  return { x, w: w.map((v) => v / s) };
}

/** Quantile particles x_i = m + √λ·Φ⁻¹((i − ½)/n) of N(m, λ) (spec §3.3). */
export function gaussianQuantileParticles(mean: number, lambda: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => mean + Math.sqrt(lambda) * normalQuantile((i + 0.5) / n));
}

/**
 * Fitted log–log slope of `values` against the ε ladder, with its 95% t-interval (statistics.ts linearFit),
 * compared with the admissible interval of the theory (order ± band, or a one-sided range): consistent when the
 * interval meets it and is narrower than 1; inconsistent when it misses it; inconclusive when it is wider (too few or
 * too noisy rungs).
 */
export function fittedOrder(
  name: string,
  ladder: readonly number[],
  values: readonly number[],
  admissible: readonly [number, number],
  method: string,
): FittedRate {
  const [tlo, thi] = admissible;
  const xs = ladder.map(Math.log);
  const ys = values.map(Math.log);
  if (ladder.length < 3 || ys.some((y) => !Number.isFinite(y))) {
    return { name, estimate: NaN, ci95: [NaN, NaN], theory: admissible, method, ladder, verdict: 'inconclusive' };
  }
  const fit = linearFit(xs, ys);
  const [lo, hi] = fit.ci95;
  const meets = hi >= tlo && lo <= thi;
  const verdict = !meets ? 'inconsistent' : hi - lo < 1 ? 'consistent' : 'inconclusive';
  return { name, estimate: fit.slope, ci95: [lo, hi], theory: admissible, method, ladder, verdict };
}

/** Coverage bins shared by the heat properties. */
export const HEAT_COVERAGE_BINS: Readonly<Record<string, readonly number[]>> = {
  n: [2, 20, 100, 250, 500, 1000, 4001],
  eps: [1e-4, 0.003, 0.01, 0.03, 0.1, 0.2001],
  lambda: [0.25, 0.5, 1, 2, 4.0001],
};
