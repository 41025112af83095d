/** The claim and result records of the fixture report: a complete record of each, and a check sample. */
import type { CheckSample } from '../../properties/runner/check-sample.js';
import type { ClaimResult } from '../../properties/runner/run-claim.js';
import type { Claim } from '../../theorems/types.js';

/** A complete claim record with the given id, overridden by `over`. */
export function claim(id: string, over: Partial<Claim> = {}): Claim {
  return {
    id,
    family: id.split('.')[0]!,
    title: `Title of ${id}`,
    kind: 'bound',
    role: 'asserted',
    sources: [{ work: 'Peyré & Cuturi 2019', arxiv: '1803.00567', locator: 'Thm 4.1', tag: 'paper' }],
    statement:
      "For $K=e^{-C/\\varepsilon}\\in\\mathbb R^{n\\times m}_{++}$: $d_H(Kv,Kv') \\le \\kappa(K)\\,d_H(v,v')$ with $\\kappa=\\tanh(\\Delta/4)$.",
    hypotheses: 'n ∈ [2, 16]; ε log-uniform in [0.1, 2].',
    verdictRule: 'Violated if measured > bound + 4δ.',
    requires: ['sinkhorn'],
    ...over,
  };
}

/** A check sample as the runner keeps it: measured / bound per n bin, with the tolerance band. */
const ratioSample: CheckSample = {
  scale: 'ratio',
  relation: '<=',
  by: 'n',
  band: 1e-3,
  groups: [
    {
      label: '[2, 4)',
      count: 5,
      zeros: 0,
      nonFinite: 0,
      points: [
        [0.1, 0.2],
        [0.3, 0.4],
        [0.5, 0.6],
        [0.8, 0.8],
        [0.95, 1],
      ],
    },
    {
      label: '[4, 8)',
      count: 7,
      zeros: 1,
      nonFinite: 0,
      points: [
        [0.05, 2 / 7],
        [0.2, 4 / 7],
        [0.6, 1],
      ],
    },
  ],
};

/** A verified result of the claim, overridden by `over`. */
export function result(claimId: string, over: Partial<ClaimResult> = {}): ClaimResult {
  return {
    claimId,
    status: 'verified',
    reason: 'all 12 instances satisfied the claim within the analysed tolerance',
    impl: 'tfjs',
    backend: 'wasm',
    budget: 'quick',
    seed: 42,
    runs: 4,
    instances: 12,
    interrupted: false,
    replay: `npx transformer-ot-verify verify --claims ${claimId} --impl tfjs --backend wasm --budget quick --seed 42`,
    quantities: [
      {
        quantity: 'd_H(Kv,Kv′) ≤ κ·d_H(v,v′)',
        relation: '<=',
        count: 12,
        failures: 0,
        measured: { min: 0.01, p50: 0.2, p90: 0.5, p99: 0.6, max: 0.61 },
        bound: { min: 0.1, p50: 0.4, p90: 0.9, p99: 1, max: 1.2 },
        ratio: { min: 0.1, p50: 0.5, p90: 0.8, p99: 0.9, max: 0.95 },
        ratioCount: 12,
        worstMargin: 0.01,
        sample: ratioSample,
      },
    ],
    coverage: {
      n: [
        { label: '[2, 4)', count: 5 },
        { label: '[4, 8)', count: 7 },
      ],
      cost: [
        { label: 'uniform', count: 9 },
        { label: 'sqeuclid', count: 3 },
      ],
    },
    rates: [],
    proportions: [],
    tables: [],
    series: [],
    durationMs: 123,
    tensorLeak: 0,
    ...over,
  };
}
