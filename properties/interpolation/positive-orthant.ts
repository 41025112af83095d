/**
 * interpolation.positive-orthant (GRR Lemma 3.2; spec §3 Phase 0): at most one switch of W, with
 * V ≡ B ≡ U ≡ 0 and b ≡ 𝟙, moves every token of every measure into the open positive orthant Q₁.
 */
import { capFamily, type CapFamily } from '../arbitraries/sphere-caps.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { CAP_FAMILY_VIEW, familyCoverage, familyOf, interpolatorOf } from './common.js';
import { maxAbs } from '../../impl/reference/numeric.js';
import { defineProperty } from '../define.js';
import { positiveOrthant } from '../../theorems/geshkovski-rigollet-ruiz-balet-2024/index.js';

export const positiveOrthantProperty = defineProperty<CapFamily>(positiveOrthant, {
  arbitrary: () =>
    capFamily({ dims: [3, 4], N: [1, 3], n: [3, 20], radius: [0.1, 0.6], centre: 'uniform', shared: false }),
  runs: { quick: 3, ci: 12, thorough: 100 },
  ...CAP_FAMILY_VIEW,
  async run(f, ctx): Promise<BatchOutcome> {
    const I = interpolatorOf(ctx);
    const s = await I.toOrthant(familyOf(f));
    const ms: Measurement[] = [];
    ms.push(measure(0, 'pieces of Lemma 3.2', s.pieces.length, '<=', 2, 0));
    let structure = 0;
    for (const p of s.pieces) {
      structure = Math.max(
        structure,
        maxAbs(p.V),
        maxAbs(p.B),
        maxAbs(p.U),
        ...Array.from(p.b, (v) => Math.abs(v - 1)),
      );
    }
    ms.push(measure(0, 'max |V|, |B|, |U|, |b − 𝟙| (Lemma 3.2 structure)', structure, '<=', 0, 0));
    const r = await I.evolve(familyOf(f), s);
    let minCoord = Infinity;
    for (const x of r.final) for (const v of x) minCoord = Math.min(minCoord, v);
    // strict: every coordinate of every token > 0 (the margin is reported)
    ms.push(measure(0, 'min coordinate after the schedule (> 0)', minCoord, '>=', Number.MIN_VALUE, 0));
    return {
      instances: 1,
      measurements: ms,
      coverage: [familyCoverage(f, { pieces: s.pieces.length })],
      data: { margin: [minCoord] },
    };
  },
});
