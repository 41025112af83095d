/**
 * interpolation.reversal (spec §1 note 3b, §4.2 item 3; GRR §1.2, (5.3), Lemma 3.3 Step 3): the schedule run
 * forward and then reversed with (−V, B, −W, U, b) returns every token to where it started.
 */
import { reverseSchedule } from '../../impl/reference/interpolation-model.js';
import { measure } from '../measure.js';
import type { BatchOutcome } from '../types.js';
import {
  familyCoverage,
  familyDiff,
  normalizedInput,
  structureOptions,
  structureRun,
  type StructureCase,
} from './common.js';
import { defineProperty } from '../define.js';
import { reversal } from '../../theorems/geshkovski-rigollet-ruiz-balet-2024/index.js';

/** The spec's step for this check (h = 1e-2) and its bound (≤ 1e-8 for legs ≤ 10). */
const STEP = 1e-2;

export const reversalProperty = defineProperty<StructureCase>(reversal, {
  ...structureOptions({ N: [1, 2], nMax: 10, choices: 1, kinds: ['attention', 'gate'] }),
  runs: { quick: 3, ci: 10, thorough: 100 },
  async run(c, ctx): Promise<BatchOutcome> {
    const { I, fam, schedule: s } = structureRun(c, ctx, [0.3, 2]);
    const fwd = await I.evolve(fam, s, { step: STEP });
    const back = await I.evolve({ d: fam.d, clouds: fwd.final }, reverseSchedule(s), { step: STEP });
    const start = await normalizedInput(I, fam);
    // RK4 global error O((λh)⁴) per leg, amplified by e^{Lt}: ≤ 1e-8 for legs ≤ 10 at h = 1e-2 (spec §4.2 item 3)
    return {
      instances: 1,
      measurements: [measure(0, 'forward then reversed vs input', familyDiff(back.final, start), '<=', 0, 1e-8)],
      coverage: [familyCoverage(c.family, { pieces: c.kinds.length })],
    };
  },
});
