/** The OT transformer: tfjs against the float64 reference, token level against the closed form, hygiene. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { OTTransformerBatch } from '../../impl/capabilities/ot-transformer.js';
import { InputError } from '../../impl/errors.js';
import { costOf, tokenLayout } from '../../impl/ot-transformer-prompt.js';
import {
  createReferenceOTTransformer,
  dualGradientStep,
  sinkPotentialLimit,
} from '../../impl/reference/ot-transformer.js';
import { createTfjsOTTransformer } from '../../impl/tfjs/ot-transformer.js';
import { liveTensors, setupBackend } from '../helpers.js';

/** A small fixed batch: B instances, n points in R^d, float32-exact data. */
function fixture(B: number, n: number, d: number, lambda = 0.2, gamma = 0.08): OTTransformerBatch {
  const r = (k: number): number => Math.fround(((k * 7919) % 997) / 997);
  return {
    B,
    n,
    d,
    x: Float64Array.from({ length: B * n * d }, (_, k) => r(k) / Math.sqrt(d)),
    y: Float64Array.from({ length: B * n * d }, (_, k) => r(k + 5000) / Math.sqrt(d)),
    lambda: new Float64Array(B).fill(Math.fround(lambda)),
    gamma: new Float64Array(B).fill(Math.fround(gamma)),
    u0: Float64Array.from({ length: B * n }, (_, k) => Math.fround(r(k + 9000) - 0.5)),
    v0: Float64Array.from({ length: B * n }, (_, k) => Math.fround(r(k + 9500) - 0.5)),
  };
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.is(a.length, b.length);
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]! - b[k]!));
  return m;
}

test('tfjs matches the float64 token-level reference on both logit routes (d = 1 and d = 3, per-instance λ)', async () => {
  await setupBackend();
  for (const route of ['direct', 'rank-one'] as const) {
    for (const [n, d, lambda] of [
      [6, 1, [0.1, 0.2, 0.5]],
      [9, 3, [0.1, 0.2, 0.5]],
      [7, 2, [0.2, 0.2, 0.2]],
    ] as const) {
      const batch = {
        ...fixture(3, n, d),
        lambda: Float64Array.from(lambda, Math.fround),
        gamma: Float64Array.of(0.05, 0.1, 0.2).map(Math.fround),
      };
      const opts = { layers: 50, record: [0, 1, 10, 50], potentials: 'all' as const, tokens: true };
      const [t, r] = await Promise.all([
        createTfjsOTTransformer('tfjs', { logitsRoute: route }).forward(batch, opts),
        createReferenceOTTransformer().forward(batch, opts),
      ]);
      const at = `${route}, n = ${n}, d = ${d}`;
      // one-layer float32 error ≲ 1e-6 per layer (P1 analysis) accumulates at most linearly over 50 layers
      assert.ok(maxDiff(t.u, r.u) < 5e-5, `${at}: u ${maxDiff(t.u, r.u)}`);
      assert.ok(maxDiff(t.v, r.v) < 5e-5, `${at}: v ${maxDiff(t.v, r.v)}`);
      assert.ok(maxDiff(t.sinkU, r.sinkU) < 5e-5, at);
      assert.ok(maxDiff(t.tokens!, r.tokens!) < 5e-5, `${at}: tokens ${maxDiff(t.tokens!, r.tokens!)}`);
      assert.ok(maxDiff(t.readout, r.readout) < 1e-4, `${at}: readout ${maxDiff(t.readout, r.readout)}`);
      assert.ok(maxDiff(t.sorted, r.sorted) < 1e-4, at);
      assert.ok(
        maxDiff(t.planLogits, r.planLogits) < 1e-3 * 10,
        `${at}: logits ${maxDiff(t.planLogits, r.planLogits)}`,
      );
      assert.equal(t.recorded, [0, 1, 10, 50]);
      assert.is(t.potentialLayers.length, 51);
    }
  }
});

test('token-level float64 layer equals the closed-form dual step over 200 layers (spec §2: 3e-16)', async () => {
  const batch = fixture(2, 6, 1, 0.1, 0.05);
  const opts = { layers: 200, potentials: 'all' as const, record: [200] };
  const token = await createReferenceOTTransformer().forward(batch, opts);
  const closed = await createReferenceOTTransformer('cf', { mode: 'closed-form' }).forward(batch, opts);
  assert.ok(maxDiff(token.u, closed.u) < 1e-13, `${maxDiff(token.u, closed.u)}`);
  assert.ok(maxDiff(token.sinkV, closed.sinkV) < 1e-13);
  // one step by hand from the prompt
  const s = dualGradientStep(
    { u: batch.u0!.slice(0, 6), v: batch.v0!.slice(0, 6), sinkU: 0, sinkV: 0 },
    costOf(batch, 0),
    6,
    batch.lambda[0]!,
    batch.gamma[0]!,
  );
  assert.ok(maxDiff(s.u, token.u.subarray(6, 12)) < 1e-15);
});

test('sink potential limit −2λ log n: −0.35835 for n = 6, λ = 0.1 (spec EMP), reached by the model', async () => {
  assert.ok(Math.abs(sinkPotentialLimit(6, 0.1) + 0.35835) < 1e-5);
  const batch = fixture(1, 6, 1, 0.1, 0.05);
  const t = await createReferenceOTTransformer('cf', { mode: 'closed-form' }).forward(batch, { layers: 3000 });
  assert.ok(
    Math.abs(t.sinkU[0]! - sinkPotentialLimit(6, batch.lambda[0]!)) < 1e-12,
    `${t.sinkU[0]! - sinkPotentialLimit(6, batch.lambda[0]!)}`,
  );
});

test('tokens: prompt layout of spec §2 (d = 1: 11 columns, sink row 0 … −1/n, ũ, ṽ, 0)', async () => {
  await setupBackend();
  const t = await createTfjsOTTransformer().forward(fixture(1, 4, 1), { layers: 0, record: [0], tokens: true });
  const L = tokenLayout(1);
  assert.is(t.features, 11);
  assert.equal([L.xx, L.x, L.yy, L.y, L.c1, L.value, L.u, L.v, L.out], [0, 1, 2, 3, 4, 7, 8, 9, 10]);
  const sink = Array.from(t.tokens!.subarray(4 * 11, 5 * 11));
  assert.equal(
    sink.map((v) => Math.fround(v)),
    [0, 0, 0, 0, 0, 0, 0, Math.fround(-1 / 4), 0, 0, 0],
  );
});

test('no tensor leak: forward passes and rejected inputs leave the tensor count unchanged', async () => {
  await setupBackend();
  const m = createTfjsOTTransformer();
  const before = liveTensors();
  await m.forward(fixture(2, 5, 2), { layers: 20, record: 'all', potentials: 'all', tokens: true });
  await m.forward(fixture(2, 5, 2), { layers: 0 });
  await m.forward({ ...fixture(2, 5, 1), lambda: Float64Array.of(0.1, 0.3) }, { layers: 3 });
  await m.forward(fixture(1, 5, 1), { layers: 5 }).catch(() => undefined);
  await m.forward({ ...fixture(1, 5, 1), lambda: Float64Array.of(-1) }, { layers: 5 }).catch(() => undefined);
  assert.is(liveTensors(), before);
});

test('bad input → InputError naming the argument (tfjs and reference)', async () => {
  await setupBackend();
  const good = fixture(2, 4, 1);
  const cases: Array<[string, OTTransformerBatch, { layers: number; record?: number[] }]> = [
    ['x', { ...good, x: Float64Array.from(good.x, (v, k) => (k === 3 ? NaN : v)) }, { layers: 2 }],
    ['y', { ...good, y: Float64Array.from(good.y, (v, k) => (k === 0 ? Infinity : v)) }, { layers: 2 }],
    ['y', { ...good, y: Float64Array.from(good.y, (v, k) => (k === 0 ? -Infinity : v)) }, { layers: 2 }],
    ['lambda', { ...good, lambda: Float64Array.of(0.1, 0) }, { layers: 2 }],
    ['lambda', { ...good, lambda: Float64Array.of(-0.1, 0.1) }, { layers: 2 }],
    ['gamma', { ...good, gamma: Float64Array.of(0.1, 0) }, { layers: 2 }],
    ['gamma', { ...good, gamma: Float64Array.of(NaN, 0.1) }, { layers: 2 }],
    ['x', { ...good, x: good.x.slice(1) }, { layers: 2 }],
    ['u0', { ...good, u0: new Float64Array(3) }, { layers: 2 }],
    ['n', { ...good, n: 1, x: good.x.slice(0, 2), y: good.y.slice(0, 2), u0: undefined, v0: undefined }, { layers: 2 }],
    [
      'n',
      { ...good, n: 0, x: new Float64Array(0), y: new Float64Array(0), u0: undefined, v0: undefined },
      { layers: 2 },
    ],
    ['layers', good, { layers: -1 }],
    ['record', good, { layers: 2, record: [3] }],
  ];
  for (const model of [createTfjsOTTransformer(), createReferenceOTTransformer()]) {
    for (const [arg, batch, opts] of cases) {
      try {
        await model.forward(batch, opts);
        assert.unreachable(`${model.name}: expected InputError for '${arg}'`);
      } catch (e) {
        assert.instance(e, InputError, `${model.name}/${arg}: ${String(e)}`);
        assert.is((e as InputError).argument, arg);
      }
    }
  }
});

test.run();
