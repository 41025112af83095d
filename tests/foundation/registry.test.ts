/** The registries agree: every claim has exactly one property, ids are unique and stable, README lists every claim. */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PROPERTIES } from '../../properties/index.js';
import { CLAIMS, claimById } from '../../theorems/index.js';

test('claim ids are unique, dotted, and each has exactly one property', () => {
  const ids = CLAIMS.map((c) => c.id);
  assert.is(new Set(ids).size, ids.length, 'duplicate claim id');
  for (const c of CLAIMS) {
    assert.match(c.id, /^[a-z0-9-]+\.[a-z0-9.-]+$/, `${c.id}: not a dotted id`);
    assert.is(PROPERTIES.filter((p) => p.claimId === c.id).length, 1, `${c.id}: needs exactly one property`);
    assert.ok(
      c.sources.length > 0 && c.statement.length > 0 && c.hypotheses.length > 0 && c.verdictRule.length > 0,
      `${c.id}: incomplete record`,
    );
    assert.ok(c.requires.length > 0, `${c.id}: no capability`);
  }
  for (const p of PROPERTIES) assert.ok(ids.includes(p.claimId), `property for unknown claim ${p.claimId}`);
});

test("each property is declared against the registry's own claim record, in the order of CLAIMS", () => {
  for (const p of PROPERTIES) {
    assert.ok(CLAIMS.includes(p.claim), `${p.claimId}: its claim is not the registry's object`);
    assert.is(p.claim, claimById(p.claimId), `${p.claimId}: claimId and claim disagree`);
  }
  assert.equal(
    PROPERTIES.map((p) => p.claim.id),
    CLAIMS.map((c) => c.id),
  );
});

test("a claim's family is the first segment of its id", () => {
  for (const c of CLAIMS) assert.is(c.family, c.id.slice(0, c.id.indexOf('.')), `${c.id}: family ${c.family}`);
});

test('the README claims table lists every claim', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  for (const c of CLAIMS) assert.ok(readme.includes(`\`${c.id}\``), `README does not list ${c.id}`);
});

test.run();
