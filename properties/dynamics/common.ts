/**
 * Shared pieces of the `energy.*`, `dynamics.*` and `clustering.*` properties (GLPR, arXiv 2312.10794):
 * access to the capability, model matrices, the analysed float rounding of energies and velocities, energies
 * along trajectories, the clustering statistic and the proportion verdict (Clopper–Pearson).
 */
import type {
  AttentionNormalization,
  EnergyNormalization,
  SphereBatch,
  SphereDynamics,
  SphereTrajectory,
} from '../../impl/capabilities/sphere-dynamics.js';
import { maxHalfSquaredDistance } from '../../impl/reference/sphere.js';
import { clopperPearson } from '../statistics.js';
import { logSumExpError, type ArithmeticAccuracy } from '../tolerance.js';
import type { Proportion, PropertyContext } from '../types.js';
import { capabilityOf } from '../capability.js';

/** The dynamics under test, or a clear error when the implementation lacks it (the runner skips first). */
export function dynamicsOf(ctx: PropertyContext): SphereDynamics {
  return capabilityOf(ctx, 'sphereDynamics');
}

/** ±I_d repeated for B instances, shape [B, d, d]. */
export function scaledIdentities(B: number, d: number, scale: number): Float64Array {
  const M = new Float64Array(B * d * d);
  for (let b = 0; b < B; b++) for (let k = 0; k < d; k++) M[b * d * d + k * d + k] = scale;
  return M;
}

/** An upper bound of the operator norm: min(‖M‖_F, √(‖M‖₁‖M‖∞)); 1 when M is omitted (identity). */
export function operatorNormBound(M: ArrayLike<number> | undefined, d: number, offset = 0): number {
  if (!M) return 1;
  let fro = 0;
  const rows = new Float64Array(d);
  const cols = new Float64Array(d);
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      const v = Math.abs(M[offset + r * d + c]!);
      fro += v * v;
      rows[r] = rows[r]! + v;
      cols[c] = cols[c]! + v;
    }
  }
  return Math.min(Math.sqrt(fro), Math.sqrt(Math.max(...rows) * Math.max(...cols)));
}

/**
 * Float error of one particle's velocity P⊥_x(Σ_j A_ij V x_j) at unit-norm inputs (Euclidean norm of the row):
 * u(2β‖B‖ + n + 2d + 8)·Σ_j|A_ij|·‖V‖ — logits (2d + 2β‖B‖ terms), the softmax sum (n), the product with V and the
 * projection (d + 8); Σ_j A_ij = 1 for SA and Z_i/n for USA (`rowMass`).
 */
export function velocityRounding(
  u: number,
  beta: number,
  bNorm: number,
  vNorm: number,
  n: number,
  d: number,
  rowMass: number,
): number {
  return u * (2 * beta * bNorm + n + 2 * d + 8) * rowMass * vNorm;
}

/** Sub-batch of the given instances (views copied). */
export function selectInstances(batch: SphereBatch, which: readonly number[], x?: Float64Array): SphereBatch {
  const { n, d } = batch;
  const nd = n * d;
  const dd = d * d;
  const pick = (src: Float64Array, len: number): Float64Array => {
    const out = new Float64Array(which.length * len);
    which.forEach((b, k) => out.set(src.subarray(b * len, (b + 1) * len), k * len));
    return out;
  };
  return {
    B: which.length,
    n,
    d,
    x: x ?? pick(batch.x, nd),
    beta: pick(batch.beta, 1),
    ...(batch.bilinear ? { bilinear: pick(batch.bilinear, dd) } : {}),
    ...(batch.value ? { value: pick(batch.value, dd) } : {}),
  };
}

/** View of stored state `slot` of instance b of a trajectory ([n, d]). */
export function stateOf(traj: SphereTrajectory, b: number, slot: number): Float64Array {
  const nd = traj.n * traj.d;
  const states = traj.states;
  if (!states) throw new Error('trajectory has no states (record: "gram")');
  return states.subarray((b * traj.stored + slot) * nd, (b * traj.stored + slot + 1) * nd);
}

/**
 * The implementation's energy at every stored state, shape [B, stored]: one call on a batch of B·stored
 * configurations (β and V repeated), so energies are evaluated in one tensor pass.
 */
export async function energiesAlong(
  dyn: SphereDynamics,
  batch: SphereBatch,
  traj: SphereTrajectory,
  normalization: EnergyNormalization,
): Promise<Float64Array> {
  const S = traj.stored;
  const idx = Array.from({ length: batch.B * S }, (_, k) => Math.floor(k / S));
  if (!traj.states) throw new Error('energiesAlong needs recorded states');
  return dyn.energy(selectInstances(batch, idx, traj.states.slice()), normalization);
}

/**
 * The authors' step size (phase-diagrams.py; spec §1.3): η for SA, η/max(√β e^{β−1/2}, 1) for USA ("don't take
 * more than 0.1 radian moves"); for a batch, the smallest over its β.
 */
export function authorsStep(normalization: AttentionNormalization, betas: ArrayLike<number>, eta = 0.1): number {
  if (normalization === 'softmax') return eta;
  let worst = 1;
  for (let k = 0; k < betas.length; k++) worst = Math.max(worst, Math.sqrt(betas[k]!) * Math.exp(betas[k]! - 0.5));
  return eta / worst;
}

/**
 * Analysed absolute rounding of one evaluation of the energy under the accuracy model acc (op = acc.u,
 * properties/tolerance.ts):
 * - 'mean-field' / 'modified-metric' (max-shifted LSE of n² logits of magnitude ≤ mag = β‖V‖): relative
 *   u·(3mag + n² + log n² + 2) for the LSE, u·mag·(d + 2) for the logits (Gram entries from d products and the
 *   β multiply), u·(|log 2βc| + 2) for the final subtract and exp; times |E|;
 * - 'shifted' (Σ expm1(βG)/(2β), expm1 possibly formed as exp − 1): per term u·e^{mag}(3 + mag(d+2)), the
 *   recursive sum n²u·Σ|t|, all divided by 2β; at β = 0 (½ΣG): u·(d + 2 + n²)·Σ|G|/2.
 */
export function energyRounding(
  acc: ArithmeticAccuracy,
  n: number,
  d: number,
  beta: number,
  normalization: EnergyNormalization,
  vNorm: number,
  E: number,
  sumAbsTerms: number,
): number {
  const u = acc.u;
  const mag = beta * vNorm;
  // a division's error beyond one op (0 in IEEE arithmetic)
  const divExcess = acc.div - u;
  if (normalization === 'shifted') {
    if (beta === 0) return (u * (d + 2 + n * n) * sumAbsTerms) / 2;
    // per term: exp (acc.exp(mag)), the −1 and the logits' u·mag(d + 2), all scaled by e^{mag}
    const perTerm = Math.exp(mag) * (acc.exp(mag) + 2 * u + u * mag * (d + 2));
    return (n * n * perTerm + n * n * u * sumAbsTerms) / (2 * beta) + divExcess * Math.abs(E);
  }
  const pairs = normalization === 'mean-field' ? n * n : 1;
  const finalExp = acc.exp(mag + Math.log(n * n));
  const rel =
    logSumExpError(acc, mag, n * n) +
    u * mag * (d + 2) +
    u * (Math.abs(Math.log(2 * beta * pairs)) + 1) +
    finalExp +
    divExcess;
  return rel * Math.abs(E);
}

/** Σ_ij |expm1(βG_ij)| (or Σ|G_ij| at β = 0) of one configuration, for the shifted energy's rounding. */
export function shiftedAbsTerms(x: ArrayLike<number>, n: number, d: number, beta: number, offset = 0): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let g = 0;
      for (let k = 0; k < d; k++) g += x[offset + i * d + k]! * x[offset + j * d + k]!;
      s += beta === 0 ? Math.abs(g) : Math.abs(Math.expm1(beta * g));
    }
  }
  return s;
}

/** Success threshold of the clustering events: max_{i≠j} ½‖x_i − x_j‖² ≤ δ (spec P10, δ = 1e-6). */
export const CLUSTER_DELTA = 1e-6;

/** max ½‖x_i − x_j‖² of the last stored state of every instance. */
export function finalSpread(traj: SphereTrajectory): Float64Array {
  const out = new Float64Array(traj.B);
  for (let b = 0; b < traj.B; b++) out[b] = maxHalfSquaredDistance(stateOf(traj, b, traj.stored - 1), traj.n, traj.d);
  return out;
}

/** Exact level of the Clopper–Pearson intervals of the probabilistic claims (false-alarm level 1e-3). */
const PROPORTION_LEVEL = 0.999;
/** Claimed lower bound on the probability of clustering by the horizon (see the claims' verdict rule). */
const CLUSTER_P0 = 0.95;

/** A proportion with its Clopper–Pearson interval and tri-state verdict against p₀. */
export function proportion(
  name: string,
  successes: number,
  trials: number,
  threshold = CLUSTER_P0,
  level = PROPORTION_LEVEL,
): Proportion {
  const ci = clopperPearson(successes, trials, level);
  const verdict =
    trials === 0 ? 'inconclusive' : ci[0] >= threshold ? 'verified' : ci[1] < threshold ? 'violated' : 'inconclusive';
  return { name, successes, trials, ci, level, threshold, verdict };
}

/** Overall verdict of several proportions: violated if any is, verified if all are, else inconclusive. */
export function combineProportions(ps: readonly Proportion[]): {
  status: 'verified' | 'violated' | 'inconclusive';
  reason: string;
} {
  const fmt = (p: Proportion): string =>
    `${p.name}: ${p.successes}/${p.trials}, CP${p.level} [${p.ci[0].toFixed(4)}, ${p.ci[1].toFixed(4)}] vs p₀ = ${p.threshold}`;
  if (ps.length === 0) return { status: 'inconclusive', reason: 'no trial was run' };
  const bad = ps.filter((p) => p.verdict === 'violated');
  if (bad.length) return { status: 'violated', reason: `success probability below p₀ — ${bad.map(fmt).join('; ')}` };
  const open = ps.filter((p) => p.verdict === 'inconclusive');
  if (open.length) return { status: 'inconclusive', reason: `interval straddles p₀ — ${open.map(fmt).join('; ')}` };
  return { status: 'verified', reason: ps.map(fmt).join('; ') };
}

export const DYNAMICS_COVERAGE_BINS: Readonly<Record<string, readonly number[]>> = {
  n: [2, 4, 8, 16, 33, 65],
  d: [2, 3, 4, 8, 16, 129, 1025],
  beta: [0, 1e-3, 1e-2, 0.1, 1, 3, 10.0001],
};
