/**
 * heat.particles-track-heat-flow (AHMP24 README; spec heat-flow-limit §3.3, property 6): n iid particles
 * after K = T/ε SB steps are as close to the exact heat flow ρ(T) as the sample was to ρ₀ (plus 0.02), and
 * within the sampling floor 3√(3.5/n)·sd(ρ(T)). W2 is the exact empirical-vs-mixture formula of spec §2.4.
 * The poster's mixture ½N(−2,1) + ½N(2,1) is a fixed example; its iterates-vs-heat-flow data go to figures.
 */
import fc from 'fast-check';
import { mixtureHeatFlow, mixtureMoments, mixturePdf1D, type GaussianMixture } from '../../impl/reference/heat-flow.js';
import { w2EmpiricalMixture1D } from '../../impl/reference/wasserstein.js';
import {
  gaussianArb,
  mixtureArb,
  mixtureSource,
  POSTER_MIXTURE,
  sampleSource,
  type Source,
} from '../arbitraries/gaussians.js';
import { logUniform } from '../arbitraries/scalars.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement, Series } from '../types.js';
import { empiricalCov, HEAT_COVERAGE_BINS, recordedSteps, sbOf, slice } from './common.js';
import { defineProperty } from '../define.js';
import { particlesTrackHeatFlow } from '../../theorems/heat-flow/index.js';

interface Input {
  readonly mixtures: readonly GaussianMixture[];
  readonly seeds: readonly number[];
  readonly n: number;
  readonly eps: number;
  readonly T: number;
  /** The poster example: its trajectory goes to figures. */
  readonly poster: boolean;
}

/** 1-D sources as mixtures (a Gaussian is a one-component mixture). */
function asMixture(s: Source): GaussianMixture {
  if (s.kind === 'mixture') return s.mixture;
  if (s.kind === 'gaussian') return mixtureSource(1, [1], [s.gaussian.mean[0]!], [s.gaussian.cov[0]!]).mixture;
  throw new Error('clustered sources have no heat flow oracle');
}

const HIST_EDGES = Array.from({ length: 33 }, (_, k) => -8 + k * 0.5);

export const particlesTrackHeatFlowProperty = defineProperty<Input>(particlesTrackHeatFlow, {
  arbitrary: (budget) =>
    fc.record({
      mixtures: fc.array(fc.oneof(gaussianArb(1, { lambdaMin: 0.5, lambdaMax: 2 }), mixtureArb(1)).map(asMixture), {
        minLength: 1,
        maxLength: budget === 'thorough' ? 4 : 2,
      }),
      seeds: fc.array(fc.integer({ min: 1, max: 0x7fffffff }), { minLength: 4, maxLength: 4 }),
      n: fc.integer({ min: 250, max: budget === 'thorough' ? 1000 : 280 }),
      eps: logUniform(budget === 'thorough' ? 0.01 : 0.05, 0.1),
      T: budget === 'thorough' ? fc.constantFrom(0.5, 1, 2) : fc.constant(0.5),
      poster: fc.constant(false),
    }),
  examples: [{ mixtures: [POSTER_MIXTURE.mixture], seeds: [20240616], n: 250, eps: 0.1, T: 1, poster: true }],
  runs: { quick: 1, ci: 2, thorough: 12 },
  defaultSeed: 5006,
  coverageBins: HEAT_COVERAGE_BINS,
  async run(input, ctx): Promise<BatchOutcome> {
    const sb = sbOf(ctx);
    const B = input.mixtures.length;
    const { n } = input;
    const K = Math.max(1, Math.round(input.T / input.eps));
    const eps = input.T / K;
    const x = new Float64Array(B * n);
    input.mixtures.forEach((m, b) =>
      x.set(sampleSource({ kind: 'mixture', mixture: m }, n, input.seeds[b % input.seeds.length]! + b), b * n),
    );
    const batch = { B, n, d: 1, x, eps: new Float64Array(B).fill(eps) };
    const { traj, S } = await recordedSteps(sb, batch, K);
    const measurements: Measurement[] = [];
    const data: Record<string, number[]> = {};
    const series: Series[] = [];
    input.mixtures.forEach((m, b) => {
      const w0 = w2EmpiricalMixture1D(slice(traj.x, b * S, n), m);
      const mT = mixtureHeatFlow(m, input.T);
      const wT = w2EmpiricalMixture1D(slice(traj.x, b * S + S - 1, n), mT);
      const sdT = Math.sqrt(mixtureMoments(mT).cov[0]!);
      measurements.push(measure(b, 'W2(ρ̂_K, ρ(T)) ≤ W2(ρ̂_0, ρ_0) + 0.02', wT, '<=', w0 + 0.02, 0));
      measurements.push(measure(b, 'W2(ρ̂_K, ρ(T)) ≤ 3√(3.5/n)·sd(ρ(T))', wT, '<=', 3 * Math.sqrt(3.5 / n) * sdT, 0));
      (data['w2Initial'] ??= []).push(w0);
      (data['w2Final'] ??= []).push(wT);
      if (input.poster && b === 0) {
        const t = traj.recordedSteps.map((k) => k * eps);
        const w2 = traj.recordedSteps.map((_, s) =>
          w2EmpiricalMixture1D(slice(traj.x, b * S + s, n), mixtureHeatFlow(m, t[s]!)),
        );
        const variance = traj.recordedSteps.map((_, s) => empiricalCov(slice(traj.x, b * S + s, n), n, 1)[0]!);
        const v0 = mixtureMoments(m).cov[0]!;
        data['poster.t'] = t;
        data['poster.w2'] = w2;
        data['poster.variance'] = variance;
        data['poster.heatVariance'] = t.map((s) => v0 + s);
        for (const s of [0, Math.floor((S - 1) / 2), S - 1]) {
          const counts = new Array<number>(HIST_EDGES.length - 1).fill(0);
          for (const v of slice(traj.x, b * S + s, n)) {
            const k = Math.floor((v - HIST_EDGES[0]!) / 0.5);
            if (k >= 0 && k < counts.length) counts[k]!++;
          }
          data[`poster.hist.${s}`] = counts.map((c) => c / (n * 0.5));
          data[`poster.density.${s}`] = HIST_EDGES.slice(0, -1).map((e) =>
            mixturePdf1D(mixtureHeatFlow(m, t[s]!), e + 0.25),
          );
        }
        data['poster.histSteps'] = [0, Math.floor((S - 1) / 2), S - 1];
        series.push({
          name: 'particle variance (½N(−2,1)+½N(2,1))',
          x: 't',
          y: 'variance',
          points: t.map((s, k) => [s, variance[k]!] as const),
          role: 'measured',
          group: 'heat-variance',
        });
        series.push({
          name: 'heat flow variance 5 + t',
          x: 't',
          y: 'variance',
          points: t.map((s) => [s, v0 + s] as const),
          role: 'theory',
          group: 'heat-variance',
        });
        series.push({
          name: 'W2(ρ̂_k, ρ(kε)) (mixture)',
          x: 't',
          y: 'W2',
          points: t.map((s, k) => [s, w2[k]!] as const),
          role: 'measured',
          group: 'heat-w2',
        });
      }
    });
    return { instances: B, measurements, coverage: input.mixtures.map(() => ({ n, eps, T: input.T })), series, data };
  },
  summarize(outcomes, ctx) {
    const o = outcomes.find((x) => x.data?.['poster.t']);
    if (!o || !o.data) return {};
    const d = o.data;
    const steps = d['poster.histSteps'] ?? [];
    return {
      figures: {
        mixtureHeatFlow: {
          description:
            'SB iterates vs the exact heat flow for ρ₀ = ½N(−2,1) + ½N(2,1) (AHMP24 poster / simulations.pdf Fig. 3), cost ½|x−y|²',
          implementation: ctx.impl.name,
          eps: (d['poster.t']![1] ?? 0) - d['poster.t']![0]!,
          t: d['poster.t'],
          variance: d['poster.variance'],
          heatVariance: d['poster.heatVariance'],
          w2ToHeatFlow: d['poster.w2'],
          histogramBinEdges: HIST_EDGES,
          histograms: steps.map((s) => ({
            t: d['poster.t']![s],
            particleDensity: d[`poster.hist.${s}`],
            heatFlowDensityAtBinCenters: d[`poster.density.${s}`],
          })),
        },
      },
    };
  },
});
