/**
 * Regenerates the README's claims table (between <!-- claims:start --> and <!-- claims:end -->) from the
 * registry and, when given, the statuses of a report.json:
 *   npx tsx scripts/readme-claims.ts [reports/out/report.json]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { escapeMarkdownCell } from '../reports/escape.js';
import { parseReport } from '../reports/schema.js';
import { CLAIMS } from '../theorems/index.js';

const file = new URL('../README.md', import.meta.url);
const reportPath = process.argv[2] ?? 'reports/out/report.json';
const status = new Map<string, string>();
if (existsSync(reportPath)) {
  const report = parseReport(readFileSync(reportPath, 'utf8'), reportPath);
  for (const e of report.entries) status.set(e.claim.id, `${e.result.status} (${e.result.instances} inst.)`);
}
const esc = escapeMarkdownCell;
const rows = CLAIMS.map((c) => {
  const s = c.sources[0]!;
  return `| \`${c.id}\` | ${esc(c.title)} | ${esc(`${s.work}${s.arxiv ? ` (arXiv ${s.arxiv})` : ''}`)} | ${esc(s.locator)} | ${s.tag} | ${c.kind}${c.role !== 'asserted' ? `, ${c.role}` : ''} | ${status.get(c.id) ?? '—'} |`;
});
const table = ['| claim | what | source | theorem / equation | tag | kind | status (last run) |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
const readme = readFileSync(file, 'utf8');
const start = '<!-- claims:start -->';
const end = '<!-- claims:end -->';
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i < 0 || j < 0) throw new Error('README.md has no claims markers');
writeFileSync(file, `${readme.slice(0, i + start.length)}\n${table}\n${readme.slice(j)}`);
console.log(`README claims table: ${CLAIMS.length} claims${status.size > 0 ? `, statuses from ${reportPath}` : ''}`);
