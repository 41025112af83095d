/**
 * The kill matrix: every catalogued mutant against every selected claim that can see it —
 * the claims sharing a capability with the mutant's expected killers. A cell is 'killed' (violated or
 * error), 'survived', or 'n/a' (the claim cannot observe that capability).
 */
import type { CapabilityName } from '../../impl/capabilities/index.js';
import type { Mutant } from '../../impl/mutants/index.js';
import { propertyFor } from '../../properties/index.js';
import { runClaim } from '../../properties/runner/run-claim.js';
import type { BudgetName } from '../../properties/types.js';
import type { Claim } from '../../theorems/types.js';
import { escapeMarkdownCell } from '../../reports/escape.js';

type Cell = 'killed' | 'survived' | 'n/a';

export interface KillMatrix {
  readonly claims: readonly string[];
  readonly rows: ReadonlyArray<{
    readonly mutant: string;
    readonly description: string;
    readonly cells: readonly Cell[];
    readonly killed: boolean;
    readonly seconds: number;
  }>;
  readonly killRate: number;
}

/** Capabilities a mutant can affect: those required by its expected killers. */
function mutatedCapabilities(m: Mutant, claims: readonly Claim[]): Set<CapabilityName> {
  return new Set(claims.filter((c) => m.expectedKillers.includes(c.id)).flatMap((c) => c.requires));
}

export async function killMatrix(
  mutants: readonly Mutant[],
  allClaims: readonly Claim[],
  selected: readonly Claim[],
  o: {
    backend: string;
    budget: BudgetName;
    seed?: number;
    numRuns?: number;
    callTimeoutMs?: number;
    onCell?: (mutant: string, claim: string) => void;
  },
): Promise<KillMatrix> {
  const rows = [];
  for (const m of mutants) {
    const start = performance.now();
    const caps = mutatedCapabilities(m, allClaims);
    const cells: Cell[] = [];
    for (const c of selected) {
      if (!c.requires.some((r) => caps.has(r)) || c.role !== 'asserted') {
        cells.push('n/a');
        continue;
      }
      o.onCell?.(m.id, c.id);
      const r = await runClaim(c, propertyFor(c.id), {
        impl: m.build(),
        implSpec: m.id,
        backend: o.backend,
        budget: o.budget,
        seed: o.seed ?? 20261122,
        numRuns: o.numRuns,
        callTimeoutMs: o.callTimeoutMs,
        endOnFailure: true,
      });
      cells.push(r.status === 'violated' || r.status === 'error' ? 'killed' : 'survived');
    }
    rows.push({
      mutant: m.id,
      description: m.description,
      cells,
      killed: cells.includes('killed'),
      seconds: (performance.now() - start) / 1000,
    });
  }
  return {
    claims: selected.map((c) => c.id),
    rows,
    killRate: rows.length === 0 ? 1 : rows.filter((r) => r.killed).length / rows.length,
  };
}

/** The matrix as Markdown: ✗ killed, · survived, blank n/a; claims that kill nothing are dropped from the columns. */
export function renderKillMatrix(k: KillMatrix): string {
  const used = k.claims
    .map((_, j) => k.rows.some((r) => r.cells[j] !== 'n/a'))
    .map((u, j) => (u ? j : -1))
    .filter((j) => j >= 0);
  const head = `| mutant | killed | ${used.map((j) => `\`${k.claims[j]}\``).join(' | ')} |`;
  const sep = `|---|---|${used.map(() => ':-:').join('|')}|`;
  const body = k.rows.map(
    (r) =>
      `| \`${r.mutant}\` — ${escapeMarkdownCell(r.description)} | ${r.killed ? 'yes' : '**NO**'} | ${used.map((j) => ({ killed: '✗', survived: '·', 'n/a': '' })[r.cells[j]!]).join(' | ')} |`,
  );
  const killed = k.rows.filter((r) => r.killed).length;
  const seconds = k.rows.reduce((a, r) => a + r.seconds, 0);
  return [
    head,
    sep,
    ...body,
    '',
    `Kill rate: ${killed}/${k.rows.length} = ${(100 * k.killRate).toFixed(1)}% (✗ killed, · survived, blank: the claim cannot observe that capability); ${seconds.toFixed(0)} s in all.`,
  ].join('\n');
}
