/**
 * dynamics.hemisphere-invariance (GLPR Lemma 6.4, step 1; spec P6): if r_w = min_i⟨x_i, w⟩ > 0 then r_w never
 * decreases — exactly so for the normalised Euler step with a_ij ≥ 0 and any η > 0: with m_i = Σ_j a_ij x_j,
 * c_i = Σ_j a_ij, ⟨x_i + ηm_i, w⟩ ≥ (1 + ηc_i)r and ‖x_i + ηm_i‖ ≤ 1 + ηc_i. Covers SA, USA and a general
 * bilinear form B = KᵀQ with V = I.
 */
import fc from 'fast-check';
import type { AttentionNormalization, SphereBatch } from '../../impl/capabilities/sphere-dynamics.js';
import { ginibre, sphereCase, unitVector, type SphereCase } from '../arbitraries/sphere.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { DYNAMICS_COVERAGE_BINS, dynamicsOf, stateOf } from './common.js';
import { accuracyOf } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { hemisphereInvariance } from '../../theorems/geshkovski-2023/index.js';

const D_MAX = 16;
const STEPS = 30;

interface HemisphereInput {
  readonly c: SphereCase;
  readonly eta: number;
}

/** min_i ⟨x_i, w⟩ of a configuration. */
function margin(x: ArrayLike<number>, w: ArrayLike<number>, n: number, d: number): number {
  let r = Infinity;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += x[i * d + k]! * w[k]!;
    r = Math.min(r, s);
  }
  return r;
}

export const hemisphereInvarianceProperty = defineProperty<HemisphereInput>(hemisphereInvariance, {
  arbitrary: (budget) =>
    fc.record({
      c: sphereCase({
        nMax: 16,
        dims: [2, 3, 8, D_MAX],
        batch: { min: 1, max: budget === 'quick' ? 4 : 12 },
        beta: { kind: 'log-uniform', lo: 1e-2, hi: 10 },
        extraLength: 2 * D_MAX + 2 * D_MAX * D_MAX,
      }),
      eta: fc.constantFrom(0.05, 0.3, 1),
    }),
  runs: { quick: 3, ci: 10, thorough: 100 },
  coverageBins: DYNAMICS_COVERAGE_BINS,
  async run({ c, eta }, ctx): Promise<BatchOutcome> {
    const dyn = dynamicsOf(ctx);
    const { B, n, d } = c.batch;
    const nd = n * d;
    // reflect every particle into the open hemisphere {⟨x, w⟩ > 0}
    const ws = c.extra.map((e) => unitVector(e, d));
    const x = c.batch.x.slice();
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += x[b * nd + i * d + k]! * ws[b]![k]!;
        if (s < 0) for (let k = 0; k < d; k++) x[b * nd + i * d + k] = -x[b * nd + i * d + k]!;
      }
    }
    const bil = new Float64Array(B * d * d);
    c.extra.forEach((e, b) => bil.set(ginibre(e, d, 2 * D_MAX), b * d * d));
    // rounding of the attention product (n terms), of the renormalisation (d terms) and of ⟨x, w⟩ (d terms)
    const tol = accuracyOf(dyn).u * (4 * d + 2 * n + 16);
    const measurements: Measurement[] = [];
    const coverage: Record<string, number | string>[] = [];
    const models: Array<[string, AttentionNormalization, boolean]> = [
      ['SA', 'softmax', false],
      ['USA', 'unnormalized', false],
      ['SA, B Ginibre', 'softmax', true],
      ['USA, B Ginibre', 'unnormalized', true],
    ];
    for (const [label, normalization, general] of models) {
      const batch: SphereBatch = { B, n, d, x, beta: c.batch.beta, ...(general ? { bilinear: bil } : {}) };
      const traj = await dyn.simulate(batch, {
        normalization,
        integrator: 'euler-renormalize',
        dt: eta,
        steps: STEPS,
        recordEvery: 1,
      });
      for (let b = 0; b < B; b++) {
        let prev = margin(stateOf(traj, b, 0), ws[b]!, n, d);
        if (!(prev > 0)) continue; // hypothesis r_w(0) > 0 not met (only reachable by shrinking)
        for (let k = 1; k < traj.stored; k++) {
          const r = margin(stateOf(traj, b, k), ws[b]!, n, d);
          measurements.push(measure(b, `r_w(t_{k+1}) ≥ r_w(t_k) — ${label}`, r, '>=', prev, tol));
          prev = r;
        }
        coverage.push({ n, d, beta: c.batch.beta[b]!, eta, model: label });
      }
    }
    return { instances: B, measurements, coverage };
  },
});
