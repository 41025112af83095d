/** Laws of the shared arbitraries (fast-check's own arbitrary laws): determinism, domain, float32 exactness, shrinking. */
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sinkhornCase, type SinkhornCase } from '../../properties/arbitraries/sinkhorn-batch.js';
import { logUniform, unitFloat } from '../../properties/arbitraries/scalars.js';

const spec = { nMax: 8, mMax: 6, batchMax: 5, epsMin: 0.05, epsMax: 2 };

test('same seed → same value', () => {
  const a = fc.sample(sinkhornCase(spec), { seed: 42, numRuns: 5 });
  const b = fc.sample(sinkhornCase(spec), { seed: 42, numRuns: 5 });
  assert.equal(
    a.map((c) => Array.from(c.batch.C)),
    b.map((c) => Array.from(c.batch.C)),
  );
});

test('values lie in the hypotheses and are float32-exact', () => {
  fc.assert(
    fc.property(sinkhornCase(spec), (c) => {
      const { B, n, m, a, b, C, eps } = c.batch;
      if (!(B >= 1 && B <= 5 && n >= 2 && n <= 8 && m >= 2 && m <= 6)) return false;
      const f32 = (x: number): boolean => Math.fround(x) === x;
      for (let k = 0; k < B; k++) {
        const sa = a.subarray(k * n, (k + 1) * n).reduce((s, x) => s + x, 0);
        const sb = b.subarray(k * m, (k + 1) * m).reduce((s, x) => s + x, 0);
        // equal total masses, 1 or log-uniform in [0.01, 100] (up to float32 rounding of each weight)
        if (Math.abs(sa - sb) > (n + m) * 2 ** -23 * sa || !(sa >= 0.01 * (1 - 1e-6) && sa <= 100 * (1 + 1e-6)))
          return false;
        if (!(eps[k]! >= Math.fround(0.05) * (1 - 1e-7) && eps[k]! <= 2 * (1 + 1e-7))) return false;
      }
      return (
        [...a, ...b, ...C, ...eps].every(f32) &&
        [...a, ...b].every((x) => x >= 0) &&
        [...C].every((x) => x >= 0 && x <= 1.2)
      );
    }),
    { numRuns: 200, seed: 3 },
  );
});

test('costOverEps reaches the requested max |C|/ε (shifted instances negative), magnitudes do not shrink', () => {
  const arb = sinkhornCase({ ...spec, costOverEps: [0.5, 86.3], shiftCosts: true });
  let negative = 0;
  let unitMass = 0;
  let top = 0;
  for (const c of fc.sample(arb, { seed: 9, numRuns: 100 })) {
    const { B, n, m, C, eps, a } = c.batch;
    for (let k = 0; k < B; k++) {
      const r = C.subarray(k * n * m, (k + 1) * n * m).reduce((x, y) => Math.max(x, Math.abs(y)), 0) / eps[k]!;
      assert.ok(r <= 86.3 * (1 + 1e-6), `max |C|/ε = ${r}`);
      top = Math.max(top, r);
      if (C.subarray(k * n * m, (k + 1) * n * m).some((x) => x < 0)) negative++;
      if (Math.abs(a.subarray(k * n, (k + 1) * n).reduce((x, y) => x + y, 0) - 1) < 1e-5) unitMass++;
    }
  }
  assert.ok(top > 60 && negative > 0 && unitMass > 0, `top ${top}, negative ${negative}, unit mass ${unitMass}`);
  // a failing property shrinks the data, not the magnitudes: the shrunk instance keeps a large C/ε
  const r = fc.check(
    fc.property(arb, (c) =>
      c.batch.C.every((x, k) => Math.abs(x) / c.batch.eps[Math.floor(k / (c.batch.n * c.batch.m))]! < 40),
    ),
    { seed: 5 },
  );
  assert.ok(r.failed);
  const c = r.counterexample![0];
  const worst = c.batch.C.reduce((x, y) => Math.max(x, Math.abs(y)), 0) / c.batch.eps[0]!;
  assert.ok(worst >= 40, `shrunk max |C|/ε ${worst}`);
});

test('shrinking a failing batch reaches one 2×2 instance', () => {
  const r = fc.check(
    fc.property(sinkhornCase(spec), (_c: SinkhornCase) => false),
    { seed: 5 },
  );
  assert.ok(r.failed);
  const c = r.counterexample![0];
  assert.is(c.batch.B, 1);
  assert.is(c.batch.n, 2);
  assert.is(c.batch.m, 2);
});

test('scalar arbitraries: unit floats in [0,1) on the 2⁻²⁴ grid, log-uniform within bounds', () => {
  for (const x of fc.sample(unitFloat(), { seed: 1, numRuns: 500 }))
    assert.ok(x >= 0 && x < 1 && Number.isInteger(x * 2 ** 24));
  for (const x of fc.sample(logUniform(0.01, 10), { seed: 1, numRuns: 500 }))
    assert.ok(x >= 0.0099999 && x <= 10.000001 && Math.fround(x) === x);
  assert.throws(() => logUniform(0, 1), /0 < lo/);
});

test.run();
