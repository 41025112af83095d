/** The machine and tool description written into every report. */
import { readFileSync } from 'node:fs';
import { packageFile } from '../../impl/package-root.js';
import { cpus } from 'node:os';
import type { BackendInfo } from '../../impl/backend.js';
import type { ReportEnvironment } from '../../reports/schema.js';

export function toolVersion(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

export function environmentOf(backend: BackendInfo): ReportEnvironment {
  const c = cpus();
  return {
    backend: backend.name,
    backendNotes: backend.notes,
    ...(backend.adapter ? { adapter: backend.adapter } : {}),
    tfjsVersion: backend.tfjsVersion,
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: c.length,
    cpuModel: c[0]?.model.trim() ?? 'unknown',
  };
}
