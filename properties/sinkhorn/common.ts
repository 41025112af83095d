/**
 * Shared pieces of the `sinkhorn.*` properties: the float64 oracle per instance, slices of a trace,
 * the analysed per-half-step noise, and coverage coordinates.
 */
import type { SinkhornBatch, SinkhornDomain, SinkhornSolver, SinkhornTrace } from '../../impl/capabilities/sinkhorn.js';
import { birkhoffContraction, projectiveDiameter } from '../../impl/reference/birkhoff.js';
import { entropicPlan, type EntropicPlan } from '../../impl/reference/entropic-plan.js';
import { logPlanFrom, sinkhornLog, type OTProblem, type ReferenceTrace } from '../../impl/reference/sinkhorn.js';
import { maxAbsFinite } from '../../impl/reference/numeric.js';
import { assertExactPlan, assertReferenceColumnStep, logPlanScale } from '../oracle.js';
import { accuracyOf, halfStepError, perturbedContraction } from '../tolerance.js';
import type { PropertyContext } from '../types.js';
import type { SinkhornCase } from '../arbitraries/sinkhorn-batch.js';
import { capabilityOf } from '../capability.js';

/** The solver under test, or a clear error when the implementation lacks it (the runner skips first). */
export function solverOf(ctx: PropertyContext): SinkhornSolver {
  return capabilityOf(ctx, 'sinkhorn');
}

/** The solver under test and its recorded log-domain trace of `iterations` iterations on a batch. */
export async function recordedLogTrace(
  ctx: PropertyContext,
  batch: SinkhornBatch,
  iterations: number,
): Promise<{ readonly solver: SinkhornSolver; readonly trace: SinkhornTrace }> {
  const solver = solverOf(ctx);
  return { solver, trace: await solver.solve(batch, { iterations, domain: 'log', record: true }) };
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

/** The exact plan P*_ε of an instance (float64, marginal error < 1e-13), its accuracy checked at run time. */
export function exactPlan(o: InstanceOracle): EntropicPlan {
  const star = entropicPlan(o.problem);
  assertExactPlan('exact plan P*', o.problem, star.logPlan, star);
  return star;
}

/** The float64 reference Sinkhorn's plan after L iterations of a reference trace (eq. 4.15), its last half-step checked. */
export function referencePlan(p: OTProblem, iterations: number, ref = sinkhornLog(p, iterations)): Float64Array {
  const logU = ref.logU.subarray(iterations * p.n, (iterations + 1) * p.n);
  const logV = ref.logV.subarray(iterations * p.m, (iterations + 1) * p.m);
  const logPlan = logPlanFrom(p, ref.logU, iterations * p.n, ref.logV, iterations * p.m);
  assertReferenceColumnStep('float64 reference Sinkhorn', p, logPlan, { logU, logV });
  return logPlan;
}

/** The float64 problem the reference runs for instance i: the batch's own b (masses equal up to float32). */
export function referenceProblem(batch: SinkhornBatch, i: number): OTProblem {
  return { ...oracleProblem(batch, i), b: batch.b.subarray(i * batch.m, (i + 1) * batch.m) };
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

/**
 * Analysed error δ of one half-step of instance i in the solver's precision (properties/tolerance.ts):
 * the log-sum-exp arguments log v_j − C_ij/ε are bounded by max|log v| + max C/ε, over max(n, m) terms.
 */
export function halfStepNoise(
  solver: SinkhornSolver,
  batch: SinkhornBatch,
  i: number,
  scalings: readonly ArrayLike<number>[],
): number {
  const acc = accuracyOf(solver);
  const C = batch.C.subarray(i * batch.n * batch.m, (i + 1) * batch.n * batch.m);
  const magnitude = Math.max(...scalings.map((s) => maxAbsFinite(s))) + maxAbsFinite(C) / batch.eps[i]!;
  const logW = Math.max(
    maxAbsFinite(batch.a.subarray(i * batch.n, (i + 1) * batch.n).map(Math.log)),
    maxAbsFinite(batch.b.subarray(i * batch.m, (i + 1) * batch.m).map(Math.log)),
  );
  return halfStepError(acc, magnitude, Math.max(batch.n, batch.m), logW);
}

/** Coverage coordinates of one instance: shape, ε, κ, families, total mass, max |C|/ε and zero weights. */
export function coverageOf(c: SinkhornCase, i: number, o: InstanceOracle): Record<string, number | string> {
  const { n, m } = c.batch;
  let zeros = 0;
  let mass = 0;
  for (let k = 0; k < n; k++) {
    mass += o.problem.a[k]!;
    if (o.problem.a[k] === 0) zeros++;
  }
  for (let k = 0; k < m; k++) if (o.problem.b[k] === 0) zeros++;
  return {
    n,
    m,
    shape: n === m ? 'square' : 'rectangular',
    eps: c.batch.eps[i]!,
    kappa: o.kappa,
    cost: c.costFamily,
    weights: c.weightFamily,
    mass,
    costOverEps: maxAbsFinite(o.problem.C) / o.problem.eps,
    zeroWeights: zeros,
    negativeCosts: Array.prototype.some.call(o.problem.C, (x: number) => x < 0) ? 'yes' : 'no',
  };
}

/** A batch with every instance repeated: [instances…, instances…], for paired runs (v and v′). */
export function doubled(batch: SinkhornBatch): SinkhornBatch {
  const cat = (x: Float64Array): Float64Array => {
    const out = new Float64Array(2 * x.length);
    out.set(x);
    out.set(x, x.length);
    return out;
  };
  return {
    B: 2 * batch.B,
    n: batch.n,
    m: batch.m,
    a: cat(batch.a),
    b: cat(batch.b),
    C: cat(batch.C),
    eps: cat(batch.eps),
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
  solver: SinkhornSolver,
  batch: SinkhornBatch,
  i: number,
  trace: SinkhornTrace,
  iterations: number,
  domain: SinkhornDomain,
  at: number = iterations,
  ref?: ReferenceTrace,
): { readonly deviation: number; readonly tolerance: number; readonly oracle: InstanceOracle } {
  const o = instanceOracle(batch, i);
  const p = referenceProblem(batch, i);
  const refPlan = referencePlan(p, at, ref ?? sinkhornLog(p, at));
  const u = accuracyOf(solver).u;
  const k = o.kappa;
  const slot = at === iterations ? trace.stored - 1 : at;
  const scalings = [traceSlice(trace, 'logV', i, slot), traceSlice(trace, 'logU', i, slot)];
  const magnitude = logPlanScale(p, { logU: scalings[1]!, logV: scalings[0]! });
  const delta0 = halfStepNoise(solver, batch, i, scalings);
  const delta = domain === 'stabilized' ? delta0 + u * (3 * magnitude + 1) : delta0;
  const scalingError = 2 * perturbedContraction(k * k, at, 0, 2 * delta * (1 + k));
  const planRounding = (domain === 'stabilized' ? 4 : 3) * u * magnitude;
  const got = at === iterations ? planSlice(trace, i) : logPlanFrom(p, scalings[1]!, 0, scalings[0]!, 0);
  return { deviation: maxLogPlanDeviation(got, refPlan), tolerance: scalingError + delta + planRounding, oracle: o };
}

/** log of the smallest normal float32 (2⁻¹²⁶) and of the largest float32 (≈ 2¹²⁸). */
const LOG_F32_MIN_NORMAL = -126 * Math.LN2;
const LOG_F32_MAX = 128 * Math.LN2;

/**
 * Whether the kernel-domain iteration of instance p stays in the normal float32 range for L iterations from
 * v⁰ = 1, judged on the float64 reference iterates with a margin of e¹ (the float32 iterates differ from them by
 * the analysed tolerance, ≪ 1 in log). Needed: every K_ij = e^{−C_ij/ε} normal and finite (|C/ε| ≤ 86.3, the
 * domain's float32 limit); every scaling u_i, v_j normal and finite; every row sum (Kv)_i = a_i/u_i and column
 * sum (Kᵀu)_j = b_j/v_j ≥ count·2⁻¹²⁶·e (then the ≤ count subnormal products in it, each off by ≤ 2⁻¹⁵⁰,
 * move it by a relative < u/e, inside the half-step analysis) and ≤ 2¹²⁸/e. Zero weights give −∞ scalings and
 * are skipped (their rows and columns are exactly zero in any domain).
 */
export function kernelDomainSafe(p: OTProblem, iterations: number, ref: ReferenceTrace): boolean {
  const lo = LOG_F32_MIN_NORMAL + 1;
  const hi = LOG_F32_MAX - 1;
  for (let k = 0; k < p.n * p.m; k++) if (!(Math.abs(p.C[k]! / p.eps) <= -lo)) return false;
  const inRange = (x: number, count: number): boolean =>
    x === -Infinity || (x >= lo && x <= hi && x >= lo + Math.log(count));
  for (let l = 1; l <= iterations; l++) {
    for (let i = 0; i < p.n; i++) {
      const lu = ref.logU[l * p.n + i]!;
      if (lu === -Infinity) continue;
      if (!inRange(lu, 1) || !inRange(Math.log(p.a[i]!) - lu, p.m)) return false;
    }
    for (let j = 0; j < p.m; j++) {
      const lv = ref.logV[l * p.m + j]!;
      if (lv === -Infinity) continue;
      if (!inRange(lv, 1) || !inRange(Math.log(p.b[j]!) - lv, p.n)) return false;
    }
  }
  return true;
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
