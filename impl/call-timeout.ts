/**
 * Default per-call timeout in seconds (`--call-timeout`) of the call guard (impl/guard.ts). Sized from
 * the slowest clean call measured at the thorough budget (docs/verdicts.md, "Call timeout"), with a
 * wide margin for slower machines and backends, while still ending a hang within minutes.
 */
export const DEFAULT_CALL_TIMEOUT_S = 120;
