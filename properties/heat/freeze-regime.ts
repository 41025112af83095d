/**
 * heat.freeze-regime — negative control (spec heat-flow-limit §3.3, property 9): with n = 50 and
 * ε ≈ 1e-4 in 1-D (n√ε ≈ 0.5), the discrete bridge is nearly the identity and the particles barely move.
 * The check applied is the heat-flow variance rate 1 ± 0.1; it is expected to fail (rate ≈ 0.2–0.3).
 */
import fc from 'fast-check';
import { gaussianArb, particleCase, type ParticleCase } from '../arbitraries/gaussians.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { empiricalCov, HEAT_COVERAGE_BINS, sbOf, slice, solveOptionsFor } from './common.js';
import { defineProperty } from '../define.js';
import { freezeRegime } from '../../theorems/heat-flow/index.js';

const STEPS = 5;

export const freezeRegimeProperty = defineProperty<ParticleCase>(freezeRegime, {
  arbitrary: () =>
    particleCase({
      d: fc.constant(1),
      n: fc.constant(50),
      batchMax: 4,
      epsMin: 1e-4,
      epsMax: 2e-4,
      source: () => gaussianArb(1, { lambdaMin: 1, lambdaMax: 1, meanMax: 0 }),
    }),
  runs: { quick: 1, ci: 1, thorough: 5 },
  defaultSeed: 5009,
  coverageBins: HEAT_COVERAGE_BINS,
  async run(c, ctx): Promise<BatchOutcome> {
    const sb = sbOf(ctx);
    const { batch } = c;
    const { B, n } = batch;
    const traj = await sb.iterate(batch, { ...solveOptionsFor(sb, batch), steps: STEPS });
    const S = traj.recordedSteps.length;
    const measurements: Measurement[] = [];
    const rates: number[] = [];
    for (let b = 0; b < B; b++) {
      const v0 = empiricalCov(slice(traj.x, b * S, n), n, 1)[0]!;
      const vK = empiricalCov(slice(traj.x, b * S + S - 1, n), n, 1)[0]!;
      const rate = (vK - v0) / (STEPS * batch.eps[b]!);
      rates.push(rate);
      measurements.push(
        measure(b, 'per-step variance rate ΔVar/ε = 1 ± 0.1 (heat flow; expected to FAIL here)', rate, '==', 1, 0.1),
      );
    }
    return {
      instances: B,
      measurements,
      coverage: [...Array(B).keys()].map((b) => ({ n, eps: batch.eps[b]! })),
      data: { rate: rates },
    };
  },
});
