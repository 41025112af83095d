/**
 * The kill-matrix Markdown (scripts/lib/kill-matrix.ts): one cell per claim on every row, even when a mutant's
 * description contains a pipe (|x − y|²), and the kill rate and total time in the last line.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderKillMatrix, type KillMatrix } from '../../scripts/lib/kill-matrix.js';

const cells = (line: string): number => line.replace(/\\\|/g, '').split('|').length;

test('a pipe in a description does not add a column; rate and time are stated', () => {
  const k: KillMatrix = {
    claims: ['a.one', 'a.two', 'b.three'],
    rows: [
      {
        mutant: 'a.m1',
        description: 'cost |x−y|² in place of ½|x−y|²',
        cells: ['killed', 'survived', 'n/a'],
        killed: true,
        seconds: 1.5,
      },
      { mutant: 'a.m2', description: 'plain', cells: ['survived', 'survived', 'n/a'], killed: false, seconds: 2 },
    ],
    killRate: 0.5,
  };
  const md = renderKillMatrix(k);
  const rows = md.split('\n').filter((l) => l.startsWith('|'));
  assert.is(rows.length, 4);
  for (const r of rows) assert.is(cells(r), cells(rows[0]!), r);
  assert.ok(rows[0]!.includes('`a.one`') && rows[0]!.includes('`a.two`'));
  assert.not.ok(rows[0]!.includes('b.three'), 'a claim that observes no mutant is dropped');
  assert.ok(rows[2]!.includes('\\|x−y\\|²'), rows[2]);
  assert.match(rows[3]!, /\*\*NO\*\*/);
  assert.match(md, /Kill rate: 1\/2 = 50\.0%.*; 4 s in all\./);
});

test.run();
