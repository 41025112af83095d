/**
 * interpolation.pushforward-w2-bound (GRR Lemma 5.2; spec §4.2 item 14): for a uniform empirical μ and two maps
 * T¹, T² of the sphere, W2(T¹#μ, T²#μ) ≤ ‖T¹ − T²‖_{L²(μ)}, with W2 by exact assignment (chordal ground metric).
 * T¹ is the flow map of a random piecewise-constant schedule (a bijection of S^{d−1}); T² is the flow map of a
 * perturbation of it (one piece dropped, durations halved), the identity, or the inverse flow (reversed schedule).
 */
import { hungarian } from '../../impl/reference/hungarian.js';
import { reverseSchedule } from '../../impl/reference/interpolation-model.js';
import { chordal } from '../../impl/reference/sphere-geometry.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { familyCoverage, structureOptions, structureRun, type StructureCase } from './common.js';
import { UNIT_ROUNDOFF_F64 as U64 } from '../../impl/reference/numeric.js';
import { defineProperty } from '../define.js';
import { pushforwardW2Bound } from '../../theorems/geshkovski-rigollet-ruiz-balet-2024/index.js';

/** Largest n whose assignment is also solved by enumerating the n! permutations. */
const BRUTE_MAX = 7;
const T2_KINDS = ['drop last piece', 'durations halved', 'identity', 'inverse flow'] as const;

/** min_σ Σ_j C[j, σ(j)] by enumeration (Heap's algorithm), for checking the exact assignment. */
function bruteAssignment(C: Float64Array, n: number): number {
  const p = [...Array(n).keys()];
  const cost = (): number => p.reduce((a, k, j) => a + C[j * n + k]!, 0);
  let best = cost();
  const c = new Array<number>(n).fill(0);
  let i = 0;
  while (i < n) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [p[j], p[i]] = [p[i]!, p[j]!];
      best = Math.min(best, cost());
      c[i] = c[i]! + 1;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return best;
}

export const pushforwardW2BoundProperty = defineProperty<StructureCase>(pushforwardW2Bound, {
  ...structureOptions({ N: [1, 2], nMax: 20, choices: T2_KINDS.length }),
  runs: { quick: 3, ci: 10, thorough: 100 },
  async run(c, ctx): Promise<BatchOutcome> {
    const { I, fam, schedule: s1 } = structureRun(c, ctx, [0.2, 3]);
    const d = fam.d;
    const pieces2 =
      c.choice === 0
        ? s1.pieces.slice(0, -1)
        : c.choice === 1
          ? s1.pieces.map((p) => ({ ...p, duration: p.duration / 2 }))
          : c.choice === 2
            ? []
            : reverseSchedule(s1).pieces;
    const r1 = await I.evolve(fam, s1);
    const r2 = await I.evolve(fam, { d, pieces: pieces2 });
    const ms: Measurement[] = [];
    let ratio = 0;
    fam.clouds.forEach((_, i) => {
      const a = r1.final[i]!;
      const b = r2.final[i]!;
      const n = a.length / d;
      // one cost matrix for both sides: C_jk = |T¹x_j − T²x_k|², the identity coupling j ↦ j is feasible, so in
      // exact arithmetic on these C entries min_σ Σ C_jσ(j) ≤ Σ C_jj, i.e. W2² ≤ ‖T¹ − T²‖²_{L²(μ)}
      const C = new Float64Array(n * n);
      let maxC = 0;
      for (let j = 0; j < n; j++) {
        for (let k = 0; k < n; k++) {
          C[j * n + k] = chordal(a, j, b, k, d) ** 2;
          maxC = Math.max(maxC, C[j * n + k]!);
        }
      }
      let diag = 0;
      for (let j = 0; j < n; j++) diag += C[j * n + j]!;
      const assigned = hungarian(C, n).cost;
      const w2sq = assigned / n;
      const l2sq = diag / n;
      // float64: each side is a sum of n nonnegative entries (≤ γ_{n}·sum each, 2γ_n together), and the
      // potentials of the shortest-augmenting-path solver carry O(n) additions of entries ≤ maxC per augmentation
      // (n augmentations): a non-optimal permutation can be chosen only within ≤ 4n²·u₆₄·maxC of the optimum.
      const tol = 2 * (n + 1) * U64 * l2sq + 4 * n * n * U64 * maxC;
      ms.push(measure(i, 'W2²(T¹#μ, T²#μ) − ‖T¹ − T²‖²_{L²(μ)}', w2sq - l2sq, '<=', 0, tol));
      // the W2 of the bound is the exact one: the assignment equals the enumerated optimum (same tolerance, on the sums)
      if (n <= BRUTE_MAX)
        ms.push(
          measure(
            i,
            '|assignment − min over n! permutations| (n ≤ 7)',
            Math.abs(assigned - bruteAssignment(C, n)),
            '<=',
            0,
            4 * n * n * U64 * maxC,
          ),
        );
      if (l2sq > 0) ratio = Math.max(ratio, Math.sqrt(Math.max(0, w2sq) / l2sq));
    });
    return {
      instances: fam.clouds.length,
      measurements: ms,
      coverage: [familyCoverage(c.family, { pieces: c.kinds.length, T2: T2_KINDS[c.choice]! })],
      data: { ratio: [ratio] },
    };
  },
  summarize(outcomes) {
    const r = outcomes.flatMap((o) => o.data?.['ratio'] ?? []).filter((x) => x > 0);
    if (r.length === 0) return {};
    r.sort((x, y) => x - y);
    return {
      tables: [
        {
          title: 'Lemma 5.2 tightness: W2 / ‖T¹ − T²‖_{L²(μ)} per draw',
          columns: ['draws', 'min', 'median', 'max'],
          rows: [[r.length, r[0]!, r[Math.floor(r.length / 2)]!, r[r.length - 1]!]],
        },
      ],
    };
  },
});
