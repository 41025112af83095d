/** Bad inputs to the interpolator get an InputError naming the argument (docs/architecture.md, hygiene). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../impl/errors.js';
import { createReferenceInterpolator } from '../../impl/reference/interpolator.js';

const I = createReferenceInterpolator();
const d = 3;
const cloud = (): Float64Array => new Float64Array([0.6, 0.8, 0, 0.8, 0.6, 0]);
const good = { d, clouds: [cloud(), new Float64Array([0, 0.6, 0.8])] };
const targets = new Float64Array([1, 0, 0, 0, 0, 1]);

async function rejects(argument: string, f: () => unknown): Promise<void> {
  try {
    await f();
  } catch (e) {
    assert.instance(e, InputError, `expected InputError, got ${String(e)}`);
    assert.is((e as InputError).argument, argument, (e as Error).message);
    return;
  }
  assert.unreachable(`no InputError for '${argument}'`);
}

test('construct: NaN, ±∞, off-sphere points, empty cloud, d < 3, ε ≤ 0, T ≤ 0, N mismatch', async () => {
  await rejects('clouds', () =>
    I.construct({ d, clouds: [new Float64Array([NaN, 0, 1])] }, new Float64Array([1, 0, 0]), { T: 1, eps: 1e-4 }),
  );
  await rejects('clouds', () =>
    I.construct({ d, clouds: [new Float64Array([Infinity, 0, 0])] }, new Float64Array([1, 0, 0]), { T: 1, eps: 1e-4 }),
  );
  await rejects('clouds', () =>
    I.construct({ d, clouds: [new Float64Array([-Infinity, 0, 0])] }, new Float64Array([1, 0, 0]), { T: 1, eps: 1e-4 }),
  );
  await rejects('clouds', () =>
    I.construct({ d, clouds: [new Float64Array([1, 1, 0])] }, new Float64Array([1, 0, 0]), { T: 1, eps: 1e-4 }),
  );
  await rejects('clouds', () =>
    I.construct({ d, clouds: [new Float64Array(0)] }, new Float64Array([1, 0, 0]), { T: 1, eps: 1e-4 }),
  );
  await rejects('clouds', () => I.construct({ d, clouds: [] }, new Float64Array(0), { T: 1, eps: 1e-4 }));
  await rejects('d', () =>
    I.construct({ d: 2, clouds: [new Float64Array([1, 0])] }, new Float64Array([0, 1]), { T: 1, eps: 1e-4 }),
  );
  await rejects('eps', () => I.construct(good, targets, { T: 1, eps: 0 }));
  await rejects('eps', () => I.construct(good, targets, { T: 1, eps: -1e-3 }));
  await rejects('eps', () => I.construct(good, targets, { T: 1, eps: NaN }));
  await rejects('T', () => I.construct(good, targets, { T: 0, eps: 1e-4 }));
  await rejects('T', () => I.construct(good, targets, { T: -2, eps: 1e-4 }));
  await rejects('T', () => I.construct(good, targets, { T: Infinity, eps: 1e-4 }));
  await rejects('targets', () => I.construct(good, new Float64Array([1, 0, 0]), { T: 1, eps: 1e-4 }));
  await rejects('targets', () => I.construct(good, new Float64Array([1, 0, 0, 1, 0, 0]), { T: 1, eps: 1e-4 }));
  await rejects('targets', () => I.construct(good, new Float64Array([NaN, 0, 0, 0, 0, 1]), { T: 1, eps: 1e-4 }));
  await rejects('targets', () => I.construct(good, new Float64Array([2, 0, 0, 0, 0, 1]), { T: 1, eps: 1e-4 }));
  await rejects('clouds', () => I.construct({ d, clouds: [cloud(), cloud()] }, targets, { T: 1, eps: 1e-4 })); // colinear barycenters
});

test('evolve, gate, matchPoints, disentangle: named arguments', async () => {
  const empty = { d, pieces: [] };
  await rejects('clouds', () => I.evolve({ d, clouds: [new Float64Array([0, 0, NaN])] }, empty));
  await rejects('schedule', () => I.evolve(good, { d: 4, pieces: [] }));
  const bad = {
    duration: -1,
    V: new Float64Array(9),
    B: new Float64Array(9),
    W: new Float64Array(9),
    U: new Float64Array(9),
    b: new Float64Array(3),
  };
  await rejects('schedule', () => I.evolve(good, { d, pieces: [bad] }));
  await rejects('schedule', () =>
    I.evolve(good, { d, pieces: [{ ...bad, duration: 1, V: new Float64Array(9).fill(NaN) }] }),
  );
  await rejects('schedule', () => I.evolve(good, { d, pieces: [{ ...bad, duration: 1, b: new Float64Array(2) }] }));
  await rejects('step', () => I.evolve(good, empty, { step: 0 }));
  await rejects('a', () => I.gate(d, [NaN, 0, 0], 0, [1, 0, 0]));
  await rejects('z', () => I.gate(d, [1, 0, 0], 0, [1, 0]));
  await rejects('tau', () => I.gate(d, [1, 0, 0], Infinity, [1, 0, 0]));
  await rejects('d', () => I.matchPoints(2, new Float64Array([1, 0]), new Float64Array([0, 1])));
  await rejects('targets', () => I.matchPoints(d, new Float64Array([1, 0, 0]), new Float64Array([0, 1, 0, 0, 0, 1])));
  await rejects('clouds', () =>
    I.disentangle({ d, clouds: [new Float64Array([-1, 0, 0]), new Float64Array([0, 1, 0])] }),
  );
});

test.run();
