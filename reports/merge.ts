/**
 * Merging shard reports (`verify --shard i/N` → `report --merge`): the union of the shards' claims in
 * registry order, the summary recomputed, the environment of the first shard (the shards must agree on
 * backend and implementation; a mismatch is an error, since the merged verdicts would mix two subjects).
 */
import { CLAIMS } from '../theorems/index.js';
import { summarize, type Report } from './schema.js';

export function mergeReports(reports: readonly Report[]): Report {
  if (reports.length === 0) throw new Error('report --merge needs at least one report');
  const first = reports[0]!;
  for (const r of reports) {
    if (r.environment.backend !== first.environment.backend) throw new Error(`cannot merge reports of different backends (${first.environment.backend} and ${r.environment.backend})`);
    if (r.options.impl !== first.options.impl) throw new Error(`cannot merge reports of different implementations (${first.options.impl} and ${r.options.impl})`);
  }
  const byId = new Map(reports.flatMap((r) => r.entries).map((e) => [e.claim.id, e] as const));
  const order = (id: string): number => {
    const k = CLAIMS.findIndex((c) => c.id === id);
    return k < 0 ? Number.MAX_SAFE_INTEGER : k;
  };
  const entries = [...byId.values()].sort((x, y) => order(x.claim.id) - order(y.claim.id));
  const durationMs = reports.reduce((s, r) => s + r.summary.durationMs, 0);
  const done = new Set(entries.map((e) => e.claim.id));
  const notReached = [...new Set(reports.flatMap((r) => r.notReached ?? []))].filter((id) => !done.has(id));
  const stopped = reports.filter((r) => r.interrupted).map((r) => r.interruption ?? 'interrupted');
  return {
    ...first,
    createdAt: new Date().toISOString(),
    command: `merge of ${reports.length} reports: ${reports.map((r) => r.command).join(' ; ')}`,
    options: { ...first.options, claims: reports.map((r) => r.options.claims).join(' + ') },
    summary: summarize(entries, durationMs),
    entries,
    // a shard that did not finish leaves the merged report partial too
    interrupted: stopped.length > 0,
    ...(stopped.length > 0 ? { interruption: [...new Set(stopped)].join('; ') } : {}),
    notReached,
  };
}
