/**
 * The exit code of a run (docs/verdicts.md): 0 only when the run finished and every selected asserted
 * claim is verified or skipped with its reason; 1 otherwise. An inconclusive claim (time budget ended
 * before the first run, a rate fit that could not decide) was not verified and fails the run unless
 * `--allow-inconclusive`; `--strict` also fails on skipped claims. Claims that are not asserted
 * (exploratory, negative controls) end 'reported' and never decide the exit code; nor does a shard's partial
 * share of a split claim, which `report --merge` finishes and judges.
 */
import type { Report } from '../../reports/schema.js';

export interface ExitPolicy {
  /** Exit 0 despite inconclusive claims (never despite violated, error or an unfinished run). */
  readonly allowInconclusive?: boolean;
  /** Fail on skipped claims too: every selected asserted claim must be verified. */
  readonly strict?: boolean;
}

export function exitCodeOf(report: Report, policy: ExitPolicy = {}): 0 | 1 {
  const s = report.summary;
  if (report.interrupted || (report.notReached?.length ?? 0) > 0) return 1;
  if (s.violated > 0 || s.error > 0) return 1;
  // a shard's share of a split claim is inconclusive until `report --merge` decides it: not this run's verdict
  const partial = (report.entries ?? []).filter((e) => e.partial && e.result.status === 'inconclusive').length;
  if (s.inconclusive - partial > 0 && !policy.allowInconclusive) return 1;
  if (s.skipped > 0 && policy.strict) return 1;
  return 0;
}
