/** Every asserted heat.* claim is verified at the ci budget on tfjs and on the float64 reference; the freeze control is reported. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CLAIMS } from '../../theorems/index.js';
import { assertVerified, runClaimForTest } from '../helpers.js';

const heat = CLAIMS.filter((c) => c.family === 'heat');
const asserted = heat.filter((c) => c.role === 'asserted');

test('the heat family is registered: 12 claims, one negative control, every source tagged', () => {
  assert.is(heat.length, 12);
  assert.equal(
    heat.filter((c) => c.role === 'negative-control').map((c) => c.id),
    ['heat.freeze-regime'],
  );
  for (const c of heat)
    assert.ok(c.sources.length > 0 && c.statement.length > 0 && c.requires.includes('sbAttention'), c.id);
});

for (const claim of asserted) {
  for (const impl of ['tfjs', 'reference'] as const) {
    test(`${claim.id} is verified on ${impl} (ci budget)`, async () => {
      const r = await runClaimForTest(claim.id, { impl });
      assertVerified(r);
      if (claim.kind === 'rate' || claim.kind === 'limit') {
        assert.ok(r.rates.length > 0, `${claim.id}: no fitted rate`);
        for (const rate of r.rates) {
          assert.is(rate.verdict, 'consistent', `${rate.name}: ${rate.estimate} ${rate.ci95.join(',')}`);
          assert.ok(rate.ladder && rate.ladder.length >= 3, `${rate.name}: ladder missing`);
        }
      }
      if (claim.id === 'heat.particles-track-heat-flow') {
        const fig = r.figures?.['mixtureHeatFlow'] as { t: number[]; w2ToHeatFlow: number[] } | undefined;
        assert.ok(
          fig && fig.t.length === fig.w2ToHeatFlow.length && fig.t.length > 2,
          'mixture heat-flow vs iterates figure data missing',
        );
      }
    });
  }
}

test('heat.freeze-regime (negative control) is reported, and its heat-flow check is violated as expected', async () => {
  const r = await runClaimForTest('heat.freeze-regime', { impl: 'tfjs' });
  assert.is(r.status, 'reported');
  assert.match(r.reason, /measured outcome 'violated'/);
});

test.run();
