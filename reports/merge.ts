/**
 * Merging shard reports (`verify --shard i/N` → `report --merge`): the union of the shards' claims in
 * registry order, the summary recomputed, the environment of the first shard (the shards must agree on
 * backend and implementation; a mismatch is an error, since the merged verdicts would mix two subjects).
 * Shares of one split claim are joined into one partial entry, which scripts/lib/shard-units.ts finishes.
 */
import { CLAIMS } from '../theorems/index.js';
import { summarize, type Report, type ReportEntry } from './schema.js';

/** Two shards' shares of one split claim: their unit results together (same seed and input, or an error). */
function joinPartials(x: ReportEntry, y: ReportEntry): ReportEntry {
  const [p, q] = [x.partial!, y.partial!];
  if (p.seed !== q.seed || JSON.stringify(p.input) !== JSON.stringify(q.input)) {
    throw new Error(
      `cannot merge the shards of '${x.claim.id}': they ran different seeds (${p.seed} and ${q.seed}); pass the same --seed`,
    );
  }
  const parts = [...p.parts, ...q.parts.filter((b) => !p.parts.some((a) => a.index === b.index))].sort(
    (a, b) => a.index - b.index,
  );
  return {
    ...x,
    result: { ...x.result, durationMs: x.result.durationMs + y.result.durationMs },
    partial: { ...p, parts },
  };
}

export function mergeReports(reports: readonly Report[]): Report {
  if (reports.length === 0) throw new Error('report --merge needs at least one report');
  const first = reports[0]!;
  for (const r of reports) {
    if (r.environment.backend !== first.environment.backend)
      throw new Error(
        `cannot merge reports of different backends (${first.environment.backend} and ${r.environment.backend})`,
      );
    if (r.options.impl !== first.options.impl)
      throw new Error(
        `cannot merge reports of different implementations (${first.options.impl} and ${r.options.impl})`,
      );
  }
  const byId = new Map<string, ReportEntry>();
  for (const e of reports.flatMap((r) => r.entries)) {
    const seen = byId.get(e.claim.id);
    byId.set(e.claim.id, seen?.partial && e.partial ? joinPartials(seen, e) : e);
  }
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
