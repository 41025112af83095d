/** The optimised tfjs Sinkhorn: every domain against the float64 reference, zero weights, small ε, no leaks. */
import * as tf from '@tensorflow/tfjs-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { SinkhornBatch, SinkhornDomain } from '../../impl/capabilities/sinkhorn.js';
import { InputError } from '../../impl/errors.js';
import { logPlanFrom, sinkhornLog } from '../../impl/reference/sinkhorn.js';
import { lastAxisLogSumExp, safeLogSumExp } from '../../impl/tfjs/logsumexp.js';
import { createTfjsSinkhorn } from '../../impl/tfjs/sinkhorn.js';
import { maxLogPlanDeviation } from '../../properties/sinkhorn/common.js';
import { oracleProblem } from '../../properties/sinkhorn/common.js';
import { setupBackend } from '../helpers.js';

const solver = createTfjsSinkhorn();

function problem(
  B: number,
  n: number,
  m: number,
  eps: number,
  seed: number,
  zeroA: number[] = [],
  zeroB: number[] = [],
): SinkhornBatch {
  let s = seed;
  const r = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const C = Float64Array.from({ length: B * n * m }, () => Math.fround(r()));
  const w = (len: number, zeros: number[]): Float64Array => {
    const x = Float64Array.from({ length: len }, (_, k) => (zeros.includes(k % (len / B)) ? 0 : 0.5 + r()));
    for (let b = 0; b < B; b++) {
      const seg = x.subarray(b * (len / B), (b + 1) * (len / B));
      const sum = seg.reduce((p, q) => p + q, 0);
      seg.forEach((v, k) => (seg[k] = v / sum));
    }
    return x;
  };
  return { B, n, m, a: w(B * n, zeroA), b: w(B * m, zeroB), C, eps: new Float64Array(B).fill(eps) };
}

/** Max over instances of the deviation of the tfjs log-plan from the float64 reference after L iterations. */
async function deviation(
  batch: SinkhornBatch,
  L: number,
  domain: SinkhornDomain,
): Promise<{ dev: number; absorptions?: number }> {
  const t = await solver.solve(batch, { iterations: L, domain });
  let dev = 0;
  const nm = batch.n * batch.m;
  for (let i = 0; i < batch.B; i++) {
    const p = oracleProblem(batch, i);
    const ref = sinkhornLog({ ...p, b: batch.b.subarray(i * batch.m, (i + 1) * batch.m) }, L);
    const refPlan = logPlanFrom(p, ref.logU, L * batch.n, ref.logV, L * batch.m);
    dev = Math.max(dev, maxLogPlanDeviation(t.logPlan.subarray(i * nm, (i + 1) * nm), refPlan));
  }
  return { dev, absorptions: t.absorptions };
}

test.before(async () => {
  await setupBackend();
});

test('fused softmax log-sum-exp equals the guarded op chain (with −∞ entries)', () => {
  const x = tf.tensor3d([
    [
      [0, -1, -Infinity, 3],
      [-50, -60, -70, -80],
    ],
    [
      [100, 99, 98, 97],
      [-Infinity, 1, -Infinity, 2],
    ],
  ]);
  const a = lastAxisLogSumExp(x).arraySync() as number[][];
  const b = safeLogSumExp(x, 2).arraySync() as number[][];
  a.flat().forEach((v, k) =>
    assert.ok(Math.abs(v - b.flat()[k]!) < 1e-5 * Math.max(1, Math.abs(v)), `${v} vs ${b.flat()[k]}`),
  );
  x.dispose();
});

test('all three domains match the float64 reference (ε = 0.1, rectangular, batched)', async () => {
  const batch = problem(3, 7, 5, 0.1, 1);
  for (const domain of ['log', 'kernel', 'stabilized'] as const) {
    const { dev } = await deviation(batch, 25, domain);
    // C/ε ≤ 10: each half-step carries ~u·(3·10 + 7) ≈ 2e-6; the contraction keeps the sum below 1e-4
    assert.ok(dev < 1e-4, `${domain}: ${dev}`);
  }
});

test('zero weights: −∞ rows/columns of the plan in every domain, finite elsewhere', async () => {
  const batch = problem(2, 6, 5, 0.2, 2, [1, 4], [0]);
  for (const domain of ['log', 'kernel', 'stabilized'] as const) {
    const { dev } = await deviation(batch, 20, domain);
    assert.ok(dev < 1e-4, `${domain}: ${dev}`);
    const t = await solver.solve(batch, { iterations: 20, domain });
    for (let b = 0; b < 2; b++)
      for (let i = 0; i < 6; i++)
        for (let j = 0; j < 5; j++) {
          const v = t.logPlan[(b * 6 + i) * 5 + j]!;
          const zero = i === 1 || i === 4 || j === 0;
          assert.ok(zero ? v === -Infinity : Number.isFinite(v), `${domain} [${b},${i},${j}] = ${v}`);
        }
  }
});

test('small ε (C/ε up to 1000): kernel fails loudly, stabilised absorbs and matches the log domain', async () => {
  const batch = problem(2, 8, 8, 0.001, 3);
  try {
    await solver.solve(batch, { iterations: 10, domain: 'kernel' });
    assert.unreachable('kernel domain should under/overflow');
  } catch (e) {
    assert.match(String(e), /use domain 'log' or 'stabilized'/);
  }
  const log = await deviation(batch, 30, 'log');
  const stab = await deviation(batch, 30, 'stabilized');
  assert.ok(stab.absorptions! > 0, 'no absorption happened');
  // magnitudes |log u|, |log v|, C/ε reach ~1000: δ ≈ u·(3·2000) ≈ 4e-4 per half-step
  assert.ok(log.dev < 0.05 && stab.dev < 0.05, `log ${log.dev}, stabilised ${stab.dev}`);
});

test('negative costs (kernel exp overflows at the start): the stabilised domain recovers', async () => {
  const base = problem(1, 5, 5, 0.01, 4);
  const batch = { ...base, C: base.C.map((c) => Math.fround(c - 1.5)) };
  const { dev, absorptions } = await deviation(batch, 15, 'stabilized');
  assert.ok(absorptions! >= 1);
  assert.ok(dev < 0.05, `${dev}`);
});

test('recorded iterates agree across log and stabilised domains; no tensor leaks in any domain', async () => {
  const batch = problem(2, 5, 4, 0.05, 5);
  const before = tf.memory().numTensors;
  const a = await solver.solve(batch, { iterations: 6, domain: 'log', record: true });
  const b = await solver.solve(batch, { iterations: 6, domain: 'stabilized', record: true });
  await solver.solve(batch, { iterations: 6, domain: 'kernel', record: true });
  await solver.solve(problem(2, 8, 8, 0.001, 3), { iterations: 6, domain: 'stabilized' });
  await solver.solve(batch, { iterations: 6, domain: 'stabilized', initLogV: new Float64Array(8).fill(0.3) });
  assert.is(tf.memory().numTensors, before, 'tensors leaked');
  assert.is(a.stored, 7);
  assert.is(b.stored, 7);
  // the Hilbert metric is blind to constants: compare log u up to a per-iterate shift
  for (let s = 1; s < 7; s++)
    for (let inst = 0; inst < 2; inst++) {
      const off = (inst * 7 + s) * 5;
      const d = Array.from({ length: 5 }, (_, k) => a.logU[off + k]! - b.logU[off + k]!);
      assert.ok(Math.max(...d) - Math.min(...d) < 1e-3, `iterate ${s}: ${d.join(',')}`);
    }
});

test('stabilised: the windowed range check (one read per window) gives the per-iteration iterates exactly', async () => {
  // record: true checks the range after every iteration; record: false speculates over windows and replays a
  // window iteration by iteration when a scaling left range: same absorptions, bit-identical final potentials
  for (const [batch, L] of [
    [problem(3, 8, 8, 0.001, 3), 40],
    [problem(2, 6, 5, 0.05, 7), 37],
  ] as const) {
    const before = tf.memory().numTensors;
    const checked = await solver.solve(batch, { iterations: L, domain: 'stabilized', record: true });
    const windowed = await solver.solve(batch, { iterations: L, domain: 'stabilized' });
    assert.is(tf.memory().numTensors, before, 'tensors leaked');
    assert.is(windowed.absorptions, checked.absorptions);
    if (batch.eps[0] === 0.001) assert.ok(checked.absorptions! > 0, 'the small-ε problem should absorb');
    const last = (t: typeof checked, len: number, inst: number): number[] =>
      Array.from(t.logU.subarray((inst * t.stored + t.stored - 1) * len, (inst * t.stored + t.stored) * len));
    for (let inst = 0; inst < batch.B; inst++)
      assert.equal(last(windowed, batch.n, inst), last(checked, batch.n, inst));
    assert.equal(Array.from(windowed.logPlan), Array.from(checked.logPlan));
  }
});

test('an unknown domain names the accepted ones', async () => {
  try {
    await solver.solve(problem(1, 2, 2, 1, 6), { iterations: 1, domain: 'fourier' as never });
    assert.unreachable();
  } catch (e) {
    assert.instance(e, InputError);
    assert.match((e as Error).message, /'log', 'kernel', 'stabilized'/);
  }
});

test.run();
