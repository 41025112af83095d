/**
 * dynamics.uniform-initialisation: the implementation's initial tokens are i.i.d. uniform on S^{d−1} — the
 * hypothesis "i.i.d. uniform initial points" of GLPR Thms 4.1–6.9 (arXiv 2312.10794). Under σ_d, for any unit
 * vector w, (⟨x, w⟩ + 1)/2 ~ Beta((d−1)/2, (d−1)/2) [standard]. For the coordinate axes (where a normalised-cube
 * sampler is biased although its mean is 0) and one random direction, the Kolmogorov–Smirnov distance D_N of N
 * samples is compared with the DKW–Massart bound P(D_N > c) ≤ 2e^{−2Nc²} (exact for every N), at a false-alarm
 * level of 10⁻³ per claim run, Bonferroni over the budget's runs × directions.
 */
import fc from 'fast-check';
import { unitBlock } from '../arbitraries/scalars.js';
import { measure } from '../measure.js';
import { incompleteBeta } from '../statistics.js';
import type { BatchOutcome, ClaimSummary, Measurement } from '../types.js';
import { accuracyOf } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { uniformInitialization } from '../../theorems/geshkovski-2023/index.js';

const SAMPLES = 20_000;
const DIMENSIONS = [2, 3, 5, 8] as const;
const MAX_AXES = 4;
const FALSE_ALARM = 1e-3;

interface Input {
  readonly seed: number;
  readonly d: number;
  readonly direction: readonly number[];
}

/** KS distance between the sample of (⟨x,w⟩+1)/2 and Beta((d−1)/2, (d−1)/2). */
function ksDistanceToSphereMarginal(x: Float64Array, count: number, d: number, w: readonly number[]): number {
  const t = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += x[i * d + k]! * w[k]!;
    t[i] = s;
  }
  t.sort();
  const a = (d - 1) / 2;
  let D = 0;
  for (let i = 0; i < count; i++) {
    const F = incompleteBeta(Math.min(1, Math.max(0, (t[i]! + 1) / 2)), a, a);
    D = Math.max(D, Math.abs(F - i / count), Math.abs(F - (i + 1) / count));
  }
  return Number.isNaN(t[0]!) ? NaN : D;
}

export const uniformInitializationProperty = defineProperty<Input>(uniformInitialization, {
  arbitrary: () =>
    fc.record({
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
      d: fc.constantFrom(...DIMENSIONS),
      direction: unitBlock(8),
    }),
  runs: { quick: 2, ci: 8, thorough: 40 },
  defaultSeed: 4242,
  coverageBins: { d: [2, 3, 5, 8, 9] },
  async run({ seed, d, direction }, ctx): Promise<BatchOutcome> {
    const dyn = ctx.impl.sphereDynamics;
    if (!dyn?.sampleUniform) return { instances: 0, measurements: [], coverage: [] };
    const x = await dyn.sampleUniform(SAMPLES, d, seed);
    const u = accuracyOf(dyn).u;
    const measurements: Measurement[] = [];
    // ‖x‖ = 1: normalising d coordinates costs ≤ (d + 2)u relative (sum of squares, sqrt, division)
    let worstNorm = 0;
    for (let i = 0; i < SAMPLES; i++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += x[i * d + k]! ** 2;
      worstNorm = Number.isNaN(s) ? NaN : Math.max(worstNorm, Math.abs(Math.sqrt(s) - 1));
    }
    measurements.push(measure(0, '| ‖x‖ − 1 |', worstNorm, '<=', 0, 4 * (d + 2) * u));
    const dirs: number[][] = [];
    for (let k = 0; k < Math.min(d, MAX_AXES); k++) dirs.push(Array.from({ length: d }, (_, q) => (q === k ? 1 : 0)));
    const g = Array.from(
      { length: d },
      (_, k) =>
        Math.sqrt(-2 * Math.log(1 - direction[k]! * 0.999999)) * Math.cos(2 * Math.PI * direction[(k + 1) % 8]!),
    );
    const r = Math.hypot(...g) || 1;
    dirs.push(g.map((v) => v / r));
    // DKW–Massart: P(D > c) ≤ 2e^{−2Nc²}; Bonferroni over the ci runs and the directions of this run
    const alpha = FALSE_ALARM / (uniformInitializationProperty.runs[ctx.budget] * (MAX_AXES + 1));
    const critical = Math.sqrt(Math.log(2 / alpha) / (2 * SAMPLES));
    // float32 samples shift t by ≤ (d + 2)u; the Beta density is ≤ 1.2 for d ≤ 8 (and the d = 2 arcsine edge holds few samples)
    const rounding = 2 * (d + 2) * u;
    dirs.forEach((w, k) => {
      const D = ksDistanceToSphereMarginal(x, SAMPLES, d, w);
      measurements.push(
        measure(
          0,
          `KS distance of ⟨x, w⟩ to its σ_d law (${k < dirs.length - 1 ? 'axis' : 'random direction'}) ≤ DKW bound`,
          D,
          '<=',
          critical,
          rounding,
        ),
      );
    });
    // one instance = one sample set of N points (the unit the verdict is about)
    return { instances: 1, measurements, coverage: [{ d }] };
  },
  summarize(outcomes): ClaimSummary {
    const n = outcomes.reduce((s, o) => s + o.instances, 0);
    if (n > 0) return {};
    return {
      verdict: {
        status: 'inconclusive',
        reason: 'the implementation exposes no sampleUniform initialiser (optional method of sphereDynamics)',
      },
    };
  },
});
