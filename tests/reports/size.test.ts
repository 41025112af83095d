/**
 * Report size at the thorough budget: report.html stays under 5 MB (series thinned, heatmaps coarsened and check
 * samples bounded for drawing; report.json keeps the full data).
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeReport } from '../../reports/write.js';
import { fixtureReport } from './fixture.js';
import { thoroughScale } from './thorough-scale.js';

const LIMIT = 5 * 1024 * 1024;

test('a thorough-scale report (Figure 3 at full resolution, long series) writes report.html under 5 MB', async () => {
  const report = thoroughScale(fixtureReport());
  const dir = mkdtempSync(join(tmpdir(), 'tov-size-'));
  const [html, , , json] = await writeReport(report, dir, { coverage: false });
  const [h, j] = [statSync(html!).size, statSync(json!).size];
  assert.ok(h < LIMIT, `report.html ${h} bytes`);
  assert.ok(j > h / 4, 'report.json keeps the full data');
  // the full-resolution heatmap is drawn coarser, and says so
  const { readFileSync } = await import('node:fs');
  assert.match(
    readFileSync(html!, 'utf8'),
    /Drawn at 38 × 30 cells, each the mean of neighbouring grid cells \(13590 cells/,
  );
  console.log(
    `  thorough-scale fixture: report.html ${(h / 1e6).toFixed(2)} MB, report.json ${(j / 1e6).toFixed(2)} MB`,
  );
});

test.run();
