/**
 * A synthetic report.json covering every status, every figure type, empty and broken plot data, rates,
 * proportions, coverage bins and hostile text (HTML/XML metacharacters) — the renderers' test input.
 */
import type { CheckSample } from '../../properties/runner/check-sample.js';
import type { ClaimResult } from '../../properties/runner/run-claim.js';
import type { Series } from '../../properties/types.js';
import {
  REPORT_SCHEMA,
  REPORT_SCHEMA_VERSION,
  summarize,
  type Report,
  type ReportEntry,
} from '../../reports/schema.js';
import type { Claim } from '../../theorems/types.js';

function claim(id: string, over: Partial<Claim> = {}): Claim {
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

function result(claimId: string, over: Partial<ClaimResult> = {}): ClaimResult {
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

const geometric = (r: number, n: number, c = 1): Array<[number, number]> =>
  Array.from({ length: n }, (_, l) => [l, c * r ** l]);

const convergenceSeries: Series[] = [
  {
    name: 'd_H(v_ℓ, v*) — n=2, ε=1',
    x: 'iteration ℓ',
    y: 'd_H',
    points: geometric(0.4, 12),
    role: 'measured',
    logY: true,
    group: 'convergence',
  },
  {
    name: 'κ^{2ℓ}·d_H(v_0, v*) — n=2, ε=1',
    x: 'iteration ℓ',
    y: 'd_H',
    points: geometric(0.5, 12),
    role: 'theory',
    logY: true,
    group: 'convergence',
  },
  {
    name: 'd_H(v_ℓ, v*) — n=4, ε=0.5',
    x: 'iteration ℓ',
    y: 'd_H',
    points: [...geometric(0.7, 20, 2), [20, 0]],
    role: 'measured',
    logY: true,
    group: 'convergence',
  },
];

/** Γ∞-like curve and a logistic P(t, β) around it. */
function phaseFigure(): Record<string, unknown> {
  const ts = Array.from({ length: 31 }, (_, k) => k * 0.5);
  const betas = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  const tStar = (b: number): number => 1 + 0.9 * b;
  const cells = betas.flatMap((b) => ts.map((t) => ({ x: t, y: b, value: 1 / (1 + Math.exp(-3 * (t - tStar(b)))) })));
  return {
    type: 'phase-diagram',
    x: 'time t',
    y: 'β',
    value: 'P(⟨x₁,x₂⟩ ≥ 1−δ)',
    cells,
    curve: { name: 'Γ∞ from (6.9)', points: betas.map((b) => [tStar(b), b]) },
    measured: { name: '0.5-crossing', points: betas.map((b) => [tStar(b) + 0.1, b]) },
    caption: 'The estimate should switch from 0 to 1 across the red curve.',
  };
}

/** The fixture report: one entry per status and per plot kind. */
export function fixtureReport(): Report {
  const entries: ReportEntry[] = [
    {
      claim: claim('sinkhorn.franklin-lorenz-rate', { kind: 'rate', title: 'Franklin–Lorenz rate' }),
      result: result('sinkhorn.franklin-lorenz-rate', {
        series: convergenceSeries,
        rates: [
          {
            name: 'per-iteration rate of d_H',
            estimate: 0.41,
            ci95: [0.38, 0.44],
            theory: [0, 0.5],
            method: 'OLS on log d_H vs ℓ, t-interval',
            ladder: [1, 2, 4, 8],
            verdict: 'consistent',
          },
        ],
        tables: [
          {
            title: 'Fitted per-iteration rate',
            columns: ['instance', 'rate', 'κ²'],
            rows: [
              [0, 0.41, 0.5],
              [1, 0.69, 0.72],
            ],
          },
        ],
      }),
    },
    {
      claim: claim('sinkhorn.birkhoff-contraction', { title: 'Birkhoff <script>alert("x")</script> & co' }),
      result: result('sinkhorn.birkhoff-contraction', {
        status: 'violated',
        reason: '1 measurement(s) broke the claim; worst: d_H <= 0.5 & "quoted" <tag>',
        path: '3:0:1',
        replay:
          'npx transformer-ot-verify verify --claims sinkhorn.birkhoff-contraction --impl sinkhorn.sign-flip --backend wasm --budget quick --replay 42:3:0:1',
        counterexample: {
          input: {
            n: 2,
            note: '</pre><script>alert(1)</script>',
            cost: [
              [0, 1],
              [1, 0],
            ],
          },
          failing: [
            {
              instance: 0,
              quantity: 'd_H(Kv,Kv′) ≤ κ·d_H(v,v′)',
              measured: 0.9,
              relation: '<=',
              bound: 0.5,
              tolerance: 1e-6,
              pass: false,
            },
          ],
          numShrinks: 7,
        },
      }),
    },
    {
      claim: claim('energy.monotone', { family: 'energy', title: 'Energy is monotone' }),
      result: result('energy.monotone', {
        figures: {
          energy: {
            type: 'trajectories',
            x: 'time t',
            y: 'E_β(X(t))',
            curves: [
              { name: 'SA n=8', points: Array.from({ length: 40 }, (_, k) => [k * 0.1, 1 - Math.exp(-k * 0.1)]) },
              { name: 'USA n=8', points: Array.from({ length: 40 }, (_, k) => [k * 0.1, 1.2 - Math.exp(-k * 0.05)]) },
            ],
          },
          emptyEnergy: { type: 'trajectories', x: 'time t', y: 'E', curves: [] },
        },
      }),
    },
    {
      claim: claim('clustering.phase-diagram', {
        family: 'clustering',
        kind: 'limit',
        title: 'Figure 3 phase diagram',
      }),
      result: result('clustering.phase-diagram', { figures: { phase: phaseFigure() } }),
    },
    {
      claim: claim('heat.sb-to-heat-flow', {
        family: 'heat',
        kind: 'limit',
        title: 'SB scheme converges to the heat flow',
      }),
      result: result('heat.sb-to-heat-flow', {
        status: 'inconclusive',
        reason: 'the fitted slope interval straddles the theory',
        rates: [
          {
            name: 'slope of log W2 vs log ε',
            estimate: 0.8,
            ci95: [0.4, 1.2],
            theory: 1,
            method: 'OLS, regression standard error',
            verdict: 'inconclusive',
          },
          {
            name: 'decay rate (admissible: above a positive floor)',
            estimate: 2,
            ci95: [1.9, 2.1],
            theory: [0.04, Infinity],
            method: 'OLS',
            verdict: 'consistent',
          },
        ],
        figures: {
          w2: {
            type: 'loglog-fit',
            x: 'ε',
            y: 'W2(SB^n_ε ρ₀, ρ(nε))',
            points: [
              [0.05, 0.04],
              [0.1, 0.09],
              [0.2, 0.15],
              [0.4, 0.33],
            ],
            slope: 0.96,
            intercept: Math.log(0.8),
            ci95: [0.8, 1.1],
            theorySlope: 1,
          },
          variance: {
            type: 'convergence',
            x: 'iterate k',
            y: 'variance',
            logY: false,
            curves: [
              {
                name: 'measured',
                points: [
                  [0, 1],
                  [1, 1.1],
                  [2, 1.2],
                ],
              },
              {
                name: 'σ² + t',
                role: 'theory',
                points: [
                  [0, 1],
                  [1, 1.1],
                  [2, 1.2],
                ],
              },
            ],
          },
          broken: { type: 'sparkle', x: 'a', y: 'b' },
        },
      }),
    },
    {
      claim: claim('sorting.error-vs-depth', {
        family: 'sorting',
        kind: 'limit',
        title: 'Sorting error falls with depth',
      }),
      result: result('sorting.error-vs-depth', {
        status: 'error',
        reason: 'the implementation threw on a valid input: NumericalError: NaN in attention',
        quantities: [],
        coverage: {},
        counterexample: {
          input: { n: 4, depth: 600 },
          failing: [],
          error: 'NumericalError: NaN in attention',
          numShrinks: 0,
        },
        figures: {
          depth: {
            type: 'convergence',
            x: 'depth L',
            y: 'sorting error',
            curves: [
              {
                name: 'measured',
                points: [
                  [1, 0.5],
                  [10, 0.2],
                  [100, Number.NaN],
                ],
              },
              {
                name: 'only zeros',
                points: [
                  [1, 0],
                  [2, 0],
                ],
              },
            ],
          },
        },
      }),
    },
    {
      claim: claim('clustering.beta-zero', {
        family: 'clustering',
        kind: 'probabilistic',
        title: 'β = 0 clusters almost surely',
      }),
      result: result('clustering.beta-zero', {
        proportions: [
          {
            name: 'clustered by T',
            successes: 58,
            trials: 60,
            ci: [0.86, 0.996],
            level: 0.999,
            threshold: 0.9,
            verdict: 'inconclusive',
          },
        ],
        series: [{ name: 'nothing', x: 't', y: 'diameter', points: [], role: 'measured' }],
      }),
    },
    {
      claim: claim('interpolation.skipped', { family: 'interpolation', title: 'Skipped claim' }),
      result: result('interpolation.skipped', {
        status: 'skipped',
        reason: "implementation 'tfjs' has no 'interpolator' capability",
        runs: 0,
        instances: 0,
        quantities: [],
        coverage: {},
        durationMs: 0,
      }),
    },
    {
      claim: claim('clustering.metastability', { family: 'clustering', role: 'exploratory', title: 'Metastability' }),
      result: result('clustering.metastability', {
        status: 'reported',
        reason: "exploratory (not asserted): measured outcome 'verified'",
      }),
    },
  ];
  return {
    schema: REPORT_SCHEMA,
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'transformer-ot-verify', version: '0.1.0' },
    createdAt: '2025-01-01T00:00:00.000Z',
    command: 'transformer-ot-verify verify --budget quick',
    environment: {
      backend: 'wasm',
      backendNotes: ['tensorflow: not installed'],
      tfjsVersion: '4.22.0',
      node: 'v20',
      platform: 'linux',
      arch: 'x64',
      cpus: 2,
      cpuModel: 'Test CPU',
    },
    options: { claims: '*', impl: 'tfjs', budget: 'quick' },
    summary: summarize(entries, 4567),
    entries,
  };
}
