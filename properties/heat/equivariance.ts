/**
 * heat.equivariance (spec heat-flow-limit property 8): SB(x + a) = SB(x) + a; SB(Rx) = R·SB(x) (d ≥ 2);
 * SB(sx; s²ε) = s·SB(x; ε); SB(πx) = π·SB(x); and the factor-2 cost guard: the per-step variance rate is ≈ 1
 * for cost ½|x−y|², and halving the temperature — which is what the authors' code's cost |x−y|² does —
 * halves it (0.5 ± 0.03).
 */
import fc from 'fast-check';
import type { ParticleBatch } from '../../impl/capabilities/sb-attention.js';
import {
  gaussianArb,
  particleCase,
  rotationMatrix,
  sampleSource,
  gaussianSource,
  type ParticleCase,
} from '../arbitraries/gaussians.js';
import { logUniform, uniformIn } from '../arbitraries/scalars.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import {
  empiricalCov,
  extent,
  HEAT_COVERAGE_BINS,
  meanTrace,
  sbOf,
  slice,
  solveOptionsFor,
  stepErrorModel,
} from './common.js';
import { accuracyOf } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { equivariance } from '../../theorems/heat-flow/index.js';

interface Input {
  readonly particles: ParticleCase;
  /** Translation on the 2⁻¹² grid, |a| ≤ 4. */
  readonly shift: readonly number[];
  readonly angles: readonly number[];
  readonly scale: number;
  readonly permutationSeed: number;
  readonly guard: { readonly seed: number; readonly eps: number };
}

const GUARD_N = 300;
const GUARD_STEPS = 3;
/** Guard bands: rate at ε (finite-n deficit of a 300-point set over 3 steps) and rate(ε/2)/rate(ε) (spec: 0.5 ± 0.03). */
const GUARD_RATE: readonly [number, number] = [0.85, 1.02];
const GUARD_RATIO: readonly [number, number] = [0.47, 0.53];

function permutation(n: number, seed: number): number[] {
  const p = [...Array(n).keys()];
  let s = seed >>> 0;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

export const equivarianceProperty = defineProperty<Input>(equivariance, {
  arbitrary: (budget) =>
    fc.record({
      particles: particleCase({
        d: fc.integer({ min: 1, max: 3 }),
        n: fc.integer({ min: 8, max: budget === 'thorough' ? 200 : 80 }),
        batchMax: 3,
        epsMin: 0.02,
        epsMax: 0.2,
        source: (d) => gaussianArb(d),
        grid: true,
      }),
      shift: fc.array(
        uniformIn(-4, 4).map((v) => Math.round(v * 4096) / 4096),
        { minLength: 3, maxLength: 3 },
      ),
      angles: fc.array(uniformIn(0, Math.fround(2 * Math.PI)), { minLength: 3, maxLength: 3 }),
      scale: fc.constantFrom(0.5, 2),
      permutationSeed: fc.integer({ min: 1, max: 0x7fffffff }),
      guard: fc.record({ seed: fc.integer({ min: 1, max: 0x7fffffff }), eps: logUniform(0.05, 0.1) }),
    }),
  runs: { quick: 1, ci: 3, thorough: 40 },
  coverageBins: HEAT_COVERAGE_BINS,
  async run(input, ctx): Promise<BatchOutcome> {
    const sb = sbOf(ctx);
    const { batch } = input.particles;
    const { B, n, d } = batch;
    const R = rotationMatrix(d, input.angles);
    const perm = permutation(n, input.permutationSeed);
    const s = input.scale;
    // variants: 0 identity, 1 translated, 2 scaled (ε·s²), 3 rotated (input rounded: Lipschitz term below), 4 permuted
    const V = 5;
    const x = new Float64Array(V * B * n * d);
    const eps = new Float64Array(V * B);
    for (let b = 0; b < B; b++) {
      const xb = slice(batch.x, b, n * d);
      const e = batch.eps[b]!;
      for (let i = 0; i < n; i++) {
        for (let r = 0; r < d; r++) {
          const v = xb[i * d + r]!;
          x[((0 * B + b) * n + i) * d + r] = v;
          x[((1 * B + b) * n + i) * d + r] = v + input.shift[r]!;
          x[((2 * B + b) * n + i) * d + r] = s * v;
          let rv = 0;
          for (let c = 0; c < d; c++) rv += R[r * d + c]! * xb[i * d + c]!;
          x[((3 * B + b) * n + i) * d + r] = rv; // a float32 implementation rounds it: the Lipschitz term below
          x[((4 * B + b) * n + i) * d + r] = xb[perm[i]! * d + r]!;
        }
      }
      eps[0 * B + b] = e;
      eps[1 * B + b] = e;
      eps[2 * B + b] = e * s * s;
      eps[3 * B + b] = e;
      eps[4 * B + b] = e;
    }
    const all: ParticleBatch = { B: V * B, n, d, x, eps };
    const out = await sb.step(all, solveOptionsFor(sb, all));
    const model = stepErrorModel(accuracyOf(sb), n);
    const measurements: Measurement[] = [];
    const y = (v: number, b: number, i: number, r: number): number => out.x[((v * B + b) * n + i) * d + r]!;
    for (let b = 0; b < B; b++) {
      const { diam, xmax } = extent(slice(batch.x, b, n * d), n, d);
      const e = batch.eps[b]!;
      const ex = model.stepError(e, diam, xmax);
      const exShift = model.stepError(e, diam, xmax + 4 * Math.sqrt(3));
      const exScale = model.stepError(e * s * s, s * diam, s * xmax);
      // rotated input rounding u·|x|: costs move by ≤ diam·u|x|/ε per entry, the weights by twice that, B by that × diam
      const exRot = ex + (3 + (2 * diam * diam) / e) * model.u * xmax * Math.sqrt(d);
      let dT = 0;
      let dS = 0;
      let dR = 0;
      let dP = 0;
      for (let i = 0; i < n; i++) {
        for (let r = 0; r < d; r++) {
          dT = Math.max(dT, Math.abs(y(1, b, i, r) - input.shift[r]! - y(0, b, i, r)));
          dS = Math.max(dS, Math.abs(y(2, b, i, r) / s - y(0, b, i, r)));
          let ry = 0;
          for (let c = 0; c < d; c++) ry += R[r * d + c]! * y(0, b, i, c);
          dR = Math.max(dR, Math.abs(y(3, b, i, r) - ry));
          dP = Math.max(dP, Math.abs(y(4, b, i, r) - y(0, b, perm[i]!, r)));
        }
      }
      measurements.push(measure(b, '|SB(x + a) − a − SB(x)|∞', dT, '<=', 0, ex + exShift));
      measurements.push(measure(b, '|SB(sx; s²ε)/s − SB(x; ε)|∞', dS, '<=', 0, ex + exScale / s));
      if (d >= 2) measurements.push(measure(b, '|SB(Rx) − R·SB(x)|∞', dR, '<=', 0, ex * Math.sqrt(d) + exRot));
      measurements.push(measure(b, '|SB(πx) − π·SB(x)|∞', dP, '<=', 0, 2 * ex));
    }
    // factor-2 guard on a 1-D N(0, 1) set of 300 particles
    const g = gaussianSource([0], [1], [0, 0, 0]);
    const gx = sampleSource(g, GUARD_N, input.guard.seed);
    const guardBatch: ParticleBatch = {
      B: 2,
      n: GUARD_N,
      d: 1,
      x: Float64Array.from([...gx, ...gx]),
      eps: Float64Array.of(input.guard.eps, input.guard.eps / 2),
    };
    const traj = await sb.iterate(guardBatch, { ...solveOptionsFor(sb, guardBatch), steps: GUARD_STEPS });
    const S = traj.recordedSteps.length;
    const v0 = meanTrace(empiricalCov(gx, GUARD_N, 1), 1);
    const vFull = meanTrace(empiricalCov(slice(traj.x, S - 1, GUARD_N), GUARD_N, 1), 1);
    const vHalf = meanTrace(empiricalCov(slice(traj.x, 2 * S - 1, GUARD_N), GUARD_N, 1), 1);
    const rate = (vFull - v0) / (GUARD_STEPS * input.guard.eps);
    const ratio = (vHalf - v0) / (GUARD_STEPS * input.guard.eps) / rate;
    measurements.push(
      measure(
        0,
        `guard: per-step variance rate ΔVar/ε ≥ ${GUARD_RATE[0]} (cost ½|x−y|²)`,
        rate,
        '>=',
        GUARD_RATE[0],
        0,
      ),
    );
    measurements.push(
      measure(0, `guard: per-step variance rate ΔVar/ε ≤ ${GUARD_RATE[1]}`, rate, '<=', GUARD_RATE[1], 0),
    );
    measurements.push(
      measure(
        0,
        'guard: rate at ε/2 (= cost |x−y|² at ε) / rate at ε ∈ [0.47, 0.53]',
        Math.abs(ratio - 0.5),
        '<=',
        GUARD_RATIO[1] - 0.5,
        0,
      ),
    );
    return {
      instances: B,
      measurements,
      coverage: [...Array(B).keys()].map((b) => ({ n, d, eps: batch.eps[b]! })),
      data: { guardRate: [rate], guardRatio: [ratio] },
    };
  },
});
