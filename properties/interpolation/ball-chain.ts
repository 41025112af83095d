/**
 * interpolation.ball-chain (GRR Lemma B.1 with the corrected gate of Lemma B.2; spec §2.1, §4.2 item 6): along a
 * chain of geodesic balls 𝓑₀ … 𝓑_K on S^{d−1} (consecutive balls overlap, balls with |k − k'| ≥ 2 disjoint), K
 * constant gate pieces G(z_k, cos R_k, ω_k), ω_k ∈ 𝓑_k ∩ 𝓑_{k+1}, carry a fraction ≥ (1 − ε)^K of μ₀(⋃𝓑_k) into
 * 𝓑_K and leave every token off ⋃𝓑_k fixed.
 *
 * The schedule is built here from the implementation's own `gate`, as in the proof: step k gathers the inner ball
 * 𝒟_k = B(z_k, R_k − δ_k) into B(ω_k, r_k) ⊂ 𝒟_{k+1}, with δ_k chosen (from μ₀, as the proof does by absolute
 * continuity) so that the tokens of 𝓑_k the step may leave behind are at most ε of those it must carry, and with a
 * duration from the explicit time bound of the single-ball lemma. The analysis then predicts, token by token, which
 * tokens must be in B(ω_k, r_k) after piece k and in 𝓑_K at the end; both are checked, as is the (1 − ε)^K bound.
 */
import fc from 'fast-check';
import { geodesic } from '../../impl/reference/sphere-geometry.js';
import { UNIT_ROUNDOFF_F64 as U64 } from '../../impl/reference/numeric.js';
import type { ParameterPiece } from '../../impl/capabilities/interpolator.js';
import { unitBlock } from '../arbitraries/scalars.js';
import { measure } from '../measure.js';
import type { BatchOutcome, ClaimSummary, Measurement } from '../types.js';
import { interpolatorOf, REJECTED_DRAW } from './common.js';
import { chainOf, K_MAX, planOf, RADIUS_SLACK, RAW_LENGTH, STEP, type ChainCase } from './ball-chain-geometry.js';
import { defineProperty } from '../define.js';
import { ballChain } from '../../theorems/geshkovski-rigollet-ruiz-balet-2024/index.js';

/** A draw that misses a hypothesis of the lemma or the CI horizon: no instance, counted by reason. */
function rejected(reason: 'overlap' | 'ladder'): BatchOutcome {
  return { ...REJECTED_DRAW, data: { rejected: [1], [reason]: [1] } };
}

export const ballChainProperty = defineProperty<ChainCase>(ballChain, {
  arbitrary: () =>
    fc.record({
      d: fc.constantFrom(3, 4),
      K: fc.integer({ min: 1, max: K_MAX }),
      eps: fc.constantFrom(0.1, 0.2, 0.3),
      // the raw block is not shrunk element-wise (hundreds of evaluations); K, d and ε shrink
      raw: fc.noShrink(unitBlock(RAW_LENGTH)),
    }),
  runs: { quick: 3, ci: 10, thorough: 100 },
  coverageBins: { K: [1, 2, 3, 4, 5], n: [18, 26, 34, 42, 53], T: [0, 100, 200, 400, 800, 1600] },
  describe: (c) => {
    const ch = chainOf(c);
    return ch
      ? {
          d: c.d,
          K: c.K,
          eps: c.eps,
          centres: ch.centres.map((z) => Array.from(z)),
          radii: ch.radii,
          tokens: Array.from(ch.tokens),
        }
      : { d: c.d, K: c.K, eps: c.eps, rejected: 'balls with |k − k′| ≥ 2 overlap' };
  },
  async run(c, ctx): Promise<BatchOutcome> {
    const I = interpolatorOf(ctx);
    const ch = chainOf(c);
    if (!ch) return rejected('overlap');
    const { d, K } = ch;
    // the inputs as the implementation normalises them
    const x0 = (await I.evolve({ d, clouds: [ch.tokens] }, { d, pieces: [] })).final[0]!;
    const plan = planOf(ch, x0, c.eps);
    if (!plan) return rejected('ladder');
    const zero = (): Float64Array => new Float64Array(d * d);
    const pieces: ParameterPiece[] = plan.durations.map((duration, k) => {
      const g = I.gate(d, ch.centres[k]!, Math.cos(ch.radii[k]!), ch.omegas[k]!);
      return { duration, V: zero(), B: zero(), W: g.W, U: g.U, b: g.b, label: `lemma-B.1[${k}]` };
    });
    const r = await I.evolve({ d, clouds: [ch.tokens] }, { d, pieces }, { step: STEP, record: true });
    const x1 = r.final[0]!;
    const ms: Measurement[] = [];
    // 1. Lemma B.1: μ(T, 𝓑_K) ≥ (1 − ε)^K μ₀(⋃𝓑_k) — token counts, exact
    const union = plan.inUnion.filter(Boolean).length;
    let reached = 0;
    for (let i = 0; i < ch.n; i++) if (geodesic(x1, ch.centres[K]!, d, i, 0) <= ch.radii[K]! + RADIUS_SLACK) reached++;
    const fraction = union > 0 ? reached / union : 1;
    const bound = (1 - c.eps) ** K;
    ms.push(measure(0, 'μ(T, 𝓑_K) / μ₀(⋃𝓑_k)', fraction, '>=', bound, 0));
    // 2. after piece k every token the analysis puts in the gathered set lies in B(ω_k, r_k)
    let reach = 0;
    r.boundaries!.forEach((b, k) => {
      for (let i = 0; i < ch.n; i++) {
        const e = plan.entry[i]!;
        if (e >= 0 && e <= k)
          reach = Math.max(reach, (geodesic(b[0]!, ch.omegas[k]!, d, i, 0) - RADIUS_SLACK) / plan.targetRadii[k]!);
      }
    });
    ms.push(measure(0, 'max over steps k of d_g(x, ω_k)/r_k on the tokens gathered by step k', reach, '<=', 1, 0));
    // 3. every predicted token ends in 𝓑_K (stronger than the count in 1)
    let missing = 0;
    for (let i = 0; i < ch.n; i++)
      if (plan.entry[i]! >= 0 && geodesic(x1, ch.centres[K]!, d, i, 0) > ch.radii[K]! + RADIUS_SLACK) missing++;
    ms.push(measure(0, 'predicted tokens outside 𝓑_K at T', missing, '<=', 0, 0));
    // 4. identity off ⋃𝓑_k: an unmoved unit vector is renormalised once per piece boundary: ≤ 4u₆₄ per coordinate
    let still = 0;
    for (let i = 0; i < ch.n; i++) {
      if (!plan.clearlyOff[i]) continue;
      for (let k = 0; k < d; k++) still = Math.max(still, Math.abs(x1[i * d + k]! - x0[i * d + k]!));
    }
    ms.push(measure(0, 'displacement of tokens off ⋃𝓑_k', still, '<=', 0, 4 * U64));
    const predicted = plan.entry.filter((e) => e >= 0).length;
    const T = plan.durations.reduce((a, t) => a + t, 0);
    return {
      instances: 1,
      measurements: ms,
      coverage: [{ d, K, eps: c.eps, n: ch.n, T }],
      data: {
        row: [
          d,
          K,
          c.eps,
          union,
          reached,
          fraction,
          bound,
          union > 0 ? predicted / union : 1,
          Math.min(...plan.deltas.slice(0, K)),
          T,
        ],
        slack: [fraction / bound],
      },
    };
  },
  summarize(outcomes): ClaimSummary {
    const rows = outcomes.flatMap((o, i) => {
      const r = o.data?.['row'];
      return r ? [[i, ...r] as (number | string)[]] : [];
    });
    const count = (key: string): number => outcomes.reduce((a, o) => a + (o.data?.[key]?.[0] ?? 0), 0);
    const slack = outcomes.flatMap((o) => o.data?.['slack'] ?? []);
    return {
      tables: [
        {
          title: 'Lemma B.1 chains: fraction of μ₀(⋃𝓑_k) carried into 𝓑_K against (1 − ε)^K',
          columns: [
            'draws',
            'rejected: balls with |k − k′| ≥ 2 within 0.02',
            'rejected: no δ_k ≥ cap_k/8 meets the ε budget',
            'min fraction / bound',
          ],
          rows: [[rows.length, count('overlap'), count('ladder'), slack.length ? Math.min(...slack) : '—']],
        },
        {
          title: 'Lemma B.1 per draw (predicted: tokens the proof’s analysis must carry; T: total duration, K pieces)',
          columns: [
            'draw',
            'd',
            'K',
            'ε',
            'tokens in ⋃𝓑_k',
            'in 𝓑_K at T',
            'fraction',
            '(1 − ε)^K',
            'predicted fraction',
            'min δ_k',
            'T',
          ],
          rows,
        },
      ],
    };
  },
});
