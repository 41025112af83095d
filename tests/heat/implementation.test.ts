/** The tfjs SB attention against the float64 reference, tensor hygiene, and named errors on bad input. */
import * as tf from '@tensorflow/tfjs-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ParticleBatch, SBAttention } from '../../impl/capabilities/sb-attention.js';
import { InputError } from '../../impl/errors.js';
import { createReferenceSBAttention } from '../../impl/reference/sb-attention.js';
import { createTfjsSBAttention } from '../../impl/tfjs/sb-attention.js';
import { gaussianSource, POSTER_MIXTURE, sampleSource } from '../../properties/arbitraries/gaussians.js';
import { extent, stepErrorModel } from '../../properties/heat/common.js';
import { IEEE_FLOAT32 } from '../../properties/tolerance.js';
import { liveTensors, setupBackend } from '../helpers.js';

const tfjs = createTfjsSBAttention();
const ref = createReferenceSBAttention();

function batchOf(d: number, n: number, eps: number[], seed = 7): ParticleBatch {
  const B = eps.length;
  const x = new Float64Array(B * n * d);
  for (let b = 0; b < B; b++) {
    const src =
      d === 1 && b % 2 === 1
        ? POSTER_MIXTURE
        : gaussianSource([0.5, -1, 0].slice(0, d), [1, 2, 0.5].slice(0, d), [0.3, 0.2, 0.1]);
    x.set(sampleSource(src, n, seed + b), b * n * d);
  }
  return { B, n, d, x, eps: Float64Array.from(eps) };
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]! - b[k]!));
  return m;
}

test.before(async () => {
  await setupBackend();
});

test('tfjs step = float64 step within the analysed float32 step error (d = 1, 2, 3)', async () => {
  for (const d of [1, 2, 3]) {
    const batch = batchOf(d, 60, [0.02, 0.1, 0.2]);
    const m32 = stepErrorModel(IEEE_FLOAT32, batch.n);
    const a = await tfjs.step(batch, { tolerance: m32.tolerance(0.02), maxIterations: 300 });
    const b = await ref.step(batch, { tolerance: 1e-14, maxIterations: 1000 });
    for (let i = 0; i < batch.B; i++) {
      const { diam, xmax } = extent(batch.x.subarray(i * 60 * d, (i + 1) * 60 * d), 60, d);
      const tol = m32.stepError(batch.eps[i]!, diam, xmax);
      const err = maxDiff(a.x.subarray(i * 60 * d, (i + 1) * 60 * d), b.x.subarray(i * 60 * d, (i + 1) * 60 * d));
      assert.ok(err <= tol, `d=${d}, instance ${i}: ${err} > ${tol}`);
      assert.ok(err < 1e-4, `d=${d}: measured deviation ${err} (spec §3.3: ≈ 1e-6 per step)`);
    }
  }
});

test('tfjs plan is symmetric with marginals 1/n; iterate keeps the recorded steps; trajectories agree with float64', async () => {
  const batch = batchOf(1, 80, [0.05, 0.05]);
  const p = await tfjs.plan(batch, { tolerance: 1e-6, maxIterations: 200 });
  for (let b = 0; b < 2; b++) {
    for (let i = 0; i < 80; i++) {
      let r = 0;
      for (let j = 0; j < 80; j++) r += Math.exp(p.logPlan[(b * 80 + i) * 80 + j]!);
      assert.ok(Math.abs(80 * r - 1) < 1e-4, `row ${i}: ${80 * r}`);
    }
  }
  const opts = { tolerance: 1e-6, maxIterations: 200, steps: 6, recordEvery: 2 };
  const ta = await tfjs.iterate(batch, opts);
  const tb = await ref.iterate(batch, { ...opts, tolerance: 1e-13 });
  assert.equal(ta.recordedSteps, [0, 2, 4, 6]);
  assert.ok(
    maxDiff(ta.x, tb.x) < 1e-4,
    `trajectory deviation ${maxDiff(ta.x, tb.x)} (spec §3.3: 8e-6 after 100 steps)`,
  );
});

test('Sinkformer layer: tfjs = float64 (random W, several caps and layers); W_QᵀW_K = I = −W_V with a long cap is the SB step', async () => {
  const n = 12;
  const d = 2;
  const x = Float64Array.from({ length: 2 * n * d }, (_, k) => Math.fround(Math.sin(1.7 * k + 0.3)));
  const W = (s: number): Float64Array =>
    Float64Array.from({ length: 2 * d * d }, (_, k) => Math.fround(0.8 * Math.cos(s * k + 1)));
  const batch = { B: 2, n, d, x, WQ: W(1.3), WK: W(2.1), WV: W(0.7), eps: Float64Array.of(0.5, 0.3) };
  for (const [iterations, layers] of [
    [1, 1],
    [5, 1],
    [8, 3],
  ] as const) {
    const a = await tfjs.sinkformer(batch, { iterations, layers });
    const b = await ref.sinkformer(batch, { iterations, layers });
    assert.ok(maxDiff(a.x, b.x) < 1e-5, `cap ${iterations}, ${layers} layers: ${maxDiff(a.x, b.x)}`);
  }
  const I = Float64Array.of(1, 0, 0, 1, 1, 0, 0, 1);
  const id = { ...batch, WQ: I, WK: I, WV: I.map((v) => -v) };
  const layer = await ref.sinkformer(id, { iterations: 2000 });
  const step = await ref.step({ B: 2, n, d, x, eps: batch.eps }, { tolerance: 1e-14, maxIterations: 2000 });
  assert.ok(maxDiff(layer.x, step.x) < 1e-10, `layer vs SB step ${maxDiff(layer.x, step.x)}`);
  const layer32 = await tfjs.sinkformer(id, { iterations: 400 });
  assert.ok(maxDiff(layer32.x, step.x) < 1e-4, `tfjs layer vs SB step ${maxDiff(layer32.x, step.x)}`);
});

test('no tensor leaks across plan, step, iterate and sinkformer', async () => {
  const before = liveTensors();
  const batch = batchOf(2, 20, [0.1]);
  await tfjs.plan(batch, { tolerance: 1e-6, maxIterations: 50 });
  await tfjs.step(batch, { tolerance: 1e-6, maxIterations: 50, initLogPotential: new Float64Array(20) });
  await tfjs.iterate(batch, { tolerance: 1e-6, maxIterations: 50, steps: 3, recordEvery: 1 });
  const I = Float64Array.of(1, 0, 0, 1);
  await tfjs.sinkformer({ ...batch, WQ: I, WK: I, WV: I, eps: batch.eps }, { iterations: 3, layers: 2 });
  await createTfjsSBAttention('m', { rowOnly: true, transposePlan: true }).step(batch, {
    tolerance: 1e-6,
    maxIterations: 50,
  });
  assert.is(liveTensors(), before, `${liveTensors() - before} tensors leaked`);
  assert.is(tf.memory().numTensors, before);
});

async function expectInputError(
  sb: SBAttention,
  fn: (sb: SBAttention) => Promise<unknown>,
  argument: string,
): Promise<void> {
  try {
    await fn(sb);
  } catch (e) {
    assert.instance(e, InputError, `${sb.name}: expected InputError for '${argument}', got ${String(e)}`);
    assert.is((e as InputError).argument, argument, `${sb.name}: ${(e as Error).message}`);
    return;
  }
  assert.unreachable(`${sb.name}: no error for bad '${argument}'`);
}

test('bad input → InputError naming the argument (NaN, ±∞, ε ≤ 0, wrong shapes, empty set), both implementations', async () => {
  const good = batchOf(1, 10, [0.1]);
  const o = { tolerance: 1e-6, maxIterations: 10 };
  for (const sb of [tfjs, ref]) {
    const before = liveTensors();
    await expectInputError(sb, (s) => s.step({ ...good, x: good.x.map((v, k) => (k === 3 ? NaN : v)) }, o), 'x');
    await expectInputError(sb, (s) => s.step({ ...good, x: good.x.map((v, k) => (k === 3 ? Infinity : v)) }, o), 'x');
    await expectInputError(sb, (s) => s.step({ ...good, x: good.x.map((v, k) => (k === 0 ? -Infinity : v)) }, o), 'x');
    await expectInputError(sb, (s) => s.step({ ...good, eps: Float64Array.of(0) }, o), 'eps');
    await expectInputError(sb, (s) => s.step({ ...good, eps: Float64Array.of(-0.1) }, o), 'eps');
    await expectInputError(sb, (s) => s.step({ ...good, eps: Float64Array.of(NaN) }, o), 'eps');
    await expectInputError(sb, (s) => s.step({ ...good, x: good.x.subarray(0, 9) }, o), 'x');
    await expectInputError(sb, (s) => s.step({ ...good, n: 0, x: new Float64Array(0) }, o), 'n');
    await expectInputError(sb, (s) => s.step({ ...good, d: 0 }, o), 'd');
    await expectInputError(sb, (s) => s.step({ ...good, weights: new Float64Array(10).fill(-0.1) }, o), 'weights');
    await expectInputError(sb, (s) => s.plan(good, { tolerance: 0, maxIterations: 10 }), 'tolerance');
    await expectInputError(sb, (s) => s.iterate(good, { ...o, steps: -1 }), 'steps');
    const I = Float64Array.of(1);
    await expectInputError(
      sb,
      (s) => s.sinkformer({ ...good, WQ: I, WK: I, WV: Float64Array.of(1, 2), eps: good.eps }, { iterations: 2 }),
      'WV',
    );
    await expectInputError(
      sb,
      (s) => s.sinkformer({ ...good, WQ: I, WK: I, WV: I, eps: Float64Array.of(0) }, { iterations: 2 }),
      'eps',
    );
    await expectInputError(
      sb,
      (s) => s.sinkformer({ ...good, WQ: I, WK: I, WV: I, eps: good.eps }, { iterations: 0 }),
      'iterations',
    );
    assert.is(liveTensors(), before, `${sb.name}: tensors leaked on bad input`);
  }
});

test.run();
