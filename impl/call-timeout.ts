/**
 * Default per-call timeout of the call guard (impl/guard.ts, `--call-timeout`), per run budget: the
 * slowest call of the clean implementations grows with the budget's problem sizes and horizons. Sized
 * from the slowest clean call measured on the 2-core CI machine under load (docs/verdicts.md,
 * "Call timeout"): quick 4.4 s, ci 73 s, thorough 311 s; each default leaves a margin of six or more
 * over that, while a hang still ends its claim in bounded time.
 */
import type { BudgetName } from '../properties/types.js';

export const DEFAULT_CALL_TIMEOUT_S: Readonly<Record<BudgetName, number>> = { quick: 120, ci: 600, thorough: 1800 };
