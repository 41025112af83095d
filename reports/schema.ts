/**
 * report.json: the versioned schema every renderer (Markdown, HTML, JUnit, terminal) reads.
 * Bump REPORT_SCHEMA_VERSION on any change; parseReport reads every version back to 1.
 * Version 2 adds `interrupted`, `interruption` and `notReached` (a partial report of a run that did not
 * finish); a version-1 report reads as a finished run.
 */
import type { ClaimResult } from '../properties/runner/run-claim.js';
import type { Claim } from '../theorems/types.js';

export const REPORT_SCHEMA = 'transformer-ot-verify/report';
export const REPORT_SCHEMA_VERSION = 2;

export interface ReportEnvironment {
  readonly backend: string;
  readonly backendNotes: readonly string[];
  /** webgpu only: the adapter (vendor, architecture, device, description, software or not). */
  readonly adapter?: {
    readonly vendor: string;
    readonly architecture: string;
    readonly device: string;
    readonly description: string;
    readonly software: boolean;
  };
  readonly tfjsVersion: string;
  readonly node: string;
  readonly platform: string;
  readonly arch: string;
  readonly cpus: number;
  readonly cpuModel: string;
}

interface ReportOptions {
  readonly claims: string;
  readonly impl: string;
  readonly budget: string;
  readonly seed?: number;
  readonly runs?: number;
  readonly timeBudgetSeconds?: number;
  readonly callTimeoutSeconds?: number;
  readonly replay?: string;
}

export interface ReportSummary {
  readonly claims: number;
  readonly verified: number;
  readonly violated: number;
  readonly inconclusive: number;
  readonly error: number;
  readonly skipped: number;
  readonly reported: number;
  readonly instances: number;
  readonly durationMs: number;
}

export interface ReportEntry {
  readonly claim: Claim;
  readonly result: ClaimResult;
  /** A shard's share of a split claim (`verify --shard`): its work units' results, finished by `report --merge`. */
  readonly partial?: PartialWork;
}

/** Results of some work units of a split claim, for its first input. */
export interface PartialWork {
  readonly seed: number;
  /** The input the units ran on (JSON-safe). */
  readonly input: unknown;
  /** How many units the claim has in all. */
  readonly units: number;
  readonly parts: ReadonlyArray<{ readonly index: number; readonly result: unknown }>;
}

export interface Report {
  readonly schema: typeof REPORT_SCHEMA;
  readonly schemaVersion: number;
  readonly tool: { readonly name: string; readonly version: string };
  readonly createdAt: string;
  readonly command: string;
  readonly environment: ReportEnvironment;
  readonly options: ReportOptions;
  readonly summary: ReportSummary;
  readonly entries: readonly ReportEntry[];
  /** True when the run did not finish: the entries are the claims that ended before it stopped. */
  readonly interrupted?: boolean;
  /** Why the run stopped ('SIGINT', 'SIGTERM', 'crash: …', 'running' while it is still going). */
  readonly interruption?: string;
  /** The selected claims that were not reached (in run order). */
  readonly notReached?: readonly string[];
}

/** Tally of statuses and totals. */
export function summarize(entries: readonly ReportEntry[], durationMs: number): ReportSummary {
  const count = (s: string): number => entries.filter((e) => e.result.status === s).length;
  return {
    claims: entries.length,
    verified: count('verified'),
    violated: count('violated'),
    inconclusive: count('inconclusive'),
    error: count('error'),
    skipped: count('skipped'),
    reported: count('reported'),
    instances: entries.reduce((s, e) => s + e.result.instances, 0),
    durationMs,
  };
}

/** Read and check a saved report. */
export function parseReport(text: string, source = 'report'): Report {
  const special: Record<string, number> = { Infinity: Infinity, '-Infinity': -Infinity, NaN: NaN };
  const r = JSON.parse(text, (_k, v: unknown) =>
    typeof v === 'string' && v in special ? special[v] : v,
  ) as Partial<Report>;
  if (r.schema !== REPORT_SCHEMA)
    throw new Error(`${source} is not a transformer-ot-verify report (schema '${String(r.schema)}')`);
  const v = r.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > REPORT_SCHEMA_VERSION) {
    throw new Error(
      `${source} has schema version ${String(v)}; this tool reads versions 1 to ${REPORT_SCHEMA_VERSION}`,
    );
  }
  if (!Array.isArray(r.entries) || typeof r.summary !== 'object' || r.summary === null)
    throw new Error(`${source} has no entries or summary`);
  return { ...r, interrupted: r.interrupted ?? false, notReached: r.notReached ?? [] } as Report;
}
