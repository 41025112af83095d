/**
 * A synthetic report.json covering every status, every figure type, empty and broken plot data, rates,
 * proportions, coverage bins and hostile text (HTML/XML metacharacters) — the renderers' test input.
 */
import {
  REPORT_SCHEMA,
  REPORT_SCHEMA_VERSION,
  summarize,
  type Report,
  type ReportEntry,
} from '../../reports/schema.js';
import { convergenceSeries, heatFigures, phaseFigure } from './fixture-figures.js';
import { claim, result } from './fixture-records.js';

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
        figures: heatFigures(),
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
