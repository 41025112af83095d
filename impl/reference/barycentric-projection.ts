/**
 * The barycentric projection of a plan and the Schrödinger-bridge step (AHMP24, arXiv 2406.10823;
 * authors' note simulations.pdf, Algorithm 1; spec heat-flow-limit §1.1, §3.2):
 *
 *   B_{ρ,ε}(x_i) = Σ_j P_ij x_j / Σ_j P_ij,      SB¹_ε(ρ) = (2·Id − B_{ρ,ε})_# ρ.
 */
import { symmetricSinkhorn, type WeightedParticles } from './symmetric-sinkhorn.js';
import { logSumExp } from './logsumexp.js';

/** B_i = Σ_j P_ij x_j / Σ_j P_ij for a log-plan (n×m) and target points y [m, d]; the weights are formed max-shifted. */
function barycentricProjection(
  logPlan: ArrayLike<number>,
  n: number,
  m: number,
  y: ArrayLike<number>,
  d: number,
  transpose = false,
): Float64Array {
  const out = new Float64Array(n * d);
  const row = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) row[j] = transpose ? logPlan[j * n + i]! : logPlan[i * m + j]!;
    const lse = logSumExp(row, 0, m);
    for (let j = 0; j < m; j++) {
      const q = Math.exp(row[j]! - lse);
      for (let k = 0; k < d; k++) out[i * d + k] = out[i * d + k]! + q * y[j * d + k]!;
    }
  }
  return out;
}

/** The SB step 2x − B(x) of one particle set, with the bridge solved to `tolerance` (AHMP24 Alg. 1). */
export function sbStep(
  p: WeightedParticles,
  eps: number,
  options: { tolerance: number; maxIterations: number; init?: ArrayLike<number> },
): { x: Float64Array; barycentre: Float64Array; logPotential: Float64Array; iterations: number; residual: number } {
  const sol = symmetricSinkhorn(p, eps, options);
  const barycentre = barycentricProjection(sol.logPlan, p.n, p.n, p.x, p.d);
  const x = new Float64Array(p.n * p.d);
  for (let k = 0; k < x.length; k++) x[k] = 2 * p.x[k]! - barycentre[k]!;
  return { x, barycentre, logPotential: sol.logPotential, iterations: sol.iterations, residual: sol.residual };
}
