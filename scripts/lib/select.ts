/** Claim selection by comma-separated glob patterns ('sinkhorn.*,heat.variance-law'). */
import { UsageError } from '../../impl/errors.js';
import type { Claim } from '../../theorems/types.js';

function globToRegExp(glob: string): RegExp {
  const body = glob.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${body}$`);
}

/** A predicate matching ids against comma-separated globs. */
export function globMatcher(patterns: string): (id: string) => boolean {
  const res = patterns.split(',').map((s) => s.trim()).filter((s) => s.length > 0).map(globToRegExp);
  return (id) => res.some((r) => r.test(id));
}

/** The claims matching any of the patterns, in registry order; a pattern matching nothing is a usage error. */
export function selectClaims(all: readonly Claim[], patterns: string): Claim[] {
  const globs = patterns.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (globs.length === 0) throw new UsageError("'--claims' needs at least one pattern, e.g. 'sinkhorn.*'");
  const res = globs.map(globToRegExp);
  globs.forEach((g, k) => {
    if (!all.some((c) => res[k]!.test(c.id))) throw new UsageError(`no claim matches '${g}'; known claims: ${all.map((c) => c.id).join(', ')}`);
  });
  return all.filter((c) => res.some((r) => r.test(c.id)));
}

/** Deterministic shard i/N of a claim list (round-robin on registry order). */
export function shardOf<T>(items: readonly T[], shard: string | undefined): T[] {
  if (shard === undefined) return [...items];
  const m = /^(\d+)\/(\d+)$/.exec(shard);
  if (!m) throw new UsageError(`'--shard' must look like i/N (1 ≤ i ≤ N), got '${shard}'`);
  const i = Number(m[1]);
  const n = Number(m[2]);
  if (!(n >= 1 && i >= 1 && i <= n)) throw new UsageError(`'--shard' must satisfy 1 ≤ i ≤ N, got '${shard}'`);
  return items.filter((_, k) => k % n === i - 1);
}
