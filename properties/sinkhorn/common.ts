/**
 * Shared pieces of the `sinkhorn.*` properties: the float64 oracle per instance, slices of a trace,
 * the analysed per-half-step noise, and coverage coordinates.
 */
import type { SinkhornBatch, SinkhornDomain, SinkhornSolver, SinkhornTrace } from '../../impl/capabilities/sinkhorn.js';
import { birkhoffContraction, projectiveDiameter } from '../../impl/reference/birkhoff.js';
import { entropicPlan, type EntropicPlan } from '../../impl/reference/entropic-plan.js';
import { logPlanFrom, sinkhornLog, type OTProblem } from '../../impl/reference/sinkhorn.js';
import { accuracyOf, halfStepError, perturbedContraction } from '../tolerance.js';
import type { PropertyContext } from '../types.js';
import type { SinkhornCase } from '../arbitraries/sinkhorn-batch.js';
import { capabilityOf } from '../capability.js';

/** The solver under test, or a clear error when the implementation lacks it (the runner skips first). */
export function solverOf(ctx: PropertyContext): SinkhornSolver {
  return capabilityOf(ctx, 'sinkhorn');
}

/**
 * The i-th problem in float64 with b rescaled to the mass of a: float32 rounding leaves Σa and Σb
 * unequal by ~n·2⁻²⁴, and balanced OT needs equal masses. Rescaling b multiplies v by a constant,
 * to which the Hilbert metric is blind.
 */
export function oracleProblem(batch: SinkhornBatch, i: number): OTProblem {
  const { n, m } = batch;
  const a = batch.a.subarray(i * n, (i + 1) * n);
  const b0 = batch.b.subarray(i * m, (i + 1) * m);
  const ma = a.reduce((s, x) => s + x, 0);
  const mb = b0.reduce((s, x) => s + x, 0);
  const b = Float64Array.from(b0, (x) => (x * ma) / mb);
  return { n, m, a, b, C: batch.C.subarray(i * n * m, (i + 1) * n * m), eps: batch.eps[i]! };
}

export interface InstanceOracle {
  readonly problem: OTProblem;
  /** Projective diameter Δ(K) of K = exp(−C/ε). */
  readonly diameter: number;
  /** Birkhoff coefficient κ = tanh(Δ/4). */
  readonly kappa: number;
}

export function instanceOracle(batch: SinkhornBatch, i: number): InstanceOracle {
  const problem = oracleProblem(batch, i);
  const diameter = projectiveDiameter(problem.C, problem.n, problem.m, problem.eps);
  return { problem, diameter, kappa: birkhoffContraction(diameter) };
}

/** The exact plan P*_ε of an instance (float64, marginal error < 1e-13). */
export function exactPlan(o: InstanceOracle): EntropicPlan {
  return entropicPlan(o.problem);
}

/** View of log u^{(slot)} (which = 'logU', length n) or log v^{(slot)} (length m) of instance b. */
export function traceSlice(trace: SinkhornTrace, which: 'logU' | 'logV', b: number, slot: number): Float64Array {
  const len = which === 'logU' ? trace.n : trace.m;
  const off = (b * trace.stored + slot) * len;
  return trace[which].subarray(off, off + len);
}

/** View of the implementation's log-plan of instance b. */
export function planSlice(trace: SinkhornTrace, b: number): Float64Array {
  const nm = trace.n * trace.m;
  return trace.logPlan.subarray(b * nm, (b + 1) * nm);
}

function maxFinite(x: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < x.length; k++) {
    const v = Math.abs(x[k]!);
    if (Number.isFinite(v) && v > m) m = v;
  }
  return m;
}

/**
 * Analysed error δ of one half-step of instance i in the solver's precision (properties/tolerance.ts):
 * the log-sum-exp arguments log v_j − C_ij/ε are bounded by max|log v| + max C/ε, over max(n, m) terms.
 */
export function halfStepNoise(solver: SinkhornSolver, batch: SinkhornBatch, i: number, scalings: readonly ArrayLike<number>[]): number {
  const acc = accuracyOf(solver);
  const C = batch.C.subarray(i * batch.n * batch.m, (i + 1) * batch.n * batch.m);
  const magnitude = Math.max(...scalings.map(maxFinite)) + maxFinite(C) / batch.eps[i]!;
  const logW = Math.max(maxFinite(batch.a.subarray(i * batch.n, (i + 1) * batch.n).map(Math.log)), maxFinite(batch.b.subarray(i * batch.m, (i + 1) * batch.m).map(Math.log)));
  return halfStepError(acc, magnitude, Math.max(batch.n, batch.m), logW);
}

/** Coverage coordinates of one instance. */
export function coverageOf(c: SinkhornCase, i: number, o: InstanceOracle): Record<string, number | string> {
  return {
    n: c.batch.n, m: c.batch.m, eps: c.batch.eps[i]!, kappa: o.kappa, cost: c.costFamily, weights: c.weightFamily,
  };
}

export const SINKHORN_COVERAGE_BINS: Readonly<Record<string, readonly number[]>> = {
  n: [2, 4, 8, 16, 32, 65],
  m: [2, 4, 8, 16, 32, 65],
  eps: [0.05, 0.1, 0.2, 0.5, 1, 2.0001],
  kappa: [0, 0.5, 0.9, 0.99, 0.999, 1.0000001],
};

/** A batch with every instance repeated: [instances…, instances…], for paired runs (v and v′). */
export function doubled(batch: SinkhornBatch): SinkhornBatch {
  const cat = (x: Float64Array): Float64Array => {
    const out = new Float64Array(2 * x.length);
    out.set(x);
    out.set(x, x.length);
    return out;
  };
  return { B: 2 * batch.B, n: batch.n, m: batch.m, a: cat(batch.a), b: cat(batch.b), C: cat(batch.C), eps: cat(batch.eps) };
}

/** The default JSON view of a case (the batch arrays as plain lists). */
export function describeCase(c: SinkhornCase): unknown {
  const { B, n, m } = c.batch;
  return {
    costFamily: c.costFamily, weightFamily: c.weightFamily, d: c.d, B, n, m,
    eps: Array.from(c.batch.eps), a: Array.from(c.batch.a), b: Array.from(c.batch.b), C: Array.from(c.batch.C),
  };
}

/**
 * The implementation's log-plan after L iterations against the float64 reference Sinkhorn after the same L
 * iterations (Peyré & Cuturi 2019, eq. 4.15), with the perturbed-contraction tolerance: each half-step adds ≤ δ
 * per entry (properties/tolerance.ts), Birkhoff contracts the accumulated d_H error by κ per half-step, so after
 * L iterations d_H(u_L, u_L^ref) + d_H(v_L, v_L^ref) ≤ 2·Σ_{ℓ<L} κ^{2ℓ}·2δ(1+κ); the log-plan adds its total-mass
 * error (≤ δ after a v-step) and its own rounding (3u·scale; 4u in the stabilised domain). The 'stabilized'
 * domain adds one rounding per K̃ = exp(M + α ⊕ β) re-formation: δ_stab = δ + u·(3·magnitude + 1).
 */
export function planAgainstReference(
  solver: SinkhornSolver, batch: SinkhornBatch, i: number, trace: SinkhornTrace, iterations: number, domain: SinkhornDomain,
): { readonly deviation: number; readonly tolerance: number; readonly oracle: InstanceOracle } {
  const { n, m } = batch;
  const o = instanceOracle(batch, i);
  const p = { ...o.problem, b: batch.b.subarray(i * m, (i + 1) * m) };
  const ref = sinkhornLog(p, iterations);
  const refPlan = logPlanFrom(p, ref.logU, iterations * n, ref.logV, iterations * m);
  const u = accuracyOf(solver).u;
  const k = o.kappa;
  const scalings = [traceSlice(trace, 'logV', i, trace.stored - 1), traceSlice(trace, 'logU', i, trace.stored - 1)];
  const magnitude = maxFinite(scalings[0]!) + maxFinite(scalings[1]!) + maxFinite(p.C) / p.eps;
  const delta0 = halfStepNoise(solver, batch, i, scalings);
  const delta = domain === 'stabilized' ? delta0 + u * (3 * magnitude + 1) : delta0;
  const scalingError = 2 * perturbedContraction(k * k, iterations, 0, 2 * delta * (1 + k));
  const planRounding = (domain === 'stabilized' ? 4 : 3) * u * magnitude;
  return { deviation: maxLogPlanDeviation(planSlice(trace, i), refPlan), tolerance: scalingError + delta + planRounding, oracle: o };
}

/** Max |x − y| over entries where either is finite; +∞ when exactly one is −∞ (support mismatch), NaN on NaN. */
export function maxLogPlanDeviation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let worst = 0;
  for (let k = 0; k < x.length; k++) {
    const p = x[k]!;
    const q = y[k]!;
    if (p === -Infinity && q === -Infinity) continue;
    const d = Math.abs(p - q);
    if (Number.isNaN(d)) return NaN;
    if (d > worst) worst = d;
  }
  return worst;
}
