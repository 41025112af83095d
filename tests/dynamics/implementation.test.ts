/**
 * Sphere dynamics: the tfjs implementation against the float64 reference, closed forms of the theory helpers,
 * tensor hygiene, and named errors on bad input (docs/architecture.md, Tests 1 and 4).
 */
import * as tf from '@tensorflow/tfjs-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { SphereBatch } from '../../impl/capabilities/sphere-dynamics.js';
import { InputError } from '../../impl/errors.js';
import { diracEnergy, interactionEnergy, uniformMeasureEnergy } from '../../impl/reference/interaction-energy.js';
import { createReferenceSphereDynamics } from '../../impl/reference/sphere-dynamics.js';
import { createTfjsSphereDynamics } from '../../impl/tfjs/sphere-dynamics.js';
import { spanBasis, statesFromSpan } from '../../impl/reference/span-basis.js';
import { ginibre, seededSpherePoints } from '../../properties/arbitraries/sphere.js';
import { energyRounding, shiftedAbsTerms } from '../../properties/dynamics/common.js';
import { IEEE_FLOAT32, IEEE_FLOAT64 } from '../../properties/tolerance.js';
import { beta51, transitionTime } from '../../properties/dynamics/theory.js';
import { liveTensors, setupBackend } from '../helpers.js';

const tfjs = createTfjsSphereDynamics();
const ref = createReferenceSphereDynamics();

function batchOf(B: number, n: number, d: number, betas: number[], seed = 7): SphereBatch {
  return { B, n, d, x: seededSpherePoints(seed, B * n, d), beta: Float64Array.from(betas) };
}

function maxDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]! - b[k]!));
  return m;
}

test('velocity: tfjs = reference within float32 rounding (SA, USA, general B and V)', async () => {
  await setupBackend();
  const B = 4;
  const n = 9;
  const d = 5;
  const base = batchOf(B, n, d, [0, 0.5, 3, 9]);
  const raw = Array.from({ length: 4 * d * d }, (_, k) => ((k * 7919) % 1000) / 1000);
  const M = new Float64Array(B * d * d);
  for (let b = 0; b < B; b++) M.set(ginibre(raw, d), b * d * d);
  for (const batch of [base, { ...base, bilinear: M, value: M }]) {
    for (const norm of ['softmax', 'unnormalized'] as const) {
      const a = await tfjs.velocity(batch, norm);
      const r = await ref.velocity(batch, norm);
      // drift error ≤ u·(2β‖B‖ + n + 2d + 8)·Σ_j A_ij‖V‖; USA rows sum to Z_i/n ≤ e^{β‖B‖}
      const scale = norm === 'softmax' ? 1 : Math.exp(9 * 2);
      assert.ok(maxDiff(a, r) <= 2 ** -24 * (2 * 9 * 2 + n + 2 * d + 8) * scale * 2, `${norm}: ${maxDiff(a, r)}`);
    }
  }
});

test('trajectories: tfjs = reference for RK4 and Euler + renormalisation (SA, short horizon)', async () => {
  await setupBackend();
  const batch = batchOf(3, 8, 4, [0.3, 1, 4]);
  for (const integrator of ['rk4', 'euler-renormalize'] as const) {
    const o = { normalization: 'softmax' as const, integrator, dt: 0.05, steps: 60, recordEvery: 20 };
    const a = await tfjs.simulate(batch, o);
    const r = await ref.simulate(batch, o);
    assert.equal(Array.from(a.stepIndex), [0, 20, 40, 60]);
    // per-step rounding ~ u·(n + d + 10) amplified by the flow's Lipschitz factor e^{(1+2β)t} over t = 3 (β ≤ 4: bounded by 1e-3 here)
    assert.ok(maxDiff(a.states!, r.states!) < 1e-4, `${integrator}: ${maxDiff(a.states!, r.states!)}`);
    const g = await tfjs.simulate(batch, { ...o, record: 'gram' });
    assert.is(g.gram!.length, 3 * 4 * 8 * 8);
  }
});

test('trajectories at d > n: the span coordinates (span-basis.ts) keep Q orthonormal, x = Qᵀy and every Gram matrix', async () => {
  await setupBackend();
  const B = 3;
  const n = 5;
  const d = 12;
  const x = seededSpherePoints(11, B * n, d);
  x.copyWithin(n * d + 2 * d, n * d, n * d + d); // instance 1: x_2 = x_0, its span has dimension n − 1
  const basis = spanBasis(x, B, n, d);
  for (let b = 0; b < B; b++) {
    const q = basis.q.subarray(b * n * d, (b + 1) * n * d);
    const rank = b === 1 ? n - 1 : n;
    for (let k = 0; k < n; k++)
      for (let l = 0; l < n; l++) {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += q[k * d + c]! * q[l * d + c]!;
        // Gram–Schmidt twice: orthonormal to a few d·u64
        assert.ok(Math.abs(dot - (k === l && k < rank ? 1 : 0)) < 1e-14, `QQᵀ[${k},${l}] = ${dot} (instance ${b})`);
      }
  }
  const back = statesFromSpan(basis, basis.y, 1);
  assert.ok(maxDiff(back, x) < 1e-15, `x − Qᵀy: ${maxDiff(back, x)}`);
  // the tfjs dynamics in span coordinates against the same dynamics in R^d (V = I given explicitly keeps R^d)
  const identity = new Float64Array(B * d * d);
  for (let b = 0; b < B; b++) for (let c = 0; c < d; c++) identity[b * d * d + c * d + c] = 1;
  const raw = Array.from({ length: 2 * d * d }, (_, k) => ((k * 7919) % 1000) / 1000 + 5e-4);
  const M = new Float64Array(B * d * d);
  for (let b = 0; b < B; b++) M.set(ginibre(raw, d), b * d * d);
  const batch: SphereBatch = { B, n, d, x, beta: Float64Array.from([0.5, 2, 4]) };
  for (const bilinear of [undefined, M])
    for (const integrator of ['rk4', 'euler-renormalize'] as const) {
      const o = { normalization: 'softmax' as const, integrator, dt: 0.05, steps: 40, recordEvery: 10 };
      const withB = bilinear ? { ...batch, bilinear } : batch;
      const span = await tfjs.simulate(withB, o);
      const full = await tfjs.simulate({ ...withB, value: identity }, o);
      const r = await ref.simulate(withB, o);
      assert.is(span.d, d);
      // both float32, rounding u·(n + d + 10) per step amplified by e^{(1+2β‖B‖)t} over t = 2 (as above: < 1e-4)
      assert.ok(maxDiff(span.states!, full.states!) < 1e-4, `span vs R^d: ${maxDiff(span.states!, full.states!)}`);
      assert.ok(maxDiff(span.states!, r.states!) < 1e-4, `span vs reference: ${maxDiff(span.states!, r.states!)}`);
      const g = await tfjs.simulate(withB, { ...o, record: 'gram' });
      const gr = await ref.simulate(withB, { ...o, record: 'gram' });
      assert.ok(maxDiff(g.gram!, gr.gram!) < 1e-4, `Gram: ${maxDiff(g.gram!, gr.gram!)}`);
    }
});

test('energies: three normalisations, tfjs = reference; closed forms of E[σ_d] and the Dirac maximum', async () => {
  await setupBackend();
  const batch = batchOf(3, 6, 3, [0.01, 1, 9]);
  for (const e of ['mean-field', 'modified-metric', 'shifted'] as const) {
    const a = await tfjs.energy(batch, e);
    const r = await ref.energy(batch, e);
    for (let b = 0; b < 3; b++) {
      const beta = batch.beta[b]!;
      const abs = e === 'shifted' ? shiftedAbsTerms(batch.x, 6, 3, beta, b * 18) : 0;
      const tol =
        energyRounding(IEEE_FLOAT32, 6, 3, beta, e, 1, r[b]!, abs) +
        energyRounding(IEEE_FLOAT64, 6, 3, beta, e, 1, r[b]!, abs);
      assert.ok(Math.abs(a[b]! - r[b]!) <= tol, `${e}[${b}]: ${a[b]} vs ${r[b]} (tol ${tol})`);
    }
  }
  // mean-field = shifted/n² + 1/(2β) (same sum, explicit normalisations never mixed)
  const x = batch.x.subarray(0, 18);
  const mf = interactionEnergy(x, 6, 3, 1, 'mean-field');
  const sh = interactionEnergy(x, 6, 3, 1, 'shifted');
  assert.ok(Math.abs(mf - (sh / 36 + 0.5)) < 1e-14);
  // power series of I_ν plus Stirling log Γ: ~1e-14 relative
  assert.ok(Math.abs(uniformMeasureEnergy(2, 3) - Math.sinh(2) / 8) < 1e-13);
  assert.ok(Math.abs(uniformMeasureEnergy(1, 2) - 1.2660658777520082 / 2) < 1e-13); // I₀(1)/2
  const dirac = new Float64Array(12).fill(0);
  for (let i = 0; i < 4; i++) dirac[i * 3] = 1;
  assert.ok(Math.abs(interactionEnergy(dirac, 4, 3, 2, 'mean-field') - diracEnergy(2)) < 1e-14);
});

test('theory: t*(β) of (6.9) and β₅.₁ reproduce the spec tables', () => {
  const table: Array<[number, number]> = [
    [0.1, 5.192],
    [1, 5.27],
    [3, 5.898],
    [5, 9.544],
    [7, 32.233],
  ];
  for (const [beta, t] of table) assert.ok(Math.abs(transitionTime(beta, 32, 1e-3) - t) < 2e-3, `β=${beta}`);
  assert.ok(Math.abs(beta51(3, 2) - 1.414) < 1e-3);
  assert.ok(Math.abs(beta51(4, 2) - 3.46) < 1e-2);
  assert.ok(Math.abs(beta51(8, 2) - 19.7) < 0.05);
});

test('no tensor leak across velocity, simulate and energy', async () => {
  await setupBackend();
  const before = liveTensors();
  const batch = batchOf(2, 5, 3, [1, 2]);
  await tfjs.velocity(batch, 'unnormalized');
  await tfjs.simulate(batch, { normalization: 'softmax', integrator: 'rk4', dt: 0.1, steps: 5, recordEvery: 2 });
  await tfjs.simulate(batch, {
    normalization: 'softmax',
    integrator: 'euler-renormalize',
    dt: 0.1,
    steps: 5,
    record: 'gram',
  });
  await tfjs.energy(batch, 'shifted');
  assert.is(liveTensors() - before, 0);
  void tf;
});

test('bad input → InputError naming the argument (both implementations)', async () => {
  await setupBackend();
  const good = batchOf(2, 3, 3, [1, 1]);
  const opts = { normalization: 'softmax' as const, integrator: 'rk4' as const, dt: 0.1, steps: 3 };
  const cases: Array<[string, SphereBatch, Partial<typeof opts>]> = [
    ['x', { ...good, x: Float64Array.from(good.x, (v, k) => (k === 4 ? NaN : v)) }, {}],
    ['x', { ...good, x: Float64Array.from(good.x, (v, k) => (k === 0 ? Infinity : v)) }, {}],
    ['x', { ...good, x: Float64Array.from(good.x, (v) => 2 * v) }, {}],
    ['x', { ...good, x: good.x.subarray(0, 17) }, {}],
    ['beta', { ...good, beta: Float64Array.from([1, -0.5]) }, {}],
    ['beta', { ...good, beta: Float64Array.from([1, NaN]) }, {}],
    ['n', { ...good, n: 0, x: new Float64Array(0) }, {}],
    ['value', { ...good, value: new Float64Array(5) }, {}],
    ['dt', good, { dt: 0 }],
    ['dt', good, { dt: -1 }],
    ['steps', good, { steps: 1.5 }],
    ['integrator', good, { integrator: 'euler' as never }],
  ];
  for (const impl of [tfjs, ref]) {
    for (const [arg, batch, o] of cases) {
      try {
        await impl.simulate(batch, { ...opts, ...o });
        assert.unreachable(`${impl.name}: expected InputError for '${arg}'`);
      } catch (e) {
        assert.instance(e, InputError, `${impl.name}/${arg}: ${String(e)}`);
        assert.is((e as InputError).argument, arg);
      }
    }
    try {
      await impl.energy({ ...good, beta: Float64Array.from([0, 1]) }, 'mean-field');
      assert.unreachable('mean-field energy at β = 0');
    } catch (e) {
      assert.is((e as InputError).argument, 'beta');
    }
  }
});

test.run();
