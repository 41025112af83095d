/**
 * `verify --shard i/N` divides work units by estimated cost (a split claim spreads over shards), and
 * `report --merge` of the shards equals the single run (timings aside).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { shardWork } from '../../scripts/lib/select.js';
import { shardPieces } from '../../scripts/lib/shard-units.js';
import { claimById } from '../../theorems/index.js';
import { withoutTimings } from '../helpers.js';

test('shardWork balances pieces by cost, spreads a split item, and covers every piece exactly once', () => {
  const items = ['big', 'a', 'b', 'c'];
  const pieces = (s: string): number[] => (s === 'big' ? [5, 5, 5, 5] : [1]);
  const shards = [1, 2, 3].map((i) => shardWork(items, `${i}/3`, pieces));
  const loads = shards.map((sh) =>
    sh.reduce((sum, s) => sum + (s.pieces ? s.pieces.length * 5 : pieces(s.item).reduce((x, y) => x + y, 0)), 0),
  );
  // greedy largest-first: 5,5,5 to the three shards, the fourth 5 to shard 1, the 1s to the lighter two
  assert.equal(loads, [10, 7, 6]);
  assert.ok(Math.max(...loads) - Math.min(...loads) <= 5, 'within one largest piece');
  const bigPieces = shards.flatMap((sh) => sh.filter((s) => s.item === 'big').flatMap((s) => s.pieces ?? [0, 1, 2, 3]));
  assert.equal(bigPieces.sort(), [0, 1, 2, 3]);
  assert.equal(shards.flatMap((sh) => sh.filter((s) => s.item !== 'big').map((s) => s.item)).sort(), ['a', 'b', 'c']);
  assert.equal(
    shardWork(items, undefined, pieces).map((s) => s.item),
    items,
  );
});

test('the thorough phase diagram is many units, so shards of the thorough budget are even', () => {
  const pieces = shardPieces(claimById('clustering.phase-diagram'), 'thorough');
  assert.ok(pieces.length > 100, `${pieces.length} units`);
  const total = pieces.reduce((s, c) => s + c, 0);
  assert.ok(Math.max(...pieces) < total / 50, 'no unit dominates');
});

const ROOT = new URL('../..', import.meta.url).pathname;
const CLAIMS = 'clustering.phase-diagram,sinkhorn.birkhoff-contraction,energy.extremizers';

function cli(...args: string[]): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.is(r.status, 0, `${args.join(' ')}: ${r.stderr.slice(-2000)}`);
}

test('report --merge of verify --shard 1/2 and 2/2 equals the single run; the split claim is shared', () => {
  const out = mkdtempSync(join(tmpdir(), 'tov-shards-'));
  const verify = ['verify', '--claims', CLAIMS, '--budget', 'quick', '--seed', '5', '--quiet', '--workers', '2'];
  cli(...verify, '--out', join(out, 'full'));
  cli(...verify, '--shard', '1/2', '--out', join(out, 's1'));
  cli(...verify, '--shard', '2/2', '--out', join(out, 's2'));
  cli(
    'report',
    '--merge',
    join(out, 's1', 'report.json'),
    join(out, 's2', 'report.json'),
    '--out',
    join(out, 'merged'),
  );
  const read = (d: string) =>
    JSON.parse(readFileSync(join(out, d, 'report.json'), 'utf8')) as {
      entries: { claim: { id: string }; result: { status: string }; partial?: unknown }[];
    };
  const partials = ['s1', 's2'].map((d) =>
    read(d)
      .entries.filter((e) => e.partial)
      .map((e) => e.claim.id),
  );
  assert.equal(
    partials,
    [['clustering.phase-diagram'], ['clustering.phase-diagram']],
    'both shards run part of the phase diagram',
  );
  const full = read('full');
  const merged = read('merged');
  assert.ok(full.entries.every((e) => e.result.status === 'verified'));
  assert.equal(withoutTimings(merged.entries), withoutTimings(full.entries));
});

test.run();
