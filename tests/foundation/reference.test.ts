/** The float64 reference against closed forms and peer cases (spec peers-and-tooling §1.6). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { birkhoffContraction, projectiveDiameter } from '../../impl/reference/birkhoff.js';
import { entropicPlan } from '../../impl/reference/entropic-plan.js';
import { hilbertDistance, hilbertDistanceLog } from '../../impl/reference/hilbert.js';
import { logSumExp } from '../../impl/reference/logsumexp.js';
import { sinkhornKernel, sinkhornLog } from '../../impl/reference/sinkhorn.js';

test('T1 (POT docstring): 2×2 plan at reg = 1 equals ½·[1, e⁻¹]/(1 + e⁻¹)', () => {
  const p = { n: 2, m: 2, a: [0.5, 0.5], b: [0.5, 0.5], C: [0, 1, 1, 0], eps: 1 };
  const plan = entropicPlan(p);
  const expected = [0.36552929, 0.13447071, 0.13447071, 0.36552929];
  plan.logPlan.forEach((lp, k) =>
    assert.ok(Math.abs(Math.exp(lp) - expected[k]!) < 1e-8, `entry ${k}: ${Math.exp(lp)}`),
  );
  const exact = 0.5 / (1 + Math.exp(-1));
  assert.ok(Math.abs(Math.exp(plan.logPlan[0]!) - exact) < 1e-15);
  assert.ok(plan.marginalError < 1e-13);
});

test('T19 (Franklin–Lorenz on 2×2): per-iteration Hilbert ratio of u against κ² matches the spec’s numbers', () => {
  // a = [.3,.7], b = [.6,.4], M = [[0,1],[1,0]]; spec: ε=1: κ²=0.2136, observed ratio 0.142 → 0.1335.
  // The first ratios depend on the initialisation (POT starts from u = v = 1/dim, we from v = 1), so only
  // the limiting (local) rate is compared; at ε = 0.25 the spec's 0.2879 is mid-run, the limit is 0.2851.
  for (const [eps, k2, last] of [
    [1, 0.2136, 0.1335],
    [0.5, 0.58, 0.254],
    [0.25, 0.9293, 0.2851],
  ] as const) {
    const p = { n: 2, m: 2, a: [0.3, 0.7], b: [0.6, 0.4], C: [0, 1, 1, 0], eps };
    const star = entropicPlan(p);
    const kappa = birkhoffContraction(projectiveDiameter(p.C, 2, 2, eps));
    assert.ok(Math.abs(kappa ** 2 - k2) < 1e-3, `κ² at ε=${eps}: ${kappa ** 2}`);
    const t = sinkhornLog(p, 12);
    const d = (l: number): number => hilbertDistanceLog(t.logU.subarray(2 * l, 2 * l + 2), star.logU);
    const ratios = [...Array(10).keys()].map((l) => d(l + 2) / d(l + 1));
    assert.ok(
      ratios.every((r) => r <= k2 + 1e-9),
      `ε=${eps}: a ratio exceeds κ²`,
    );
    assert.ok(Math.abs(ratios.at(-1)! - last) < 1e-3, `ε=${eps}: late ratio ${ratios.at(-1)} vs ${last}`);
  }
});

test('Hilbert metric: scale invariance, support rule, agreement of the two entry points', () => {
  const x = [1, 2, 3];
  const y = [3, 1, 2];
  const d = hilbertDistance(x, y);
  assert.ok(Math.abs(d - Math.log(6)) < 1e-15); // log(x/y) = [log ⅓, log 2, log 1.5]
  assert.ok(
    Math.abs(
      hilbertDistance(
        x.map((v) => 7 * v),
        y.map((v) => 0.1 * v),
      ) - d,
    ) < 1e-14,
  );
  assert.is(hilbertDistanceLog([-Infinity, 0], [-Infinity, 1]), 0);
  assert.is(hilbertDistanceLog([-Infinity, 0], [0, 1]), Infinity);
  assert.ok(Number.isNaN(hilbertDistanceLog([NaN, 0], [0, 1])));
});

test('log-sum-exp guards an all −∞ slice and is accurate', () => {
  assert.is(logSumExp([-Infinity, -Infinity], 0, 2), -Infinity);
  assert.ok(Math.abs(logSumExp([1000, 1000], 0, 2) - (1000 + Math.LN2)) < 1e-12);
  // compensated summation: 1 + 10⁴·10⁻¹⁶ — a plain sum loses every small term (result 0, error 1e-12); Neumaier
  // keeps them, leaving the absolute error of log near 1 (≤ 2u = 4.4e-16)
  const x = [0, ...new Array<number>(10_000).fill(Math.log(1e-16))];
  assert.ok(
    Math.abs(logSumExp(x, 0, x.length) - Math.log1p(1e-12)) < 4.4e-16,
    `compensated LSE ${logSumExp(x, 0, x.length)}`,
  );
  // offset and stride select the slice
  assert.ok(Math.abs(logSumExp([9, 0, 9, 0, 9], 1, 2, 2) - Math.LN2) < 1e-15);
  assert.is(logSumExp([Infinity, 0], 0, 2), Infinity);
});

test('kernel and log domain agree in float64 where the kernel does not underflow', () => {
  const p = {
    n: 3,
    m: 4,
    a: [0.2, 0.3, 0.5],
    b: [0.25, 0.25, 0.25, 0.25],
    C: [0.1, 0.9, 0.4, 0.3, 0.5, 0.2, 0.8, 0.6, 0.7, 0.3, 0.1, 0.2],
    eps: 0.2,
  };
  const l = sinkhornLog(p, 30);
  const k = sinkhornKernel(p, 30);
  for (let q = 0; q < l.logV.length; q++) assert.ok(Math.abs(l.logV[q]! - k.logV[q]!) < 1e-12);
});

test('exact plan reaches marginal error < 1e-13 for moderate problems', () => {
  const n = 16;
  const C = Array.from({ length: n * n }, (_, k) => ((k * 7919) % 101) / 100);
  const a = Array(n).fill(1 / n);
  const plan = entropicPlan({ n, m: n, a, b: a, C, eps: 0.1 });
  assert.ok(plan.marginalError < 1e-13, `marginal error ${plan.marginalError}`);
});

test.run();
