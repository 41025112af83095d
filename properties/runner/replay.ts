/** The replay command of a claim's run: the one command line that reruns it, or replays its counterexample. */
import type { Implementation } from '../../impl/capabilities/index.js';
import { DEFAULT_CALL_TIMEOUT_S } from '../../impl/guard.js';
import type { BudgetName } from '../types.js';

function shellQuote(s: string): string {
  return /^[\w./:@=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The command that reruns this claim with this seed (and path, for a counterexample). */
export function replayCommand(
  claimId: string,
  o: { implSpec?: string; impl: Implementation; backend: string; budget: BudgetName; callTimeoutMs?: number },
  seed: number,
  path?: string,
): string {
  const parts = [
    'npx',
    'transformer-ot-verify',
    'verify',
    '--claims',
    claimId,
    '--impl',
    o.implSpec ?? o.impl.name,
    '--backend',
    o.backend,
    '--budget',
    o.budget,
  ];
  const timeout = o.callTimeoutMs;
  const usual = DEFAULT_CALL_TIMEOUT_S[o.budget] * 1000;
  if (timeout !== undefined && timeout !== usual) parts.push('--call-timeout', String(timeout / 1000));
  if (path !== undefined) parts.push('--replay', `${seed}:${path}`);
  else parts.push('--seed', String(seed));
  return parts.map(shellQuote).join(' ');
}
