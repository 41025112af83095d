/**
 * `npm run readme`: regenerates the README's claims table from the registry and, when given, the statuses of a
 * report.json:
 *   npx tsx scripts/readme-claims.ts [reports/out/report.json]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { packageFile } from '../impl/package-root.js';
import { parseReport } from '../reports/schema.js';
import { CLAIMS } from '../theorems/index.js';
import { claimRows, withClaimsTable } from './lib/readme-table.js';

const file = packageFile('README.md');
const reportPath = process.argv[2] ?? 'reports/out/report.json';
const status = new Map<string, string>();
if (existsSync(reportPath)) {
  const report = parseReport(readFileSync(reportPath, 'utf8'), reportPath);
  for (const e of report.entries) status.set(e.claim.id, `${e.result.status} (${e.result.instances} inst.)`);
}
writeFileSync(file, withClaimsTable(readFileSync(file, 'utf8'), claimRows(CLAIMS, status)));
console.log(`README claims table: ${CLAIMS.length} claims${status.size > 0 ? `, statuses from ${reportPath}` : ''}`);
