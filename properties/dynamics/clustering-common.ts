/**
 * The shared property of the "almost surely one cluster" theorems (GLPR Thms 4.1, 4.3, 5.1, 6.1; spec P10):
 * independent uniform initialisations are integrated to a horizon T; the event is max_{i≠j} ½‖x_i − x_j‖² ≤ δ;
 * failing seeds are continued to 10T before they count; the proportion of successes per regime is judged by an
 * exact Clopper–Pearson interval (common.ts). run() never fails on a non-clustered seed (that is a statistic),
 * only on states that leave the sphere or are not finite (spec P1).
 */
import fc from 'fast-check';
import type { AttentionNormalization, SphereBatch } from '../../impl/capabilities/sphere-dynamics.js';
import { sphereCase, type SphereCase } from '../arbitraries/sphere.js';
import type { Claim } from '../../theorems/types.js';
import { defineProperty } from '../define.js';
import { measure } from '../measure.js';
import type {
  BatchOutcome,
  BudgetName,
  ClaimProperty,
  ClaimSummary,
  DataTable,
  Measurement,
  Proportion,
} from '../types.js';
import {
  authorsStep,
  CLUSTER_DELTA,
  combineProportions,
  DYNAMICS_COVERAGE_BINS,
  dynamicsOf,
  finalSpread,
  proportion,
  selectInstances,
  stateOf,
} from './common.js';

export interface ClusteringRegime {
  readonly label: string;
  readonly nMin: number;
  readonly nMax: number;
  readonly dims: readonly number[];
  /** β of an instance from (n, d) and a unit float t. */
  beta(n: number, d: number, t: number): number;
  readonly normalizations: readonly AttentionNormalization[];
  /** Horizon T (calibrated by a float64 pilot, see the claim). */
  readonly horizon: number;
  /** SA step η (USA: the authors' correction, common.authorsStep). */
  readonly eta: number;
}

/** A regime with n ∈ [n[0], n[1]] tokens and SA step η = 0.1 (the step of every pilot, spec P10). */
export function clusteringRegime(
  label: string,
  n: readonly [number, number],
  dims: readonly number[],
  beta: ClusteringRegime['beta'],
  normalizations: readonly AttentionNormalization[],
  horizon: number,
): ClusteringRegime {
  return { label, nMin: n[0], nMax: n[1], dims, beta, normalizations, horizon, eta: 0.1 };
}

export interface ClusteringSpec {
  /** The claim this instance of the property checks. */
  readonly claim: Claim;
  readonly regimes: Readonly<Record<BudgetName, readonly ClusteringRegime[]>>;
  /** Instances per regime and run. */
  readonly batch: Readonly<Record<BudgetName, number>>;
  readonly runs: Readonly<Record<BudgetName, number>>;
  readonly defaultSeed: number;
}

/** Re-run factor for failing seeds (spec P10: "rerun any failing seed with horizon 10T"). */
const RERUN_FACTOR = 10;
/** |‖x_i‖ − 1| allowed on the states (spec P1): 1e-5 float32 (renormalised every step), 1e-12 float64. */
const normSlack = (p: 'float32' | 'float64'): number => (p === 'float32' ? 1e-5 : 1e-12);

export function clusteringProperty(spec: ClusteringSpec): ClaimProperty {
  return defineProperty<readonly SphereCase[]>(spec.claim, {
    arbitrary: (budget) =>
      fc.tuple(
        ...spec.regimes[budget].map((r) =>
          sphereCase({
            nMin: r.nMin,
            nMax: r.nMax,
            dims: r.dims,
            batch: spec.batch[budget],
            beta: { kind: 'fixed', value: 1 },
            extraLength: 1,
          }),
        ),
      ),
    runs: spec.runs,
    defaultSeed: spec.defaultSeed,
    coverageBins: DYNAMICS_COVERAGE_BINS,
    async run(cases, ctx): Promise<BatchOutcome> {
      const dyn = dynamicsOf(ctx);
      const regimes = spec.regimes[ctx.budget];
      const measurements: Measurement[] = [];
      const coverage: Record<string, number | string>[] = [];
      const data: Record<string, number[]> = {};
      let instances = 0;
      for (let r = 0; r < regimes.length; r++) {
        const regime = regimes[r]!;
        const c = cases[r]!;
        const { B, n, d } = c.batch;
        const beta = Float64Array.from(c.extra, (e) => regime.beta(n, d, e[0]!));
        const batch: SphereBatch = { ...c.batch, beta };
        for (const normalization of regime.normalizations) {
          const dt = authorsStep(normalization, beta, regime.eta);
          const steps = Math.ceil(regime.horizon / dt);
          const traj = await dyn.simulate(batch, { normalization, integrator: 'euler-renormalize', dt, steps });
          const spread = finalSpread(traj);
          const failing = [...spread.keys()].filter((b) => !(spread[b]! <= CLUSTER_DELTA));
          const after = Float64Array.from(spread);
          if (failing.length > 0) {
            const finals = new Float64Array(failing.length * n * d);
            failing.forEach((b, k) => finals.set(stateOf(traj, b, traj.stored - 1), k * n * d));
            const cont = await dyn.simulate(selectInstances(batch, failing, finals), {
              normalization,
              integrator: 'euler-renormalize',
              dt,
              steps: (RERUN_FACTOR - 1) * steps,
            });
            finalSpread(cont).forEach((s, k) => {
              after[failing[k]!] = s;
            });
          }
          const key = `${regime.label} — ${normalization === 'softmax' ? 'SA' : 'USA'}`;
          const flags = (data[`${key}|success`] ??= []);
          const atT = (data[`${key}|successAtT`] ??= []);
          for (let b = 0; b < B; b++) {
            flags.push(after[b]! <= CLUSTER_DELTA ? 1 : 0);
            atT.push(spread[b]! <= CLUSTER_DELTA ? 1 : 0);
            // spec P1: the final state is finite and on the sphere
            const x = stateOf(traj, b, traj.stored - 1);
            let worst = 0;
            for (let i = 0; i < n; i++) {
              let s = 0;
              for (let k = 0; k < d; k++) s += x[i * d + k]! ** 2;
              worst = Math.max(worst, Number.isFinite(s) ? Math.abs(Math.sqrt(s) - 1) : Infinity);
            }
            measurements.push(measure(b, '|‖x_i(T)‖ − 1|', worst, '<=', 0, normSlack(dyn.precision)));
            coverage.push({ n, d, beta: beta[b]!, regime: key });
          }
        }
        instances += B;
      }
      return { instances, measurements, coverage, data };
    },
    summarize(outcomes): ClaimSummary {
      const keys = [...new Set(outcomes.flatMap((o) => Object.keys(o.data ?? {})))].filter((k) =>
        k.endsWith('|success'),
      );
      const proportions: Proportion[] = [];
      const rows: Array<Array<number | string>> = [];
      for (const key of keys) {
        const name = key.slice(0, -'|success'.length);
        const flags = outcomes.flatMap((o) => o.data?.[key] ?? []);
        const atT = outcomes.flatMap((o) => o.data?.[`${name}|successAtT`] ?? []);
        const s = flags.reduce((a, v) => a + v, 0);
        const sT = atT.reduce((a, v) => a + v, 0);
        proportions.push(proportion(`P(one cluster by 10T) — ${name}`, s, flags.length));
        rows.push([name, flags.length, sT, s, flags.length - s]);
      }
      const table: DataTable = {
        title: `Clustering events (max ½‖x_i − x_j‖² ≤ ${CLUSTER_DELTA})`,
        columns: ['regime', 'trials', 'clustered by T', 'clustered by 10T', 'failures'],
        rows,
      };
      return { verdict: combineProportions(proportions), proportions, tables: [table] };
    },
  });
}
