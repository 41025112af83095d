/**
 * Missing or invalid options at every capability entry point of the tfjs and reference implementations:
 * an InputError naming the argument, never a raw TypeError.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Implementation } from '../../impl/capabilities/index.js';
import { InputError } from '../../impl/errors.js';
import { referenceImplementation, tfjsImplementation } from '../../impl/implementations.js';
import { setupBackend } from '../helpers.js';

const half = Float64Array.of(0.5, 0.5);
const sinkhornBatch = { B: 1, n: 2, m: 2, a: half, b: half, C: Float64Array.of(0, 1, 1, 0), eps: Float64Array.of(1) };
const otBatch = {
  B: 1,
  n: 2,
  d: 1,
  x: Float64Array.of(0, 1),
  y: Float64Array.of(1, 0),
  lambda: Float64Array.of(1),
  gamma: Float64Array.of(0.1),
};
const sphere = { B: 1, n: 2, d: 2, x: Float64Array.of(1, 0, 0, 1), beta: Float64Array.of(1) };
const particles = { B: 1, n: 2, d: 1, x: Float64Array.of(0, 1), eps: Float64Array.of(0.5) };
const sinkformer = { ...particles, WQ: Float64Array.of(1), WK: Float64Array.of(1), WV: Float64Array.of(-1) };
const family = { d: 3, clouds: [Float64Array.of(1, 0, 0)] };
const schedule = { d: 3, pieces: [] };

/** [description, call, argument the error must name]. */
type Case = readonly [string, (impl: Implementation) => unknown, string];

const CASES: readonly Case[] = [
  ['sinkhorn.solve without options', (i) => i.sinkhorn!.solve(sinkhornBatch, undefined as never), 'options'],
  ['sinkhorn.solve with null options', (i) => i.sinkhorn!.solve(sinkhornBatch, null as never), 'options'],
  [
    'sinkhorn.solve without iterations',
    (i) => i.sinkhorn!.solve(sinkhornBatch, { domain: 'log' } as never),
    'iterations',
  ],
  ['sinkhorn.solve without domain', (i) => i.sinkhorn!.solve(sinkhornBatch, { iterations: 2 } as never), 'domain'],
  [
    'sinkhorn.solve with record = "yes"',
    (i) => i.sinkhorn!.solve(sinkhornBatch, { iterations: 2, domain: 'log', record: 'yes' as never }),
    'record',
  ],
  [
    'sinkhorn.solve with initLogV a plain array',
    (i) => i.sinkhorn!.solve(sinkhornBatch, { iterations: 2, domain: 'log', initLogV: [0, 0] as never }),
    'initLogV',
  ],
  ['otTransformer.forward without options', (i) => i.otTransformer!.forward(otBatch, undefined as never), 'options'],
  ['otTransformer.forward without layers', (i) => i.otTransformer!.forward(otBatch, {} as never), 'layers'],
  [
    'otTransformer.forward with tokens = 1',
    (i) => i.otTransformer!.forward(otBatch, { layers: 1, tokens: 1 as never }),
    'tokens',
  ],
  [
    'sphereDynamics.velocity without normalization',
    (i) => i.sphereDynamics!.velocity(sphere, undefined as never),
    'normalization',
  ],
  ['sphereDynamics.simulate without options', (i) => i.sphereDynamics!.simulate(sphere, undefined as never), 'options'],
  [
    'sphereDynamics.simulate without dt',
    (i) => i.sphereDynamics!.simulate(sphere, { normalization: 'softmax', integrator: 'rk4', steps: 1 } as never),
    'dt',
  ],
  [
    'sphereDynamics.energy without normalization',
    (i) => i.sphereDynamics!.energy(sphere, undefined as never),
    'normalization',
  ],
  [
    'sphereDynamics.sampleUniform without seed',
    (i) => i.sphereDynamics!.sampleUniform!(4, 3, undefined as never),
    'seed',
  ],
  ['sbAttention.plan without options', (i) => i.sbAttention!.plan(particles, undefined as never), 'options'],
  [
    'sbAttention.plan without tolerance',
    (i) => i.sbAttention!.plan(particles, { maxIterations: 10 } as never),
    'tolerance',
  ],
  ['sbAttention.step with a string as options', (i) => i.sbAttention!.step(particles, 'fast' as never), 'options'],
  [
    'sbAttention.iterate without steps',
    (i) => i.sbAttention!.iterate(particles, { tolerance: 1e-6, maxIterations: 10 } as never),
    'steps',
  ],
  [
    'sbAttention.plan with initLogPotential a plain array',
    (i) => i.sbAttention!.plan(particles, { tolerance: 1e-6, maxIterations: 10, initLogPotential: [0, 0] as never }),
    'initLogPotential',
  ],
  [
    'sbAttention.sinkformer without options',
    (i) => i.sbAttention!.sinkformer(sinkformer, undefined as never),
    'options',
  ],
  ['interpolator.evolve with null options', (i) => i.interpolator!.evolve(family, schedule, null as never), 'options'],
  [
    'interpolator.evolve with record = 1',
    (i) => i.interpolator!.evolve(family, schedule, { record: 1 as never }),
    'record',
  ],
  ['interpolator.toOrthant with a number as options', (i) => i.interpolator!.toOrthant(family, 5 as never), 'options'],
  [
    'interpolator.construct without options',
    (i) => i.interpolator!.construct(family, Float64Array.of(0, 1, 0), undefined as never),
    'options',
  ],
];

test.before(async () => {
  await setupBackend();
});

for (const make of [tfjsImplementation, referenceImplementation]) {
  test(`${make().name}: every entry point names the missing or invalid option`, async () => {
    const impl = make();
    for (const [what, call, argument] of CASES) {
      try {
        await call(impl);
      } catch (e) {
        assert.instance(e, InputError, `${what}: ${String(e)}`);
        assert.is((e as InputError).argument, argument, `${what}: ${String(e)}`);
        continue;
      }
      assert.unreachable(`${what} was accepted`);
    }
  });
}

test('the options message lists the expected fields and says what is missing', async () => {
  try {
    await tfjsImplementation().sinkhorn!.solve(sinkhornBatch, undefined as never);
  } catch (e) {
    assert.match(String(e), /'options': must be an object \{iterations, domain, initLogV\?, record\?\}, is missing/);
    return;
  }
  assert.unreachable('accepted');
});

test.run();
