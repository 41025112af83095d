/** The README's claims table lists every registered claim with its current registry columns (`npm run readme`). */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { claimRows, readmeRows, registryCells } from '../../scripts/lib/readme-table.js';
import { CLAIMS } from '../../theorems/index.js';

test('the README claims table has not drifted from the registry (run `npm run readme`)', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const expected = claimRows(CLAIMS, new Map()).map(registryCells);
  const actual = readmeRows(readme).map(registryCells);
  assert.ok(expected.length === CLAIMS.length && CLAIMS.length > 0);
  assert.equal(actual, expected);
});

test.run();
