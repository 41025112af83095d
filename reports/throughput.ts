/**
 * Claim throughput: instances verified per second per claim, from a claim result's
 * `instances` and `durationMs`. Pure functions, no I/O: the report renderers show them.
 */

/** The fields of a ClaimResult this module reads. */
export interface ThroughputInput {
  readonly claimId: string;
  readonly status: string;
  readonly instances: number;
  readonly durationMs: number;
}

export interface ClaimThroughput {
  readonly claimId: string;
  readonly status: string;
  readonly instances: number;
  readonly seconds: number;
  /** Instances per second; null when nothing ran (0 instances or 0 ms). */
  readonly instancesPerSecond: number | null;
}

/** Instances per second of one claim result (null when it checked nothing or took no time). */
export function instancesPerSecond(r: Pick<ThroughputInput, 'instances' | 'durationMs'>): number | null {
  if (!(r.instances > 0) || !(r.durationMs > 0) || !Number.isFinite(r.durationMs)) return null;
  return r.instances / (r.durationMs / 1000);
}

/** Per-claim throughput rows, slowest claim (most seconds) first, plus the totals. */
export function claimThroughput(results: readonly ThroughputInput[]): {
  readonly rows: readonly ClaimThroughput[];
  readonly totalSeconds: number;
  readonly totalInstances: number;
  readonly instancesPerSecond: number | null;
} {
  const rows = results
    .map((r) => ({
      claimId: r.claimId,
      status: r.status,
      instances: r.instances,
      seconds: r.durationMs / 1000,
      instancesPerSecond: instancesPerSecond(r),
    }))
    .sort((x, y) => y.seconds - x.seconds);
  const totalSeconds = rows.reduce((s, r) => s + r.seconds, 0);
  const totalInstances = rows.reduce((s, r) => s + r.instances, 0);
  return {
    rows,
    totalSeconds,
    totalInstances,
    instancesPerSecond: instancesPerSecond({ instances: totalInstances, durationMs: totalSeconds * 1000 }),
  };
}

/** "1.23k/s"-style text for a table cell; "—" when undefined. */
export function formatRate(perSecond: number | null): string {
  if (perSecond === null) return '—';
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)}M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(2)}k/s`;
  if (perSecond >= 10) return `${perSecond.toFixed(0)}/s`;
  return `${perSecond.toFixed(2)}/s`;
}
