/**
 * Every asserted `interpolation.*` claim verified at the CI budget on the built-in implementation (the float64
 * interpolator), with a fixed seed. The end-to-end claim, the empirical matching and Lemma 5.2 are also run on `reference`.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CLAIMS } from '../../theorems/index.js';
import { assertVerified, runClaimForTest } from '../helpers.js';

const IDS = CLAIMS.filter((c) => c.family === 'interpolation' && c.role === 'asserted').map((c) => c.id);

test('the family is registered: ten asserted claims with errata in the notes', () => {
  assert.ok(IDS.length >= 10, IDS.join(', '));
  const notes = CLAIMS.filter((c) => c.family === 'interpolation')
    .flatMap((c) => c.notes ?? [])
    .join('\n');
  for (const erratum of ['Lemma B.2', 'Prop 4.2', 'Prop 3.1'])
    assert.ok(notes.includes(erratum), `missing erratum on ${erratum}`);
});

for (const id of IDS) {
  test(`${id} is verified at the CI budget`, async () => {
    assertVerified(await runClaimForTest(id));
  });
}

for (const id of ['interpolation.empirical-matching', 'interpolation.pushforward-w2-bound']) {
  test(`${id} is verified at the CI budget on reference`, async () => {
    assertVerified(await runClaimForTest(id, { impl: 'reference' }));
  });
}

test('interpolation.pushforward-w2-bound exercises a non-identity optimal assignment', async () => {
  const r = await runClaimForTest('interpolation.pushforward-w2-bound');
  const t = r.tables.find((x) => x.title.startsWith('Lemma 5.2'));
  assert.ok(t && (t.rows[0]![1] as number) < 1, 'every draw had W2 = ‖T¹ − T²‖ (identity coupling optimal)');
});

test('interpolation.dirac-targets reports the switch constant and W2 reached', async () => {
  const r = await runClaimForTest('interpolation.dirac-targets', { impl: 'reference', seed: 7 });
  assertVerified(r);
  const t = r.tables.find((x) => x.title.startsWith('Theorem 1.1'));
  assert.ok(t && t.rows.length > 0, 'no end-to-end table');
  for (const row of t.rows) assert.ok((row[3] as number) <= 1e-4, `W2 ${row[3]}`);
});

for (const id of ['interpolation.arcs-example', 'interpolation.generic-disentanglement']) {
  test(`${id} (exploratory) is reported with instances and its table`, async () => {
    const r = await runClaimForTest(id);
    assert.is(r.status, 'reported', r.reason);
    assert.ok(r.instances > 0, 'no instance');
    assert.ok(r.tables.length > 0, 'no table');
  });
}

test.run();
