/** Every ot-transformer.* / sorting.* claim at the ci budget (asserted ones verified; exploratory ones reported). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertVerified, runClaimForTest } from '../helpers.js';

const ASSERTED_TFJS = [
  'ot-transformer.layer-is-dual-gd',
  'ot-transformer.readout',
  'ot-transformer.fixed-point',
  'ot-transformer.depth-convergence',
  'ot-transformer.size-independent-weights',
  'ot-transformer.sink-potential',
  'ot-transformer.float32-vs-float64',
  'sorting.readout-bound',
  'sorting.error-vanishes-with-depth',
  'sorting.bias-vanishes-with-lambda',
];
/** On the float64 oracle too (size-independent-weights at n = 64 is left to verify: the float64 token layer is slow there). */
const ASSERTED_REFERENCE = [
  'ot-transformer.layer-is-dual-gd',
  'ot-transformer.readout',
  'ot-transformer.fixed-point',
  'ot-transformer.depth-convergence',
  'ot-transformer.sink-potential',
  'sorting.readout-bound',
  'sorting.error-vanishes-with-depth',
];
const REPORTED = ['ot-transformer.depth-bound', 'ot-transformer.dual-monotone', 'ot-transformer.step-size-threshold'];

for (const id of ASSERTED_TFJS) {
  test(`${id} verified on tfjs (ci)`, async () => {
    const r = await runClaimForTest(id, { impl: 'tfjs', budget: 'ci' });
    console.log(`    ${id} [tfjs]: ${r.status}, ${r.instances} instances, ${(r.durationMs / 1000).toFixed(1)} s`);
    assertVerified(r);
  });
}

for (const id of ASSERTED_REFERENCE) {
  test(`${id} verified on the float64 reference (ci)`, async () => {
    const r = await runClaimForTest(id, { impl: 'reference', budget: 'ci' });
    console.log(`    ${id} [reference]: ${r.status}, ${r.instances} instances, ${(r.durationMs / 1000).toFixed(1)} s`);
    assertVerified(r);
  });
}

for (const id of REPORTED) {
  test(`${id} is reported, not asserted (quick)`, async () => {
    const r = await runClaimForTest(id, { impl: 'tfjs', budget: 'quick' });
    assert.is(r.status, 'reported', `${id}: ${r.status} — ${r.reason}`);
    assert.ok(r.instances > 0);
    assert.ok(r.tables.length > 0 || r.quantities.length > 0);
    assert.is(r.tensorLeak, 0);
  });
}

test('paper figures: per-layer d_H and readout error for n = 4, 6, 8 in the result (float64 oracle; tfjs runs in verify)', async () => {
  const r = await runClaimForTest('ot-transformer.paper-figures', { impl: 'reference', budget: 'ci' });
  assert.is(r.status, 'reported', r.reason);
  const fig = (r.figures?.['fig3-4'] ?? {}) as {
    sizes?: Record<string, { hilbert: number[]; readoutError: number[] }>;
  };
  for (const n of ['4', '6', '8']) {
    assert.is(fig.sizes?.[n]?.hilbert.length, 5001, `n = ${n}: d_H for every layer`);
    assert.is(fig.sizes?.[n]?.readoutError.length, 501, `n = ${n}: readout error every 10 layers`);
  }
  // float64: n = 4 converges within the 5000 layers, n = 8 does not yet (costs up to 49, see the claim's note)
  assert.ok(fig.sizes!['4']!.hilbert[5000]! < 1e-6);
  assert.ok(fig.sizes!['4']!.hilbert[5000]! < fig.sizes!['4']!.hilbert[0]!);
  assert.ok(r.series.length >= 6);
});

test.run();
