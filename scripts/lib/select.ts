/** Claim selection by comma-separated glob patterns ('sinkhorn.*,heat.variance-law'). */
import { UsageError } from '../../impl/errors.js';
import type { Claim } from '../../theorems/types.js';

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/** A predicate matching ids against comma-separated globs. */
export function globMatcher(patterns: string): (id: string) => boolean {
  const res = patterns
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(globToRegExp);
  return (id) => res.some((r) => r.test(id));
}

/** The claims matching any of the patterns, in registry order; a pattern matching nothing is a usage error. */
export function selectClaims(all: readonly Claim[], patterns: string): Claim[] {
  const globs = patterns
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (globs.length === 0) throw new UsageError("'--claims' needs at least one pattern, e.g. 'sinkhorn.*'");
  const res = globs.map(globToRegExp);
  globs.forEach((g, k) => {
    if (!all.some((c) => res[k]!.test(c.id)))
      throw new UsageError(`no claim matches '${g}'; known claims: ${all.map((c) => c.id).join(', ')}`);
  });
  return all.filter((c) => res.some((r) => r.test(c.id)));
}

/** The parsed `--shard i/N`: shard index i (1-based) of N. */
export function parseShard(shard: string): { i: number; n: number } {
  const m = /^(\d+)\/(\d+)$/.exec(shard);
  if (!m) throw new UsageError(`'--shard' must look like i/N (1 ≤ i ≤ N), got '${shard}'`);
  const i = Number(m[1]);
  const n = Number(m[2]);
  if (!(n >= 1 && i >= 1 && i <= n)) throw new UsageError(`'--shard' must satisfy 1 ≤ i ≤ N, got '${shard}'`);
  return { i, n };
}

/** One item's share in a shard: the whole item (`pieces` undefined) or some of its pieces (indices). */
export interface ShardShare<T> {
  readonly item: T;
  readonly pieces?: readonly number[];
}

/**
 * Deterministic shard i/N of a work list, balanced by estimated cost: `pieces(item)` gives the costs of the
 * item's independent pieces (one cost: indivisible). Every piece goes, largest first, to the shard with the
 * least work so far (ties: the lowest shard, then registry order), so one large split item spreads over the
 * shards. Returned in the items' order; an item whose pieces all land in this shard comes back whole.
 */
export function shardWork<T>(
  items: readonly T[],
  shard: string | undefined,
  pieces: (item: T) => readonly number[],
): ShardShare<T>[] {
  if (shard === undefined) return items.map((item) => ({ item }));
  const { i, n } = parseShard(shard);
  const all = items.flatMap((item, k) => {
    const costs = pieces(item);
    return costs.map((cost, p) => ({ k, p, cost, of: costs.length }));
  });
  all.sort((x, y) => y.cost - x.cost || x.k - y.k || x.p - y.p);
  const load = new Array<number>(n).fill(0);
  const mine = new Map<number, number[]>();
  for (const piece of all) {
    let best = 0;
    for (let s = 1; s < n; s++) if (load[s]! < load[best]!) best = s;
    load[best] = load[best]! + piece.cost;
    if (best === i - 1) mine.set(piece.k, [...(mine.get(piece.k) ?? []), piece.p]);
  }
  return items.flatMap((item, k) => {
    const got = mine.get(k);
    if (!got) return [];
    return got.length === pieces(item).length ? [{ item }] : [{ item, pieces: got.sort((x, y) => x - y) }];
  });
}

/** Deterministic shard i/N of a list by count (round-robin on registry order). */
export function shardOf<T>(items: readonly T[], shard: string | undefined): T[] {
  if (shard === undefined) return [...items];
  const { i, n } = parseShard(shard);
  return items.filter((_, k) => k % n === i - 1);
}
