/**
 * interpolation.time-rescaling (spec §1 note 3a, §4.2 item 4): (cV, B, cW, U, b) on τ/c has the flow of
 * (V, B, W, U, b) on τ, because the field (GRR eq. 1.2) is linear in (V, W) jointly.
 */
import { rescalePiece } from '../../impl/reference/interpolation-model.js';
import { measure } from '../measure.js';
import type { BatchOutcome } from '../types.js';
import { familyCoverage, familyDiff, structureOptions, structureRun, type StructureCase } from './common.js';
import { defineProperty } from '../define.js';
import { timeRescaling } from '../../theorems/geshkovski-rigollet-ruiz-balet-2024/index.js';

const FACTORS = [0.5, 2, 10] as const;

export const timeRescalingProperty = defineProperty<StructureCase>(timeRescaling, {
  ...structureOptions({ N: [1, 3], nMax: 10, choices: FACTORS.length }),
  runs: { quick: 3, ci: 12, thorough: 100 },
  async run(c, ctx): Promise<BatchOutcome> {
    const { I, fam, schedule: s } = structureRun(c, ctx, [0.2, 1.5]);
    const f = FACTORS[c.choice]!;
    const a = await I.evolve(fam, s);
    const b = await I.evolve(fam, { d: s.d, pieces: s.pieces.map((p) => rescalePiece(p, f)) });
    // spec §4.2 item 4: ≤ 1e-9 (the natural-time step rule makes both runs take the same steps: rounding only)
    return {
      instances: 1,
      measurements: [measure(0, `Φ(cV, cW; τ/c) vs Φ(V, W; τ), c = ${f}`, familyDiff(a.final, b.final), '<=', 0, 1e-9)],
      coverage: [familyCoverage(c.family, { c: f })],
    };
  },
});
