/** The tfjs Sinkhorn against the float64 reference, the POT peer fixture, and its edge cases. */
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { SinkhornBatch } from '../../impl/capabilities/sinkhorn.js';
import { NumericalError } from '../../impl/errors.js';
import { birkhoffContraction, projectiveDiameter } from '../../impl/reference/birkhoff.js';
import { entropicPlan } from '../../impl/reference/entropic-plan.js';
import { createReferenceSinkhorn } from '../../impl/reference/sinkhorn-solver.js';
import { logPlanFrom, sinkhornLog } from '../../impl/reference/sinkhorn.js';
import { safeLogSumExp } from '../../impl/tfjs/logsumexp.js';
import { createTfjsSinkhorn } from '../../impl/tfjs/sinkhorn.js';
import { halfStepNoise } from '../../properties/sinkhorn/common.js';
import { perturbedContraction, unitRoundoff } from '../../properties/tolerance.js';
import { setupBackend } from '../helpers.js';

const tfjs = createTfjsSinkhorn();

function single(n: number, m: number, a: number[], b: number[], C: number[], eps: number): SinkhornBatch {
  return {
    B: 1,
    n,
    m,
    a: Float64Array.from(a),
    b: Float64Array.from(b),
    C: Float64Array.from(C),
    eps: Float64Array.of(eps),
  };
}

interface PotProblem {
  family: string;
  n: number;
  m: number;
  eps: number;
  a: number[];
  b: number[];
  C: number[];
  plan: number[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/pot-sinkhorn.json', import.meta.url), 'utf8')) as {
  pot: string;
  problems: PotProblem[];
};

test.before(async () => {
  await setupBackend();
});

test('T1: tfjs plan equals POT’s doctested 2×2 plan to float32 accuracy (both domains)', async () => {
  const batch = single(2, 2, [0.5, 0.5], [0.5, 0.5], [0, 1, 1, 0], 1);
  for (const domain of ['log', 'kernel'] as const) {
    const t = await tfjs.solve(batch, { iterations: 50, domain });
    const expected = [0.36552929, 0.13447071, 0.13447071, 0.36552929];
    // 50 iterations converge to 1e-30 here (κ² = 0.21); the float32 entries carry ≤ ~10 ulp
    t.logPlan.forEach((lp, k) =>
      assert.ok(Math.abs(Math.exp(lp) - expected[k]!) < 2e-7, `${domain} entry ${k}: ${Math.exp(lp)}`),
    );
  }
});

test('POT 0.8.2 fixture: float64 reference matches POT to 1e-10; tfjs matches within its float32 bound', async () => {
  let worstRef = 0;
  let worstTfjs = 0;
  for (const p of fixture.problems) {
    const prob = { n: p.n, m: p.m, a: p.a, b: p.b, C: p.C, eps: p.eps };
    const star = entropicPlan(prob);
    for (let k = 0; k < p.n * p.m; k++)
      worstRef = Math.max(worstRef, Math.abs(Math.exp(star.logPlan[k]!) - p.plan[k]!));
    // tfjs after L iterations: deviation ≤ (float32 perturbed-contraction bound) + (float64 Sinkhorn at L vs POT, measured)
    const L = Math.min(400, star.iterations);
    const batch = single(p.n, p.m, p.a, p.b, p.C, p.eps);
    const t = await tfjs.solve(batch, { iterations: L, domain: 'log' });
    const ref = sinkhornLog(prob, L);
    const refPlan = logPlanFrom(prob, ref.logU, L * p.n, ref.logV, L * p.m);
    const kappa = birkhoffContraction(projectiveDiameter(p.C, p.n, p.m, p.eps));
    const delta = halfStepNoise(tfjs, batch, 0, [t.logU.subarray(p.n), t.logV.subarray(p.m)]);
    const logBound =
      2 * perturbedContraction(kappa ** 2, L, 0, 2 * delta * (1 + kappa)) + delta + 3 * unitRoundoff('float32') * 40;
    let gapRefPot = 0;
    let dev = 0;
    for (let k = 0; k < p.n * p.m; k++) {
      gapRefPot = Math.max(gapRefPot, Math.abs(Math.exp(refPlan[k]!) - p.plan[k]!));
      dev = Math.max(dev, Math.abs(Math.exp(t.logPlan[k]!) - p.plan[k]!));
    }
    const maxP = Math.max(...p.plan);
    assert.ok(
      dev <= maxP * Math.expm1(logBound) + gapRefPot + 1e-12,
      `${p.family} n=${p.n} m=${p.m} ε=${p.eps}: |P−P_POT| = ${dev} > bound`,
    );
    worstTfjs = Math.max(worstTfjs, dev);
  }
  assert.ok(worstRef < 1e-10, `reference vs POT: ${worstRef}`);
  console.log(
    `    POT ${fixture.pot}: ${fixture.problems.length} problems, max |P_ref − P_POT| = ${worstRef.toExponential(2)}, max |P_tfjs − P_POT| = ${worstTfjs.toExponential(2)}`,
  );
});

test('batched solve equals per-instance solves; recorded iterates have shape [B, L+1, ·]', async () => {
  const n = 5;
  const m = 3;
  const B = 4;
  const C = Float64Array.from({ length: B * n * m }, (_, k) => Math.fround(((k * 37) % 17) / 17));
  const a = new Float64Array(B * n).fill(Math.fround(1 / n));
  const b = new Float64Array(B * m).fill(Math.fround(1 / m));
  const eps = Float64Array.from([0.1, 0.3, 1, 2].map(Math.fround));
  const batch = { B, n, m, a, b, C, eps };
  const t = await tfjs.solve(batch, { iterations: 7, domain: 'log', record: true });
  assert.is(t.stored, 8);
  assert.is(t.logU.length, B * 8 * n);
  assert.is(t.logV.length, B * 8 * m);
  const ref = await createReferenceSinkhorn().solve(batch, { iterations: 7, domain: 'log', record: true });
  for (let k = 0; k < t.logV.length; k++) assert.ok(Math.abs(t.logV[k]! - ref.logV[k]!) < 1e-4, `logV[${k}]`);
});

test('zero weights: −∞ scalings on the zero entries, finite elsewhere, no NaN (the −∞ guard)', async () => {
  const batch = single(3, 3, [0.5, 0, 0.5], [0.25, 0.75, 0], [0, 1, 2, 1, 0, 1, 2, 1, 0], 0.5);
  for (const domain of ['log', 'kernel'] as const) {
    const t = await tfjs.solve(batch, { iterations: 30, domain });
    assert.is(t.logU[3 + 1], -Infinity, `${domain}: log u_1`);
    assert.is(t.logV[3 + 2], -Infinity, `${domain}: log v_2`);
    assert.ok(
      t.logPlan.every((v) => !Number.isNaN(v)),
      `${domain}: NaN in the plan`,
    );
    const star = entropicPlan({
      n: 3,
      m: 3,
      a: [0.5, 0, 0.5],
      b: [0.25, 0.75, 0],
      C: [0, 1, 2, 1, 0, 1, 2, 1, 0],
      eps: 0.5,
    });
    for (let k = 0; k < 9; k++)
      assert.ok(Math.abs(Math.exp(t.logPlan[k]!) - Math.exp(star.logPlan[k]!)) < 1e-5, `${domain}: entry ${k}`);
  }
});

test('kernel domain: a zero-weight column whose kernel column sum underflows in float32 stays 0, not 0/0', async () => {
  // a shrunk counterexample of sinkhorn.plan-matches-reference: (Kᵀu)_j ≈ e^{−120} underflows to 0 at the
  // zero-weight columns while every scaling and every positive-weight marginal sum is a normal float32
  const C = [69.9, 72.2, -54.8, 62.8, 69.4, -57.4, 66.4, 68.5, -54.7, 73.7, 63.5, 74.4, 74.2, 61.2, 64.5, -48.6];
  const batch = single(4, 4, [0, 3.685, 5.865, 0.575], [0, 5.136, 0, 4.989], C, 1);
  const t = await tfjs.solve(batch, { iterations: 39, domain: 'kernel' });
  assert.is(t.logV[4 + 2], -Infinity, 'log v at a zero-weight column');
  assert.ok(
    t.logPlan.every((v) => !Number.isNaN(v)),
    'NaN in the plan',
  );
});

test('safeLogSumExp gives −∞ (not NaN) on an all −∞ slice', () => {
  const x = tf.tensor2d([
    [-Infinity, -Infinity],
    [0, Math.log(3)],
  ]);
  const y = safeLogSumExp(x, 1);
  const v = y.dataSync();
  assert.is(v[0], -Infinity);
  assert.ok(Math.abs(v[1]! - Math.log(4)) < 1e-6);
  tf.dispose([x, y]);
});

test('kernel domain reports underflow as a NumericalError naming the fix (T4-style small ε)', async () => {
  // every entry of K = exp(−C/ε) is below e^{−120}: zero in float32, so K·v = 0 and u = a ⊘ Kv = ∞
  const batch = single(2, 2, [0.5, 0.5], [0.5, 0.5], [60, 99, 99, 60], 0.5);
  try {
    await tfjs.solve(batch, { iterations: 5, domain: 'kernel' });
    assert.unreachable('kernel mode should fail');
  } catch (e) {
    assert.instance(e, NumericalError);
    assert.match((e as Error).message, /use domain 'log'/);
  }
  const ok = await tfjs.solve(batch, { iterations: 5, domain: 'log' });
  assert.ok(ok.logPlan.every((v) => Number.isFinite(v)));
});

test('no tensors leak from a solve', async () => {
  const before = tf.memory().numTensors;
  await tfjs.solve(single(3, 4, [0.2, 0.3, 0.5], [0.25, 0.25, 0.25, 0.25], new Array<number>(12).fill(0.5), 0.2), {
    iterations: 10,
    domain: 'log',
    record: true,
  });
  await tfjs.solve(single(3, 4, [0.2, 0.3, 0.5], [0.25, 0.25, 0.25, 0.25], new Array<number>(12).fill(0.5), 0.2), {
    iterations: 10,
    domain: 'kernel',
  });
  assert.is(tf.memory().numTensors, before);
});

test.run();
