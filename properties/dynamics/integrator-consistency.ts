/**
 * dynamics.integrator-consistency (spec attention-dynamics-clustering §5 "Integrator" and §1.3; Butcher's classical
 * RK4): one step of the implementation's `simulate` equals, to float rounding, the scheme it declares — classical
 * RK4 on the projected field ẋ_i = P⊥_{x_i}(Σ_j A_ij V x_j) (GLPR eq. 2.3) followed by renormalisation, or the
 * authors' x ← (x + η Σ_j A_ij V x_j)/‖·‖ — computed here in float64 from the tableau with an independent field
 * evaluation. Every clustering and energy claim integrates with these schemes; a lower-order slip in a stage
 * (RK4 becoming a second-order method) changes trajectories by O(h³L²|ẋ|) per step without breaking any
 * qualitative theorem, so it is checked directly.
 */
import type { AttentionNormalization, SphereBatch } from '../../impl/capabilities/sphere-dynamics.js';
import { attentionDrift, attentionPartition, normalizeRows, tangentProjection } from '../../impl/reference/sphere.js';
import { sphereCase, type SphereCase } from '../arbitraries/sphere.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import fc from 'fast-check';
import { batchForCase, GENERAL_CASES, goeLength, MODEL_CASES } from './cases.js';
import { DYNAMICS_COVERAGE_BINS, dynamicsOf, operatorNormBound, stateOf, velocityRounding } from './common.js';
import { IEEE_FLOAT64, accuracyOf } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { integratorConsistency } from '../../theorems/geshkovski-2023/index.js';

const D_MAX = 16;
/** Classical RK4 tableau: stage offsets c_s (a_{s,s−1} = c_s, the other a_{s,r} = 0) and weights b_s. */
const RK4_C = [0, 0.5, 0.5, 1] as const;
const RK4_B = [1 / 6, 1 / 3, 1 / 3, 1 / 6] as const;
/**
 * The dynamics of MODEL_CASES (the energy normalisation does not matter here: one case per distinct field) and the
 * general non-symmetric B, V of GENERAL_CASES: the schemes are stated for any B = KᵀQ and V.
 */
const FIELD_CASES = [...MODEL_CASES.filter((c) => c.energy !== 'shifted' || c.betaZero), ...GENERAL_CASES];
/** Steps per simulate call: each stored state is checked against the declared step from the previous stored one. */
const STEPS = 2;

interface IntegratorInput {
  readonly c: SphereCase;
  /** The step in units of the field's Lipschitz bound: h = hL / max(1, max_b L_b). */
  readonly hL: number;
}

/** Euclidean norm of every row of an [n, d] block (NaN rows stay NaN). */
function rowNorms(v: ArrayLike<number>, n: number, d: number): number[] {
  return Array.from({ length: n }, (_, i) => {
    let s = 0;
    for (let k = 0; k < d; k++) s += v[i * d + k]! ** 2;
    return Math.sqrt(s);
  });
}

/** Largest row norm of an [n, d] block. */
function maxRowNorm(v: ArrayLike<number>, n: number, d: number): number {
  return Math.max(0, ...rowNorms(v, n, d));
}

/** Largest Σ_j A_ij at a configuration: 1 for SA, max_i Z_i/n for USA (possibly off the sphere). */
function rowMass(
  x: Float64Array,
  n: number,
  d: number,
  beta: number,
  normalization: AttentionNormalization,
  B?: ArrayLike<number>,
): number {
  if (normalization === 'softmax') return 1;
  return Math.max(...attentionPartition(x, n, d, beta, B)) / n;
}

type FieldParams = { beta: number; normalization: AttentionNormalization; B?: Float64Array; V?: Float64Array };

/** Lipschitz bound of the projected field near a configuration: Σ_j A_ij·‖V‖(3 + 4β‖B‖) (see {@link declaredStep}). */
function lipschitzBound(x: Float64Array, n: number, d: number, p: FieldParams): number {
  return (
    rowMass(x, n, d, p.beta, p.normalization, p.B) *
    operatorNormBound(p.V, d) *
    (3 + 4 * p.beta * operatorNormBound(p.B, d))
  );
}

/**
 * One float64 step of the declared scheme from x ([n, d]) and the analysed bound of the distance between it and the
 * same step computed in arithmetic of unit roundoff u from the u-rounded x. Stage errors propagate as
 * e_k ≤ ε_v + L·e_X, e_X(s+1) ≤ e_x + c_{s+1}h·e_k(s) + 2u(1 + c_{s+1}h|k_s|), with ε_v the velocity rounding at the
 * stage's Σ_j A_ij and L = Σ_j A_ij·‖V‖(3 + 4β‖B‖) the field's Lipschitz bound (projection 2|m|, the attention weights
 * 2β‖B‖|m| per argument, the values ‖V‖); the renormalisation of y adds e_y/|y| + u(d + 4).
 */
function declaredStep(
  x: Float64Array,
  n: number,
  d: number,
  h: number,
  integrator: 'rk4' | 'euler-renormalize',
  p: FieldParams,
  u: number,
): { next: Float64Array; tol: number } {
  const nd = n * d;
  const vNorm = operatorNormBound(p.V, d);
  const bNorm = operatorNormBound(p.B, d);
  const drift = (X: Float64Array): Float64Array => attentionDrift(X, n, d, p);
  const field = (X: Float64Array): Float64Array => tangentProjection(X, drift(X), n, d);
  const eps = (X: Float64Array): number =>
    velocityRounding(u, p.beta, bNorm, vNorm, n, d, rowMass(X, n, d, p.beta, p.normalization, p.B));
  const ex = u;
  const y = new Float64Array(nd);
  let ey: number;
  if (integrator === 'euler-renormalize') {
    const m = drift(x);
    for (let k = 0; k < nd; k++) y[k] = x[k]! + h * m[k]!;
    ey = ex + h * eps(x) + 2 * u * (1 + h * maxRowNorm(m, n, d));
  } else {
    y.set(x);
    let X = x;
    let eX = ex;
    let sumK = 0;
    let sumE = 0;
    for (let s = 0; s < RK4_C.length; s++) {
      const k = field(X);
      const L = lipschitzBound(X, n, d, p);
      const ek = eps(X) + L * eX;
      const kNorm = maxRowNorm(k, n, d);
      for (let q = 0; q < nd; q++) y[q] = y[q]! + h * RK4_B[s]! * k[q]!;
      sumK += RK4_B[s]! * kNorm;
      sumE += RK4_B[s]! * ek;
      if (s + 1 < RK4_C.length) {
        const c = RK4_C[s + 1]!;
        X = Float64Array.from(x, (v, q) => v + c * h * k[q]!);
        eX = ex + c * h * ek + 2 * u * (1 + c * h * kNorm);
      }
    }
    ey = ex + h * sumE + 4 * u * (1 + h * sumK);
  }
  return { next: normalizeRows(y, n, d), tol: ey / Math.min(...rowNorms(y, n, d)) + u * (d + 4) };
}

export const integratorConsistencyProperty = defineProperty<IntegratorInput>(integratorConsistency, {
  arbitrary: (budget) =>
    fc.record({
      c: sphereCase({
        nMax: 12,
        dims: [2, 3, 8, D_MAX],
        batch: { min: 1, max: budget === 'quick' ? 4 : 8 },
        beta: { kind: 'log-uniform', lo: 1e-2, hi: 3 },
        extraLength: 2 * goeLength(D_MAX),
      }).map((c) => ({ ...c, batch: { ...c.batch, x: normalizeRows(c.batch.x, c.batch.B * c.batch.n, c.batch.d) } })),
      hL: fc.constantFrom(0.1, 0.25, 0.5),
    }),
  runs: { quick: 3, ci: 10, thorough: 100 },
  coverageBins: DYNAMICS_COVERAGE_BINS,
  async run({ c, hL }, ctx): Promise<BatchOutcome> {
    const dyn = dynamicsOf(ctx);
    const u = accuracyOf(dyn).u + IEEE_FLOAT64.u;
    const { B, n, d } = c.batch;
    const nd = n * d;
    const dd = d * d;
    const measurements: Measurement[] = [];
    const coverage: Record<string, number | string>[] = [];
    for (const mc of FIELD_CASES) {
      const batch: SphereBatch = batchForCase(c.batch, mc, c.extra);
      const params = Array.from({ length: B }, (_, b) => ({
        beta: batch.beta[b]!,
        normalization: mc.normalization,
        ...(batch.bilinear ? { B: batch.bilinear.slice(b * dd, (b + 1) * dd) } : {}),
        ...(batch.value ? { V: batch.value.slice(b * dd, (b + 1) * dd) } : {}),
      }));
      // steps beyond the scheme's stability (h·L ≫ 1) send RK4 stages far off the sphere, where e^{β⟨Bx, y⟩}
      // overflows float32 long before float64: the step is taken relative to the batch's Lipschitz bound
      const L = Math.max(1, ...params.map((p, b) => lipschitzBound(batch.x.subarray(b * nd, (b + 1) * nd), n, d, p)));
      const h = hL / L;
      // the velocity itself against the float64 field, within its analysed rounding (velocityRounding)
      const vel = await dyn.velocity(batch, mc.normalization);
      const label = mc.name.split(',').slice(0, 2).join(',');
      for (let b = 0; b < B; b++) {
        const x = batch.x.slice(b * nd, (b + 1) * nd);
        const p = params[b]!;
        const F = tangentProjection(x, attentionDrift(x, n, d, p), n, d);
        const worst = maxRowNorm(
          F.map((v, q) => vel[b * nd + q]! - v),
          n,
          d,
        );
        const bn = operatorNormBound(p.B, d);
        const mass = rowMass(x, n, d, p.beta, p.normalization, p.B);
        const tol = velocityRounding(u, p.beta, bn, operatorNormBound(p.V, d), n, d, mass);
        measurements.push(measure(b, `|velocity − float64 field| — ${label}`, worst, '<=', 0, tol));
      }
      for (const integrator of ['rk4', 'euler-renormalize'] as const) {
        const options = { normalization: mc.normalization, integrator, dt: h, steps: STEPS, recordEvery: 1 };
        const traj = await dyn.simulate(batch, options);
        const slots = Array.from(traj.stepIndex).join(',');
        const expected = Array.from({ length: STEPS + 1 }, (_, k) => k).join(',');
        const what = `stored step indices [${expected}] with recordEvery = 1 (got [${slots}]) — ${integrator}`;
        measurements.push(measure(0, what, slots === expected ? 0 : 1, '<=', 0, 0));
        if (slots !== expected) continue;
        for (let b = 0; b < B; b++) {
          for (let k = 1; k <= STEPS; k++) {
            const from = k === 1 ? batch.x.slice(b * nd, (b + 1) * nd) : Float64Array.from(stateOf(traj, b, k - 1));
            const { next, tol } = declaredStep(from, n, d, h, integrator, params[b]!, u);
            const got = stateOf(traj, b, k);
            const worst = maxRowNorm(
              next.map((v, q) => got[q]! - v),
              n,
              d,
            );
            const what = `|x(${k}h) − declared ${integrator} step from x(${k - 1}h)| — ${label}`;
            measurements.push(measure(b, what, worst, '<=', 0, tol));
          }
          coverage.push({ n, d, beta: params[b]!.beta, model: mc.name, integrator, hL });
        }
      }
    }
    return { instances: B, measurements, coverage };
  },
});
