/** Statistics and checkers against known values (so a planted bug in them cannot hide a failing claim). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { birkhoffContraction, projectiveDiameter } from '../../impl/reference/birkhoff.js';
import { maxAbsDiff, maxAbsFinite } from '../../impl/reference/numeric.js';
import { measure } from '../../properties/measure.js';
import { aggregateCoverage, aggregateMeasurements } from '../../properties/runner/aggregate.js';
import { clopperPearson, linearFit, quantile, studentTQuantile } from '../../properties/statistics.js';
import {
  accuracyOf,
  halfStepError,
  IEEE_FLOAT32,
  IEEE_FLOAT64,
  logSumExpError,
  perturbedContraction,
  unitRoundoff,
  WGSL_FLOAT32,
} from '../../properties/tolerance.js';

const close = (x: number, y: number, tol: number, what: string): void =>
  assert.ok(Math.abs(x - y) <= tol, `${what}: ${x} vs ${y}`);

test('measure(): the three relations, the tolerance, and NaN always failing', () => {
  assert.ok(measure(0, 'q', 1, '<=', 1, 0).pass);
  assert.not.ok(measure(0, 'q', 1.1, '<=', 1, 0.05).pass);
  assert.ok(measure(0, 'q', 1.04, '<=', 1, 0.05).pass);
  assert.ok(measure(0, 'q', 0.96, '>=', 1, 0.05).pass);
  assert.not.ok(measure(0, 'q', 0.9, '>=', 1, 0.05).pass);
  assert.ok(measure(0, 'q', 1.04, '==', 1, 0.05).pass);
  assert.not.ok(measure(0, 'q', 0.9, '==', 1, 0.05).pass);
  // values that tell the relations apart (a mutated branch or relation literal changes these verdicts)
  assert.ok(measure(0, 'q', 0.5, '<=', 1, 0).pass, '0.5 ≤ 1');
  assert.not.ok(measure(0, 'q', 0.5, '==', 1, 0).pass, '0.5 == 1');
  assert.ok(measure(0, 'q', 5, '>=', 1, 0).pass, '5 ≥ 1');
  assert.not.ok(measure(0, 'q', 5, '<=', 1, 0).pass, '5 ≤ 1');
  assert.not.ok(measure(0, 'q', 0.5, '>=', 1, 0).pass, '0.5 ≥ 1');
  // boundaries in exactly representable numbers
  assert.ok(measure(0, 'q', 1.5, '==', 1, 0.5).pass, '|1.5 − 1| ≤ 0.5 (boundary included)');
  assert.ok(measure(0, 'q', 1.5, '<=', 1, 0.5).pass, '1.5 ≤ 1 + 0.5 (boundary included)');
  assert.ok(measure(0, 'q', 0.5, '>=', 1, 0.5).pass, '0.5 ≥ 1 − 0.5 (boundary included)');
  assert.not.ok(measure(0, 'q', 1.75, '==', 1, 0.5).pass, '|1.75 − 1| > 0.5');
  const m = measure(3, 'name', 2, '<=', 4, 0.5);
  assert.equal(m, { instance: 3, quantity: 'name', measured: 2, relation: '<=', bound: 4, tolerance: 0.5, pass: true });
  for (const r of ['<=', '>=', '=='] as const) {
    assert.not.ok(measure(0, 'q', NaN, r, 1, 1).pass, `NaN measured, ${r}`);
    assert.not.ok(measure(0, 'q', 1, r, NaN, 1).pass, `NaN bound, ${r}`);
  }
});

test('checkers: max |x − y| (NaN propagates, offsets), max |x| over finite entries, ∞ == ∞', () => {
  assert.is(maxAbsDiff([1, 5, 2], [1, 2, 4]), 3);
  assert.is(maxAbsDiff([9, 1, 5], [9, 0, 2, 7], 2, 1, 1), 3);
  assert.ok(Number.isNaN(maxAbsDiff([1, NaN], [1, 2])));
  assert.is(maxAbsDiff([], []), 0);
  assert.is(maxAbsFinite([-3, 2, -Infinity]), 3);
  assert.ok(Number.isNaN(maxAbsFinite([-3, 2, -Infinity, NaN])));
  assert.is(maxAbsFinite([7, -1], [4, -Infinity]), 7);
  assert.ok(measure(0, 'q', Infinity, '==', Infinity, 0).pass, '∞ == ∞');
  assert.not.ok(measure(0, 'q', Infinity, '==', 1, 1e300).pass, '∞ ≠ 1');
});

test('Clopper–Pearson intervals match published values', () => {
  // R: binom.test(0, 10)$conf.int = [0, 0.3084971]; binom.test(7, 10) = [0.3475471, 0.9332605]
  const [l0, u0] = clopperPearson(0, 10, 0.95);
  close(l0, 0, 1e-12, 'lower 0/10');
  close(u0, 0.3084971, 1e-6, 'upper 0/10');
  const [l7, u7] = clopperPearson(7, 10, 0.95);
  close(l7, 0.3475471, 1e-6, 'lower 7/10');
  close(u7, 0.9332605, 1e-6, 'upper 7/10');
  const [l, u] = clopperPearson(256, 256, 0.999);
  close(u, 1, 0, 'upper n/n');
  close(l, Math.pow(0.0005, 1 / 256), 1e-9, 'lower n/n = (α/2)^{1/n}');
});

test('t quantiles and OLS slopes with intervals', () => {
  close(studentTQuantile(0.975, 10), 2.228139, 1e-5, 't(0.975, 10)');
  close(studentTQuantile(0.975, 2), 4.302653, 1e-5, 't(0.975, 2)');
  const fit = linearFit([1, 2, 3, 4], [2, 4.1, 5.9, 8.2]);
  close(fit.slope, 2.04, 1e-12, 'slope'); // Sxy = 10.2, Sxx = 5
  close(fit.intercept, -0.05, 1e-12, 'intercept');
  // residuals 0.01, 0.07, −0.17, 0.09 → SSE = 0.042, se = sqrt(SSE/(n−2)/Sxx)
  close(fit.slopeSE, Math.sqrt(0.042 / 2 / 5), 1e-12, 'slope SE');
  close(fit.ci95[1] - fit.slope, 4.302653 * fit.slopeSE, 1e-5, 'CI half width');
  close(quantile([5, 1, 3, 2, 4], 0.5), 3, 0, 'median');
  close(quantile([1, 2], 0.25), 1.25, 1e-15, 'interpolated quantile');
});

test('Birkhoff: the separable diameter equals the four-index brute force; κ = tanh(Δ/4)', () => {
  let seed = 1;
  const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let trial = 0; trial < 20; trial++) {
    const n = 2 + (trial % 4);
    const m = 2 + ((trial * 3) % 5);
    const C = Array.from({ length: n * m }, rand);
    let brute = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        for (let k = 0; k < m; k++)
          for (let l = 0; l < m; l++) {
            brute = Math.max(brute, C[j * m + k]! + C[i * m + l]! - C[i * m + k]! - C[j * m + l]!);
          }
    close(projectiveDiameter(C, n, m, 0.3), brute / 0.3, 1e-12, `trial ${trial}`);
  }
  // η = e^Δ, κ = (√η − 1)/(√η + 1)
  const delta = 2.7;
  close(birkhoffContraction(delta), (Math.exp(delta / 2) - 1) / (Math.exp(delta / 2) + 1), 1e-15, 'κ');
});

test('tolerances: unit roundoff, LSE and perturbed-contraction formulas', () => {
  assert.is(unitRoundoff('float32'), 2 ** -24);
  assert.is(unitRoundoff('float64'), 2 ** -53);
  const u = 2 ** -24;
  close(logSumExpError(IEEE_FLOAT32, 10, 4) / u, 30 + 4 + Math.log(4) + 2, 1e-12, 'LSE error');
  close(halfStepError(IEEE_FLOAT32, 10, 4, 3) / u, 30 + 4 + Math.log(4) + 2 + 4, 1e-12, 'half-step error');
  // WGSL: ops 1 ulp = 2u; exp sum (3 + 2·min(20, 3/e)) ulp; log of S ∈ [1, 4] max(2⁻²¹, 3 ulp·log 4); division 2.5 ulp
  const ulp = 2 * u;
  const wgslLse = ulp * (30 + 3 + 2) + ulp * (3 + (2 * 3) / Math.E) + Math.max(2 ** -21, 3 * ulp * Math.log(4));
  close(logSumExpError(WGSL_FLOAT32, 10, 4), wgslLse, 1e-12, 'WGSL LSE error');
  close(halfStepError(WGSL_FLOAT32, 10, 4, 3), wgslLse + 4 * ulp + 1.5 * ulp, 1e-12, 'WGSL half-step error');
  assert.ok(logSumExpError(WGSL_FLOAT32, 10, 4) > logSumExpError(IEEE_FLOAT32, 10, 4), 'WGSL is looser than IEEE');
  assert.is(accuracyOf({ precision: 'float32' }), IEEE_FLOAT32);
  assert.is(accuracyOf({ precision: 'float32', arithmetic: 'wgsl' }), WGSL_FLOAT32);
  assert.is(accuracyOf({ precision: 'float64', arithmetic: 'wgsl' }), IEEE_FLOAT64);
  assert.is(WGSL_FLOAT32.log(0.5, 2), 2 ** -21);
  close(WGSL_FLOAT32.exp(4), 11 * ulp, 1e-15, 'exp 3 + 2|x| ulp');
  close(perturbedContraction(0.5, 3, 8, 1), 0.125 * 8 + (1 - 0.125) / 0.5, 1e-12, 'geometric');
  close(perturbedContraction(1, 3, 8, 1), 8 + 3, 1e-12, 'ρ = 1 reads the sum as ℓ');
});

test('aggregation: quantities, ratios, margins, coverage bins', () => {
  const outcomes = [
    {
      instances: 2,
      measurements: [measure(0, 'q', 0.5, '<=', 1, 0.05), measure(1, 'q', 1.2, '<=', 1, 0.05)],
      coverage: [
        { n: 3, family: 'x' },
        { n: 20, family: 'y' },
      ],
    },
  ];
  const [q] = aggregateMeasurements(outcomes);
  assert.is(q!.count, 2);
  assert.is(q!.failures, 1);
  close(q!.ratio!.max, 1.2, 1e-15, 'max ratio');
  assert.is(q!.ratioCount, 2);
  const [noisy] = aggregateMeasurements([
    { instances: 1, measurements: [measure(0, 'q', 3e-7, '<=', 1e-7, 1e-6)], coverage: [{}] },
  ]);
  assert.is(noisy!.ratio, undefined, 'a bound below 10× the tolerance gives no ratio');
  close(q!.worstMargin, -0.15, 1e-12, 'worst margin');
  const cov = aggregateCoverage(outcomes, { n: [2, 4, 16, 65] });
  assert.equal(cov['n'], [
    { label: '[2, 4)', count: 1 },
    { label: '[16, 65)', count: 1 },
  ]);
  assert.equal(cov['family'], [
    { label: 'x', count: 1 },
    { label: 'y', count: 1 },
  ]);
});

test.run();
