/**
 * The dynamics claims at the CI budget (docs/architecture.md, Tests 2): every asserted claim verified on tfjs, the cheap
 * ones also on the float64 reference; probabilistic claims carry their Clopper–Pearson intervals; the
 * exploratory metastability claim is reported. No tensor leaks.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertVerified, runClaimForTest } from '../helpers.js';

const BOTH = [
  'energy.derivative-identity',
  'energy.monotone',
  'energy.extremizers',
  'dynamics.hemisphere-invariance',
  'dynamics.integrator-consistency',
  'clustering.beta-zero',
  'clustering.large-beta',
];
const TFJS_ONLY = [
  'clustering.small-beta',
  'clustering.any-beta-d-ge-3',
  'clustering.exponential-rate-d-ge-n',
  'clustering.phase-diagram',
];

for (const id of BOTH) {
  for (const impl of ['tfjs', 'reference'] as const) {
    test(`${id} is verified on ${impl} (ci budget)`, async () => {
      const r = await runClaimForTest(id, { impl, budget: 'ci' });
      assertVerified(r);
      for (const p of r.proportions)
        assert.ok(p.ci[0] <= p.successes / p.trials && p.successes / p.trials <= p.ci[1], `${p.name}: interval`);
    });
  }
}

for (const id of TFJS_ONLY) {
  test(`${id} is verified on tfjs (ci budget)`, async () => {
    const r = await runClaimForTest(id, { impl: 'tfjs', budget: 'ci' });
    assertVerified(r);
    if (id === 'clustering.phase-diagram') {
      const fig = r.figures?.['phaseDiagram'] as { blocks: unknown[]; gammaInfinity: { tStar: number[] } } | undefined;
      assert.ok(fig && fig.blocks.length === 3 && fig.gammaInfinity.tStar.length === 90, 'figure data with Γ∞');
    }
  });
}

test('clustering.metastability is reported, with multi-cluster runs at β = 9 (Fig. 4)', async () => {
  const r = await runClaimForTest('clustering.metastability', { impl: 'tfjs', budget: 'ci' });
  assert.is(r.status, 'reported');
  assert.is(r.tensorLeak, 0);
  const p9 = r.proportions.find((p) => p.name.endsWith('β = 9'));
  assert.ok(p9 && p9.successes > 0, 'some run still has > 1 cluster at t = 30 for β = 9');
});

test.run();
