/**
 * heat.step-matches-reference (spec heat-flow-limit §1.1, §3.2; AHMP24 Algorithm 1): the implementation's SB step
 * x ↦ 2x − B_ε(x) and its barycentre equal the float64 step of the same weighted particle set within the analysed
 * step error of common.ts, and `iterate` is K such steps, each re-solved at the current particles (checked step by
 * step from the implementation's own previous snapshot, so the flow's amplification of rounding never enters).
 */
import fc from 'fast-check';
import type { ParticleBatch, SBAttention } from '../../impl/capabilities/sb-attention.js';
import { gaussianOrMixture, particleCase, type ParticleCase } from '../arbitraries/gaussians.js';
import { spreadUnitBlock } from '../arbitraries/scalars.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { extent, HEAT_COVERAGE_BINS, sbOf, sbStepOracle, slice, solveOptionsFor, stepErrorModel } from './common.js';
import { accuracyOf, IEEE_FLOAT64, type ArithmeticAccuracy } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { stepMatchesReference } from '../../theorems/heat-flow/index.js';

interface Input {
  readonly particles: ParticleCase;
  /** Per-instance log-weight spread s ∈ [0, 3] and raw floats: w_i ∝ e^{s(t_i − ½)}; s = 0 is uniform. */
  readonly weights: { readonly spread: number; readonly raw: readonly number[] };
}

const N_MAX = 40;
/** Recorded SB steps of `iterate`. */
const STEPS = 3;

function withWeights(batch: ParticleBatch, spread: number, raw: readonly number[]): ParticleBatch {
  if (spread === 0) return batch;
  const { B, n } = batch;
  const w = new Float64Array(B * n);
  for (let b = 0; b < B; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += w[b * n + i] = Math.exp(spread * (raw[(b * n + i) % raw.length]! - 0.5));
    for (let i = 0; i < n; i++) w[b * n + i] = w[b * n + i]! / s;
  }
  return { ...batch, weights: w };
}

/** Largest coordinate deviation between instance b of [B, n, d] `got` and `want` ([n, d]). */
function maxDev(got: Float64Array, b: number, want: Float64Array): number {
  let e = 0;
  for (let k = 0; k < want.length; k++) e = Math.max(e, Math.abs(got[b * want.length + k]! - want[k]!));
  return e;
}

/** max|log w| of instance b (log n when uniform). */
function logWeightMax(batch: ParticleBatch, b: number): number {
  let lw = Math.log(batch.n);
  if (batch.weights) for (const v of slice(batch.weights, b, batch.n)) lw = Math.max(lw, Math.abs(Math.log(v)));
  return lw;
}

/**
 * Step tolerance of instance b: the implementation's and the oracle's analysed step errors (common.ts), each at a
 * stop with ε_b·max|Δg| below its float floor ε_b·2δ (checked by the residual measurement).
 */
function stepTolerance(sb: SBAttention, batch: ParticleBatch, b: number, x: Float64Array): number {
  const { n, d } = batch;
  const lw = logWeightMax(batch, b);
  const { diam, xmax } = extent(x, n, d);
  const e = batch.eps[b]!;
  const model = (acc: ArithmeticAccuracy): number => stepErrorModel(acc, n, lw).stepError(e, diam, xmax);
  return model(accuracyOf(sb)) + model(IEEE_FLOAT64);
}

/** The residual the step error model assumes for instance b: the requested tolerance or its float floor ε_b·2δ. */
function residualBound(sb: SBAttention, batch: ParticleBatch, b: number, requested: number): number {
  return Math.max(requested, stepErrorModel(accuracyOf(sb), batch.n, logWeightMax(batch, b)).tolerance(batch.eps[b]!));
}

export const stepMatchesReferenceProperty = defineProperty<Input>(stepMatchesReference, {
  arbitrary: () =>
    fc.record({
      particles: particleCase({
        d: fc.integer({ min: 1, max: 3 }),
        n: fc.integer({ min: 3, max: N_MAX }),
        batchMax: 4,
        epsMin: 0.003,
        epsMax: 4,
        source: gaussianOrMixture,
      }),
      weights: fc.record({ spread: fc.constantFrom(0, 1, 3), raw: spreadUnitBlock(4 * N_MAX) }),
    }),
  runs: { quick: 2, ci: 6, thorough: 60 },
  coverageBins: {
    ...HEAT_COVERAGE_BINS,
    eps: [1e-4, 0.003, 0.01, 0.03, 0.1, 0.2001, 1, 4.0001],
    weightSpread: [0, 1, 3, 3.001],
  },
  async run({ particles, weights }, ctx): Promise<BatchOutcome> {
    const sb = sbOf(ctx);
    const batch = withWeights(particles.batch, weights.spread, weights.raw);
    const { B, n, d } = batch;
    const nd = n * d;
    const options = solveOptionsFor(sb, batch);
    const measurements: Measurement[] = [];
    const w = (b: number): Float64Array | undefined => (batch.weights ? slice(batch.weights, b, n) : undefined);
    const out = await sb.step(batch, options);
    for (let b = 0; b < B; b++) {
      const x = slice(batch.x, b, nd);
      const ref = sbStepOracle({ n, d, x, w: w(b) }, batch.eps[b]!);
      const tol = stepTolerance(sb, batch, b, x);
      const bound = residualBound(sb, batch, b, options.tolerance);
      measurements.push(
        measure(b, 'residual of the step’s bridge ≤ max(requested, ε·2δ)', out.residual[b]!, '<=', bound, 0),
      );
      measurements.push(
        measure(b, '|B_impl − B₆₄| (barycentre)', maxDev(out.barycentre, b, ref.barycentre), '<=', 0, tol),
      );
      measurements.push(measure(b, '|SB_impl − SB₆₄| (one step 2x − B)', maxDev(out.x, b, ref.x), '<=', 0, tol));
    }
    const traj = await sb.iterate(batch, { ...options, steps: STEPS, recordEvery: 1 });
    const got = Array.from(traj.recordedSteps).join(',');
    const want = Array.from({ length: STEPS + 1 }, (_, k) => k).join(',');
    const what = `iterate records steps [${want}] with recordEvery = 1 (got [${got}])`;
    measurements.push(measure(0, what, got === want ? 0 : 1, '<=', 0, 0));
    if (got === want) {
      const R = STEPS + 1;
      for (let b = 0; b < B; b++) {
        const bound = residualBound(sb, batch, b, options.tolerance);
        measurements.push(
          measure(b, 'iterate: max residual over the steps ≤ max(requested, ε·2δ)', traj.residual[b]!, '<=', bound, 0),
        );
        // `residual` is the max over the K steps; its first step is the `step` call above (same input and options)
        const first = out.residual[b]!;
        measurements.push(
          measure(
            b,
            'iterate: max residual over the steps ≥ the first step’s (from step)',
            traj.residual[b]!,
            '>=',
            first,
            0,
          ),
        );
        const start = traj.x.subarray(b * R * nd, b * R * nd + nd);
        measurements.push(
          measure(b, 'iterate: snapshot 0 is the input', maxDev(start, 0, slice(batch.x, b, nd)), '<=', 0, 0),
        );
        for (let k = 1; k < R; k++) {
          const prev = Float64Array.from(traj.x.subarray((b * R + k - 1) * nd, (b * R + k) * nd));
          const ref = sbStepOracle({ n, d, x: prev, w: w(b) }, batch.eps[b]!);
          const snap = traj.x.subarray((b * R + k) * nd, (b * R + k + 1) * nd);
          const tol = stepTolerance(sb, batch, b, prev);
          const what = `iterate: snapshot ${k} vs float64 step from snapshot ${k - 1}`;
          measurements.push(measure(b, what, maxDev(snap, 0, ref.x), '<=', 0, tol));
        }
      }
    }
    return {
      instances: B,
      measurements,
      coverage: [...Array(B).keys()].map((b) => ({ n, d, eps: batch.eps[b]!, weightSpread: weights.spread })),
    };
  },
});
