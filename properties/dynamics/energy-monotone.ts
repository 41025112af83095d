/**
 * energy.monotone (spec P4; GLPR eq. 3.6, Lemma 3.7, §3.4.1, §3.2): the interaction energy is non-decreasing
 * along SA and USA (V = I) and along SA with B = V symmetric (modified-metric 𝖤), and non-increasing for
 * V = −I — at every step of a small-step RK4 and of the authors' discrete layer update (Euler + renormalise).
 * Energies are the implementation's own, evaluated on its own states.
 */
import fc from 'fast-check';
import type { SphereIntegrator } from '../../impl/capabilities/sphere-dynamics.js';
import { sphereCase, type SphereCase } from '../arbitraries/sphere.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement, Series } from '../types.js';
import { batchForCase, goeLength, MODEL_CASES } from './cases.js';
import {
  authorsStep,
  DYNAMICS_COVERAGE_BINS,
  dynamicsOf,
  energiesAlong,
  energyRounding,
  operatorNormBound,
  shiftedAbsTerms,
  stateOf,
} from './common.js';
import { accuracyOf } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { energyMonotone } from '../../theorems/geshkovski-2023/index.js';

const D_MAX = 16;
const STEPS = 40;
/** RK4 step for SA (USA: the same authors' correction as the Euler step). */
const RK4_STEP = 0.02;
/** The authors' Euler step η (phase-diagrams.py). */
const EULER_STEP = 0.1;

interface MonotoneInput {
  readonly c: SphereCase;
  readonly integrator: SphereIntegrator;
}

export const energyMonotoneProperty = defineProperty<MonotoneInput>(energyMonotone, {
  arbitrary: (budget) =>
    fc.record({
      c: sphereCase({
        nMax: 16,
        dims: [2, 3, 8, D_MAX],
        batch: { min: 1, max: budget === 'quick' ? 3 : 6 },
        beta: { kind: 'log-uniform', lo: 1e-2, hi: 9 },
        extraLength: goeLength(D_MAX),
      }),
      integrator: fc.constantFrom<SphereIntegrator>('rk4', 'euler-renormalize'),
    }),
  runs: { quick: 3, ci: 8, thorough: 100 },
  coverageBins: DYNAMICS_COVERAGE_BINS,
  async run({ c, integrator }, ctx): Promise<BatchOutcome> {
    const dyn = dynamicsOf(ctx);
    const { B, n, d } = c.batch;
    const measurements: Measurement[] = [];
    const coverage: Record<string, number | string>[] = [];
    const series: Series[] = [];
    for (const mc of MODEL_CASES) {
      // the discrete Euler update is only claimed for the attractive cases (spec P4); V = −I uses RK4 alone
      if (integrator === 'euler-renormalize' && mc.sign < 0) continue;
      const batch = batchForCase(c.batch, mc, c.extra);
      const dt = authorsStep(mc.normalization, batch.beta, integrator === 'rk4' ? RK4_STEP : EULER_STEP);
      const traj = await dyn.simulate(batch, {
        normalization: mc.normalization,
        integrator,
        dt,
        steps: STEPS,
        recordEvery: 1,
      });
      const E = await energiesAlong(dyn, batch, traj, mc.energy);
      const S = traj.stored;
      for (let b = 0; b < B; b++) {
        const beta = batch.beta[b]!;
        const V = batch.value?.subarray(b * d * d, (b + 1) * d * d);
        const vNorm = mc.energy === 'modified-metric' ? operatorNormBound(V, d) : 1;
        for (let k = 0; k + 1 < S; k++) {
          const e0 = E[b * S + k]!;
          const e1 = E[b * S + k + 1]!;
          const abs0 = mc.energy === 'shifted' ? shiftedAbsTerms(stateOf(traj, b, k), n, d, beta) : 0;
          const abs1 = mc.energy === 'shifted' ? shiftedAbsTerms(stateOf(traj, b, k + 1), n, d, beta) : 0;
          // two independent evaluations, each within its analysed rounding δ_E
          const tol =
            energyRounding(accuracyOf(dyn), n, d, beta, mc.energy, vNorm, e0, abs0) +
            energyRounding(accuracyOf(dyn), n, d, beta, mc.energy, vNorm, e1, abs1);
          const step = mc.sign * (e1 - e0);
          measurements.push(measure(b, `sign·(E_{k+1} − E_k) ≥ 0 — ${mc.name}, ${integrator}`, step, '>=', 0, tol));
        }
        coverage.push({ n, d, beta, model: mc.name, integrator });
        if (b === 0 && series.length < 8) {
          const pts: [number, number][] = [];
          for (let k = 0; k < S; k++) pts.push([traj.stepIndex[k]! * dt, E[b * S + k]!]);
          series.push({
            name: `${mc.name}, ${integrator}, n=${n}, d=${d}, β=${beta.toPrecision(3)}`,
            x: 't',
            y: 'E',
            points: pts,
            role: 'measured',
            group: 'energy',
          });
        }
      }
    }
    return { instances: B, measurements, coverage, series };
  },
});
