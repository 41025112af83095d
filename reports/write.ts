/** Writes report.json and the renderings into the output directory. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { renderMarkdown } from './markdown.js';
import type { Report } from './schema.js';

/** Write every rendering; returns the written paths (report.md first: what a person opens). */
export async function writeReport(report: Report, outDir: string): Promise<string[]> {
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  const json = join(dir, 'report.json');
  const md = join(dir, 'report.md');
  await writeFile(json, JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 1));
  await writeFile(md, renderMarkdown(report));
  return [md, json];
}
