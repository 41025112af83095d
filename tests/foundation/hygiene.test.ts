/** Hygiene: bad input gets an InputError naming the argument; no tensor leaks across a property run; backend errors are clear. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { initBackend } from '../../impl/backend.js';
import type { SinkhornBatch, SinkhornOptions, SinkhornSolver } from '../../impl/capabilities/sinkhorn.js';
import { InputError, UsageError } from '../../impl/errors.js';
import { createReferenceSinkhorn } from '../../impl/reference/sinkhorn-solver.js';
import { createTfjsSinkhorn } from '../../impl/tfjs/sinkhorn.js';
import { liveTensors, runClaimForTest, setupBackend } from '../helpers.js';

const good = (): SinkhornBatch => ({
  B: 2,
  n: 2,
  m: 3,
  a: Float64Array.of(0.5, 0.5, 0.25, 0.75),
  b: Float64Array.of(0.2, 0.3, 0.5, 0.1, 0.1, 0.8),
  C: Float64Array.from({ length: 12 }, (_, k) => k / 12),
  eps: Float64Array.of(0.1, 1),
});

const cases: Array<[string, string, (b: SinkhornBatch) => SinkhornBatch, Partial<SinkhornOptions>?]> = [
  ['NaN in C', 'C', (b) => ({ ...b, C: Object.assign(Float64Array.from(b.C), { 3: NaN }) })],
  ['+∞ in C', 'C', (b) => ({ ...b, C: Object.assign(Float64Array.from(b.C), { 0: Infinity }) })],
  ['−∞ in a', 'a', (b) => ({ ...b, a: Object.assign(Float64Array.from(b.a), { 1: -Infinity }) })],
  ['NaN in b', 'b', (b) => ({ ...b, b: Object.assign(Float64Array.from(b.b), { 2: NaN }) })],
  ['negative ε', 'eps', (b) => ({ ...b, eps: Float64Array.of(0.1, -1) })],
  ['zero ε', 'eps', (b) => ({ ...b, eps: Float64Array.of(0, 1) })],
  ['NaN ε', 'eps', (b) => ({ ...b, eps: Float64Array.of(NaN, 1) })],
  ['C of the wrong shape', 'C', (b) => ({ ...b, C: b.C.subarray(0, 11) })],
  ['a of the wrong shape', 'a', (b) => ({ ...b, a: Float64Array.of(1) })],
  ['zero total mass in a', 'a', (b) => ({ ...b, a: Float64Array.of(0, 0, 0.25, 0.75) })],
  ['negative weight', 'b', (b) => ({ ...b, b: Float64Array.of(-0.2, 0.7, 0.5, 0.1, 0.1, 0.8) })],
  ['unequal masses', 'b', (b) => ({ ...b, b: Float64Array.of(0.2, 0.3, 0.6, 0.1, 0.1, 0.8) })],
  // the balance threshold is 1e-5 relative: a 1e-4 mismatch (the second row of b sums to 1 + 1e-4) is rejected
  ['masses 1e-4 apart', 'b', (b) => ({ ...b, b: Float64Array.of(0.2, 0.3, 0.5, 0.1, 0.1, 0.8001) })],
  ['empty list (n = 0)', 'n', (b) => ({ ...b, n: 0, a: new Float64Array(0), C: new Float64Array(0) })],
  ['plain array instead of Float64Array', 'C', (b) => ({ ...b, C: Array.from(b.C) as unknown as Float64Array })],
  ['iterations = 0', 'iterations', (b) => b, { iterations: 0 }],
  ['unknown domain', 'domain', (b) => b, { domain: 'fourier' as never }],
  ['initLogV with ∞', 'initLogV', (b) => b, { initLogV: Float64Array.of(0, 0, Infinity, 0, 0, 0) }],
];

test.before(async () => {
  await setupBackend();
});

for (const solver of [createTfjsSinkhorn(), createReferenceSinkhorn()] as SinkhornSolver[]) {
  test(`${solver.name}: bad input → InputError naming the argument`, async () => {
    for (const [what, arg, mutate, opts] of cases) {
      try {
        await solver.solve(mutate(good()), { iterations: 3, domain: 'log', ...opts });
        assert.unreachable(`${what}: accepted`);
      } catch (e) {
        assert.instance(e, InputError, `${what}: ${String(e)}`);
        assert.is((e as InputError).argument, arg, `${what}: named '${(e as InputError).argument}'`);
        assert.match((e as Error).message, new RegExp(`'${arg}'`));
      }
    }
  });
}

for (const solver of [createTfjsSinkhorn(), createReferenceSinkhorn()] as SinkhornSolver[]) {
  test(`${solver.name}: masses equal up to float32 rounding (1e-7 relative) are accepted`, async () => {
    const b = { ...good(), b: Float64Array.of(0.2, 0.3, 0.5, 0.1, 0.1, 0.8 + 1e-7) };
    const t = await solver.solve(b, { iterations: 3, domain: 'log' });
    assert.ok(t.logPlan.every((v) => !Number.isNaN(v)));
  });
}

test('no tensor leak across a whole property run (tfjs implementation)', async () => {
  const before = liveTensors();
  const r = await runClaimForTest('sinkhorn.plan-matches-reference', { numRuns: 10 });
  assert.is(r.status, 'verified');
  assert.is(r.tensorLeak, 0);
  assert.is(liveTensors(), before);
});

test('backend selection: unknown or missing backends are usage errors with a clear message', async () => {
  try {
    await initBackend('gpu-of-my-dreams');
    assert.unreachable();
  } catch (e) {
    assert.instance(e, UsageError);
    assert.match(
      (e as Error).message,
      /unknown backend 'gpu-of-my-dreams'; choose one of tensorflow, webgpu, wasm, cpu/,
    );
  }
  for (const name of ['tensorflow', 'webgpu']) {
    try {
      await initBackend(name);
      // on a machine where it exists this is fine too; go back to the test backend
      await initBackend('wasm');
    } catch (e) {
      assert.instance(e, UsageError);
      assert.match((e as Error).message, new RegExp(`backend '${name}' is not available .* to use it, install`));
    }
  }
  const info = await initBackend('wasm');
  assert.is(info.name, 'wasm');
  assert.is(info.precision, 'float32');
});

test.run();
