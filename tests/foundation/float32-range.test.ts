/**
 * Valid float64 input that under- or overflows in float32: the tfjs implementations either stay finite
 * through a log-domain or log-scale path (compared with the float64 reference) or throw a NumericalError
 * naming the argument and the float32 limit; never NaN or ±∞ returned as a result.
 */
import * as tf from '@tensorflow/tfjs-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { NumericalError } from '../../impl/errors.js';
import { referenceImplementation, tfjsImplementation } from '../../impl/implementations.js';
import { validateOutput } from '../../impl/output-validation.js';
import { setupBackend } from '../helpers.js';

const tfjs = tfjsImplementation();
const ref = referenceImplementation();
/** float32 unit roundoff 2⁻²⁴. */
const u32 = 2 ** -24;

async function expectNumericalError(what: string, run: () => Promise<unknown>, pattern: RegExp): Promise<void> {
  const before = tf.memory().numTensors;
  try {
    await run();
  } catch (e) {
    assert.instance(e, NumericalError, `${what}: ${String(e)}`);
    assert.match((e as Error).message, pattern, `${what}: ${String(e)}`);
    assert.is(tf.memory().numTensors, before, `${what}: tensors leaked`);
    return;
  }
  assert.unreachable(`${what} returned a result`);
}

/** max_k |x_k − y_k| / max_k |y_k|. */
function relativeDeviation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let dev = 0;
  let scale = 0;
  for (let k = 0; k < y.length; k++) {
    dev = Math.max(dev, Math.abs(x[k]! - y[k]!));
    scale = Math.max(scale, Math.abs(y[k]!));
  }
  return dev / scale;
}

test.before(async () => {
  await setupBackend();
});

const square = (C: number[], eps: number, a = [0.5, 0.5]) => ({
  B: 1,
  n: 2,
  m: 2,
  a: Float64Array.from(a),
  b: Float64Array.of(0.5, 0.5),
  C: Float64Array.from(C),
  eps: Float64Array.of(eps),
});

test('Sinkhorn ε = 1e-46 (below float32 subnormals): NumericalError naming eps and the log-domain limit', async () => {
  const batch = square([0, 1, 1, 0], 1e-46);
  for (const domain of ['log', 'kernel', 'stabilized'] as const) {
    const pattern = /'eps'.*C\/ε.*1\.000e\+46.*float32 log-domain limit 8\.507e\+37/;
    const run = () => tfjs.sinkhorn!.solve(batch, { iterations: 3, domain });
    await expectNumericalError(`domain ${domain}`, run, pattern);
  }
  const t = await ref.sinkhorn!.solve(batch, { iterations: 3, domain: 'log' });
  validateOutput('sinkhorn', 'solve', [batch, { iterations: 3, domain: 'log' }], t);
});

const tinyWeight = square([0, 1, 1, 0], 0.5, [1 - 1e-50, 1e-50]);

test('Sinkhorn: C and ε beyond float32 with C/ε moderate, and weights below it, stay finite (log domain)', async () => {
  const cases = [
    [square([0, 1e300, 2e300, 0], 1e300), 'C, ε ≈ 1e300'],
    [tinyWeight, 'a_2 = 1e-50'],
  ] as const;
  for (const [batch, what] of cases) {
    const o = { iterations: 5, domain: 'log' as const };
    const t = await tfjs.sinkhorn!.solve(batch, o);
    validateOutput('sinkhorn', 'solve', [batch, o], t);
    const r = await ref.sinkhorn!.solve(batch, o);
    // log P entries of size ≤ 120: float32 rounding of the inputs and 5 half-steps, ≤ 64·u·max|log P|
    const tol = 64 * u32 * Math.max(...Array.from(r.logPlan, Math.abs));
    t.logPlan.forEach((v, k) => assert.ok(Math.abs(v - r.logPlan[k]!) <= tol, `${what}: ${v} vs ${r.logPlan[k]}`));
  }
  const kernel = { iterations: 2, domain: 'kernel' } as const;
  const run = () => tfjs.sinkhorn!.solve(tinyWeight, kernel);
  await expectNumericalError('kernel, a_2 = 1e-50', run, /'a'.*underflows to 0 in float32/);
});

/** Two particles on the circle and V = diag(1, 2): the diagonal term e^{β}P⊥(Vx_i) survives the projection. */
const usaBatch = (beta: number) => ({
  B: 1,
  n: 2,
  d: 2,
  x: Float64Array.of(Math.cos(0.3), Math.sin(0.3), Math.cos(1.2), Math.sin(1.2)),
  beta: Float64Array.of(beta),
  value: Float64Array.of(1, 0, 0, 2),
});

test('USA field at β ≥ 89 (e^β > float32 max): finite, in log scale, and equal to the float64 reference', async () => {
  for (const beta of [89, 100, 300]) {
    const batch = usaBatch(beta);
    const v = await tfjs.sphereDynamics!.velocity(batch, 'unnormalized');
    validateOutput('sphereDynamics', 'velocity', [batch, 'unnormalized'], v);
    const r = await ref.sphereDynamics!.velocity(batch, 'unnormalized');
    // the float32 logit m_i = β⟨x_i, x_i⟩ carries ≤ β(d + 2)u (rounded unit rows, a d-term dot product), which
    // is the relative error of e^{m_i}; the shifted sum and the projection add ≤ 16u (‖V‖/‖P⊥Vx‖ ≤ 4 here)
    const tol = (beta * 4 + 16 * 4) * u32;
    const dev = relativeDeviation(v, r);
    assert.ok(dev <= tol, `β = ${beta}: relative deviation ${dev} > ${tol}`);
  }
});

test('USA euler-renormalize at β = 100: the scale-invariant log-scaled step tracks float64', async () => {
  const batch = usaBatch(100);
  const o = { normalization: 'unnormalized' as const, integrator: 'euler-renormalize' as const, dt: 0.01, steps: 3 };
  const t = await tfjs.sphereDynamics!.simulate(batch, o);
  validateOutput('sphereDynamics', 'simulate', [batch, o], t);
  const r = await ref.sphereDynamics!.simulate(batch, o);
  // each step mixes x and the drift with a factor e^{t} of relative error ≤ β(d + 2)u, plus ≤ 8u of rounding
  const tol = 3 * (100 * 4 + 8) * u32;
  const dev = relativeDeviation(t.states!, r.states!);
  assert.ok(dev <= tol, `deviation ${dev} > ${tol}`);
});

test('USA rk4 at β = 100: a NumericalError naming the float32 overflow, never NaN states', async () => {
  const o = { normalization: 'unnormalized' as const, integrator: 'rk4' as const, dt: 0.01, steps: 2 };
  const pattern = /left the float32 range.*euler-renormalize/;
  await expectNumericalError('rk4', () => tfjs.sphereDynamics!.simulate(usaBatch(100), o), pattern);
});

test('energy at β = 100 (~1e41 > float32 max): LSE in float32, exp in float64, equals the reference', async () => {
  const batch = { B: 1, n: 2, d: 2, x: Float64Array.of(1, 0, Math.cos(1), Math.sin(1)), beta: Float64Array.of(100) };
  for (const normalization of ['mean-field', 'modified-metric', 'shifted'] as const) {
    const e = await tfjs.sphereDynamics!.energy(batch, normalization);
    validateOutput('sphereDynamics', 'energy', [batch, normalization], e);
    const r = await ref.sphereDynamics!.energy(batch, normalization);
    // log E carries ≤ β(d + 2)u from the float32 Gram entries plus ≤ 4u·|log E| from the LSE and the shift
    const tol = (100 * 4 + 4 * Math.log(r[0]!)) * u32;
    assert.ok(Number.isFinite(e[0]!) && Math.abs(e[0]! / r[0]! - 1) <= tol, `${normalization}: ${e[0]} vs ${r[0]}`);
  }
});

test('Sinkformer with |x| = 1e20: NumericalError naming x and the float32 log-domain limit', async () => {
  const batch = {
    B: 1,
    n: 2,
    d: 2,
    x: Float64Array.of(1e20, 0, 0, 1e20),
    WQ: Float64Array.of(1, 0, 0, 1),
    WK: Float64Array.of(1, 0, 0, 1),
    WV: Float64Array.of(-1, 0, 0, -1),
    eps: Float64Array.of(1),
  };
  const o = { iterations: 5 };
  const pattern = /'x'.*1\.000e\+40.*float32 log-domain limit/;
  await expectNumericalError('sinkformer', () => tfjs.sbAttention!.sinkformer(batch, o), pattern);
  validateOutput('sbAttention', 'sinkformer', [batch, o], await ref.sbAttention!.sinkformer(batch, o));
});

test('SB plan: ε = 1e-46 is a NumericalError naming eps; |x| = 1e19 with ε = 1e38 stays finite', async () => {
  const o = { tolerance: 1e-6, maxIterations: 500 };
  const tiny = { B: 1, n: 2, d: 1, x: Float64Array.of(0, 1), eps: Float64Array.of(1e-46) };
  await expectNumericalError('ε = 1e-46', () => tfjs.sbAttention!.plan(tiny, o), /'eps'.*float32 log-domain limit/);
  // the costs are scaled by 1/√ε before squaring: |x_i − x_j|² = 6e38 alone would overflow
  const far = { B: 1, n: 3, d: 1, x: Float64Array.of(-1e19, 0, 1.5e19), eps: Float64Array.of(1e38) };
  const p = await tfjs.sbAttention!.plan(far, o);
  validateOutput('sbAttention', 'plan', [far, o], p);
  const r = await ref.sbAttention!.plan(far, o);
  // C/ε ≤ 1.6: log P within 64u of the reference plus the two solvers' stopping tolerances (1e-6/ε in g)
  const tol = 64 * u32 * 4 + 4e-6;
  p.logPlan.forEach((v, k) => assert.ok(Math.abs(v - r.logPlan[k]!) <= tol, `entry ${k}: ${v} vs ${r.logPlan[k]}`));
});

test('OT transformer: λ = 1e-46 (2/λ beyond float32) is a NumericalError naming lambda', async () => {
  const batch = {
    B: 1,
    n: 2,
    d: 1,
    x: Float64Array.of(0, 1),
    y: Float64Array.of(1, 0),
    lambda: Float64Array.of(1e-46),
    gamma: Float64Array.of(0.1),
  };
  const run = () => tfjs.otTransformer!.forward(batch, { layers: 1 });
  await expectNumericalError('λ = 1e-46', run, /'lambda'.*overflows float32/);
});

test.run();
