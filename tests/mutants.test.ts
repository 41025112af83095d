/**
 * The mutant catalogue (impl/mutants): every catalogued mutant must be rejected by at least one of its
 * expected killers at the CI budget — the evidence that the properties have teeth. Killers run in the
 * order the catalogue lists them (cheapest first) until one rejects; no shrinking (endOnFailure).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MUTANTS } from '../impl/mutants/index.js';
import { CLAIMS } from '../theorems/index.js';
import { runClaimForTest } from './helpers.js';

const ONLY = process.env['MUTANTS'];

test('the catalogue is well formed: unique ids, known killers, one-line descriptions', () => {
  const ids = new Set<string>();
  for (const m of MUTANTS) {
    assert.not.ok(ids.has(m.id), `duplicate mutant id ${m.id}`);
    ids.add(m.id);
    assert.ok(m.description.length > 0 && !m.description.includes('\n'), `${m.id}: description`);
    assert.ok(m.expectedKillers.length > 0, `${m.id}: no expected killer`);
    for (const k of m.expectedKillers)
      assert.ok(
        CLAIMS.some((c) => c.id === k),
        `${m.id}: unknown killer claim ${k}`,
      );
  }
});

for (const m of MUTANTS.filter((x) => !ONLY || x.id.startsWith(ONLY))) {
  test(`mutant ${m.id} is rejected`, async () => {
    const verdicts: string[] = [];
    for (const claimId of m.expectedKillers) {
      const r = await runClaimForTest(claimId, { impl: m.build(), endOnFailure: true });
      verdicts.push(`${claimId}: ${r.status}`);
      if (r.status === 'violated' || r.status === 'error') return;
    }
    assert.unreachable(`mutant ${m.id} (${m.description}) survived: ${verdicts.join('; ')}`);
  });
}

test.run();
