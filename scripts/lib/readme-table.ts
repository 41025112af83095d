/**
 * The README's claims table (between <!-- claims:start --> and <!-- claims:end -->), generated from the claim
 * registry and, when given, the statuses of a report. The registry columns are checked for drift by a test.
 */
import { escapeMarkdownCell as esc } from '../../reports/escape.js';
import type { Claim } from '../../theorems/types.js';

const TABLE_START = '<!-- claims:start -->';
const TABLE_END = '<!-- claims:end -->';
const HEADER = [
  '| claim | what | source | theorem / equation | tag | kind | status (last run) |',
  '|---|---|---|---|---|---|---|',
];

/** One row per claim; `status` maps a claim id to its last-run status cell. */
export function claimRows(claims: readonly Claim[], status: ReadonlyMap<string, string>): string[] {
  return claims.map((c) => {
    const s = c.sources[0]!;
    const work = `${s.work}${s.arxiv ? ` (arXiv ${s.arxiv})` : ''}`;
    const kind = `${c.kind}${c.role !== 'asserted' ? `, ${c.role}` : ''}`;
    return `| \`${c.id}\` | ${esc(c.title)} | ${esc(work)} | ${esc(s.locator)} | ${s.tag} | ${kind} | ${status.get(c.id) ?? '—'} |`;
  });
}

/** The README with its claims table replaced. */
export function withClaimsTable(readme: string, rows: readonly string[]): string {
  const i = readme.indexOf(TABLE_START);
  const j = readme.indexOf(TABLE_END);
  if (i < 0 || j < 0) throw new Error('README.md has no claims markers');
  return `${readme.slice(0, i + TABLE_START.length)}\n${[...HEADER, ...rows].join('\n')}\n${readme.slice(j)}`;
}

/** The table's rows as the README has them now. */
export function readmeRows(readme: string): string[] {
  const i = readme.indexOf(TABLE_START);
  const j = readme.indexOf(TABLE_END);
  if (i < 0 || j < 0) return [];
  return readme
    .slice(i + TABLE_START.length, j)
    .split('\n')
    .filter((l) => l.startsWith('| `'));
}

/** A row without its last (status) cell, for drift checks that must not depend on the last run. */
export function registryCells(row: string): string {
  return row.replace(/\|[^|]*\|\s*$/, '|');
}
