/**
 * Comparing two reports (`report --compare old.json new.json`, and `verify --baseline`): claims whose
 * status changed, and fitted rates whose new estimate left the old 95% interval. A regression is a
 * claim that was verified and is now violated or errored, or a rate that left its interval.
 */
import { num } from './format.js';
import type { Report } from './schema.js';

type ChangeKind = 'regression' | 'improvement' | 'status-changed' | 'rate-moved' | 'added' | 'removed';

interface Change {
  readonly claimId: string;
  readonly kind: ChangeKind;
  readonly oldStatus?: string;
  readonly newStatus?: string;
  /** What changed, in words (rate name, estimate, old interval). */
  readonly detail: string;
  /** Counts towards the exit code. */
  readonly regression: boolean;
}

export interface Comparison {
  readonly changes: readonly Change[];
  readonly regressions: number;
  /** Claims present in both reports. */
  readonly compared: number;
}

const BROKEN = new Set(['violated', 'error']);
const GOOD = new Set(['verified', 'reported']);

/** Compare two reports claim by claim. */
export function compareReports(oldReport: Report, newReport: Report): Comparison {
  const oldById = new Map(oldReport.entries.map((e) => [e.claim.id, e.result]));
  const newById = new Map(newReport.entries.map((e) => [e.claim.id, e.result]));
  const changes: Change[] = [];
  let compared = 0;
  for (const [id, n] of newById) {
    const o = oldById.get(id);
    if (!o) {
      changes.push({
        claimId: id,
        kind: 'added',
        newStatus: n.status,
        detail: 'not in the old report',
        regression: false,
      });
      continue;
    }
    compared++;
    if (o.status !== n.status) {
      const regression = o.status === 'verified' && BROKEN.has(n.status);
      const improvement = BROKEN.has(o.status) && GOOD.has(n.status);
      changes.push({
        claimId: id,
        kind: regression ? 'regression' : improvement ? 'improvement' : 'status-changed',
        oldStatus: o.status,
        newStatus: n.status,
        detail: regression ? n.reason : `${o.status} → ${n.status}`,
        regression,
      });
    }
    for (const rate of n.rates) {
      const before = o.rates.find((r) => r.name === rate.name);
      if (!before) continue;
      const [lo, hi] = before.ci95;
      const outside = !(rate.estimate >= lo && rate.estimate <= hi);
      if (outside) {
        changes.push({
          claimId: id,
          kind: 'rate-moved',
          oldStatus: o.status,
          newStatus: n.status,
          detail: `${rate.name}: ${num(rate.estimate)} outside the old 95% interval [${num(lo)}, ${num(hi)}] (old estimate ${num(before.estimate)})`,
          regression: true,
        });
      }
    }
  }
  for (const [id, o] of oldById) {
    if (!newById.has(id))
      changes.push({
        claimId: id,
        kind: 'removed',
        oldStatus: o.status,
        detail: 'not in the new report',
        regression: false,
      });
  }
  return { changes, regressions: changes.filter((c) => c.regression).length, compared };
}

/** The comparison as a plain-text table (for the terminal). */
export function renderComparison(c: Comparison, oldName = 'old', newName = 'new'): string {
  if (c.changes.length === 0)
    return `${c.compared} claims compared (${oldName} → ${newName}): no status change, every fitted rate inside its old 95% interval.`;
  const rows = c.changes.map((ch) => [
    ch.regression ? 'REGRESSION' : ch.kind,
    ch.claimId,
    ch.oldStatus ?? '—',
    ch.newStatus ?? '—',
    ch.detail,
  ]);
  const header = [
    'change',
    'claim',
    oldName.length < 14 ? oldName : 'old',
    newName.length < 14 ? newName : 'new',
    'detail',
  ];
  const widths = header.map((h, k) =>
    k === header.length - 1 ? 0 : Math.max(h.length, ...rows.map((r) => r[k]!.length)),
  );
  const line = (r: readonly string[]): string =>
    r.map((cell, k) => (k === r.length - 1 ? cell : cell.padEnd(widths[k]!))).join('  ');
  return [
    line(header),
    line(widths.map((w, k) => '-'.repeat(k === widths.length - 1 ? 6 : w))),
    ...rows.map(line),
    '',
    `${c.compared} claims compared (${oldName} → ${newName}): ${c.changes.length} change(s), ${c.regressions} regression(s).`,
  ].join('\n');
}
