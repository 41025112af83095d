/**
 * energy.derivative-identity (spec P3; GLPR eq. 3.6, Lemma 3.7, eq. 3.11, §3.4.1): the time-derivative of the
 * interaction energy along the implementation's velocity F equals the exact particle formula, for every model
 * case and its own energy normalisation; and the implementation's energy equals the float64 energy.
 * The derivative is a central difference of the float64 energy along t ↦ N(X + tF) (N: row normalisation),
 * so a velocity that is not tangent (a missing projection) or belongs to another field is caught.
 */
import { energyRate, interactionEnergy } from '../../impl/reference/interaction-energy.js';
import { attentionPartition, normalizeRows } from '../../impl/reference/sphere.js';
import { sphereCase, type SphereCase } from '../arbitraries/sphere.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { batchForCase, goeLength, MODEL_CASES, rateModel } from './cases.js';
import {
  DYNAMICS_COVERAGE_BINS,
  dynamicsOf,
  energyRounding,
  operatorNormBound,
  shiftedAbsTerms,
  velocityRounding,
} from './common.js';
import { IEEE_FLOAT64, accuracyOf } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { energyDerivativeIdentity } from '../../theorems/geshkovski-2023/index.js';

const D_MAX = 16;

/** Float64 energy of row-normalised X + s·F (instance view). */
function energyAlong(
  x: Float64Array,
  F: Float64Array,
  s: number,
  n: number,
  d: number,
  beta: number,
  energy: Parameters<typeof interactionEnergy>[4],
  V?: ArrayLike<number>,
): number {
  const y = new Float64Array(n * d);
  for (let k = 0; k < n * d; k++) y[k] = x[k]! + s * F[k]!;
  return interactionEnergy(normalizeRows(y, n, d), n, d, beta, energy, V);
}

export const energyDerivativeIdentityProperty = defineProperty<SphereCase>(energyDerivativeIdentity, {
  arbitrary: (budget) =>
    sphereCase({
      nMax: 16,
      dims: [2, 3, 4, 8, D_MAX],
      batch: { min: 1, max: budget === 'quick' ? 4 : 8 },
      beta: { kind: 'log-uniform', lo: 1e-2, hi: 10 },
      extraLength: goeLength(D_MAX),
    }).map((c) => ({ ...c, batch: { ...c.batch, x: normalizeRows(c.batch.x, c.batch.B * c.batch.n, c.batch.d) } })),
  runs: { quick: 4, ci: 12, thorough: 150 },
  coverageBins: DYNAMICS_COVERAGE_BINS,
  async run(c, ctx): Promise<BatchOutcome> {
    const dyn = dynamicsOf(ctx);
    const u = accuracyOf(dyn).u;
    const { B, n, d } = c.batch;
    const nd = n * d;
    const measurements: Measurement[] = [];
    const coverage: Record<string, number | string>[] = [];
    for (const mc of MODEL_CASES) {
      const batch = batchForCase(c.batch, mc, c.extra);
      const F = await dyn.velocity(batch, mc.normalization);
      const E = await dyn.energy(batch, mc.energy);
      for (let b = 0; b < B; b++) {
        const x = batch.x.subarray(b * nd, (b + 1) * nd);
        const Fi = F.subarray(b * nd, (b + 1) * nd);
        const beta = batch.beta[b]!;
        const dd = d * d;
        const Bm = batch.bilinear?.subarray(b * dd, (b + 1) * dd);
        const Vm = batch.value?.subarray(b * dd, (b + 1) * dd);
        const energyV = mc.energy === 'modified-metric' ? Vm : undefined;
        let fMax = 0;
        for (let k = 0; k < nd; k++) fMax = Math.max(fMax, Math.abs(Fi[k]!));
        const h = 1e-5 / Math.max(1, fMax);
        const Ep = energyAlong(x, Fi, h, n, d, beta, mc.energy, energyV);
        const Em = energyAlong(x, Fi, -h, n, d, beta, mc.energy, energyV);
        const lhs = (Ep - Em) / (2 * h);
        const model = rateModel(mc, batch, b);
        const rhs = energyRate(x, Fi, n, d, beta, mc.energy, model);
        // float error of F: ε_i = u(2β‖B‖ + n + 2d + 8)·Σ_j|A_ij|·‖V‖ (Σ_j A_ij = 1 for SA, Z_i/n for USA);
        // |lhs − rhs| ≤ c·Σ w_i (2‖F_i‖ε_i + ε_i²), evaluated as energyRate of vectors with those squared norms
        const z = attentionPartition(x, n, d, beta, Bm);
        const vNorm = operatorNormBound(Vm, d);
        const bNorm = operatorNormBound(Bm, d);
        const G = new Float64Array(nd);
        for (let i = 0; i < n; i++) {
          let f2 = 0;
          for (let k = 0; k < d; k++) f2 += Fi[i * d + k]! ** 2;
          const rowMass = mc.normalization === 'softmax' ? 1 : z[i]! / n;
          const eps = velocityRounding(u, beta, bNorm, vNorm, n, d, rowMass);
          G[i * d] = Math.sqrt(2 * Math.sqrt(f2) * eps + eps * eps);
        }
        const fieldTol = Math.abs(energyRate(x, G, n, d, beta, mc.energy, { ...model, sign: 1 }));
        // difference quotient: truncation h²|E‴|/6 (≪ 1e-7 relative at h = 1e-5/‖F‖∞) and the float64 rounding of the
        // two energies (n² terms each, energyRounding) divided by 2h, twice
        const e64 = interactionEnergy(x, n, d, beta, mc.energy, energyV);
        const absTerms = mc.energy === 'shifted' ? shiftedAbsTerms(x, n, d, beta) : 0;
        const e64Rounding = energyRounding(
          IEEE_FLOAT64,
          n,
          d,
          beta,
          mc.energy,
          mc.energy === 'modified-metric' ? vNorm : 1,
          Math.max(Math.abs(Ep), Math.abs(Em)),
          absTerms,
        );
        const fdTol = 1e-7 * Math.abs(rhs) + e64Rounding / h;
        measurements.push(measure(b, `dE/dt = rate formula — ${mc.name}`, lhs, '==', rhs, fieldTol + fdTol));
        const eTol =
          energyRounding(
            accuracyOf(dyn),
            n,
            d,
            beta,
            mc.energy,
            mc.energy === 'modified-metric' ? vNorm : 1,
            e64,
            absTerms,
          ) +
          energyRounding(
            IEEE_FLOAT64,
            n,
            d,
            beta,
            mc.energy,
            mc.energy === 'modified-metric' ? vNorm : 1,
            e64,
            absTerms,
          );
        measurements.push(measure(b, `E_impl = E₆₄ — ${mc.energy}`, E[b]!, '==', e64, eTol));
        coverage.push({ n, d, beta, model: mc.name });
      }
    }
    return { instances: B, measurements, coverage };
  },
});
