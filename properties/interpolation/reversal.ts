/**
 * interpolation.reversal (spec §1 note 3b, §4.2 item 3; GRR §1.2, (5.3), Lemma 3.3 Step 3): the schedule run
 * forward and then reversed with (−V, B, −W, U, b) returns every token to where it started.
 */
import { reverseSchedule } from '../../impl/reference/interpolation-model.js';
import { measure } from '../measure.js';
import type { BatchOutcome } from '../types.js';
import {
  describeStructure,
  familyCoverage,
  familyDiff,
  familyOf,
  INTERPOLATION_COVERAGE_BINS,
  interpolatorOf,
  scheduleOf,
  structureCase,
  type StructureCase,
} from './common.js';
import { defineProperty } from '../define.js';
import { reversal } from '../../theorems/geshkovski-rigollet-ruiz-balet-2024/index.js';

/** The spec's step for this check (h = 1e-2) and its bound (≤ 1e-8 for legs ≤ 10). */
const STEP = 1e-2;

export const reversalProperty = defineProperty<StructureCase>(reversal, {
  arbitrary: () =>
    structureCase({ dims: [3, 4], N: [1, 2], n: [2, 10], kinds: ['attention', 'gate'], maxPieces: 3, choices: 1 }),
  runs: { quick: 3, ci: 10, thorough: 100 },
  coverageBins: INTERPOLATION_COVERAGE_BINS,
  describe: describeStructure,
  async run(c, ctx): Promise<BatchOutcome> {
    const I = interpolatorOf(ctx);
    const s = scheduleOf(I, c, [0.3, 2]);
    const fam = familyOf(c.family);
    const fwd = await I.evolve(fam, s, { step: STEP });
    const back = await I.evolve({ d: fam.d, clouds: fwd.final }, reverseSchedule(s), { step: STEP });
    const start = (await I.evolve(fam, { d: fam.d, pieces: [] })).final; // the inputs as normalised by the implementation
    // RK4 global error O((λh)⁴) per leg, amplified by e^{Lt}: ≤ 1e-8 for legs ≤ 10 at h = 1e-2 (spec §4.2 item 3)
    return {
      instances: 1,
      measurements: [measure(0, 'forward then reversed vs input', familyDiff(back.final, start), '<=', 0, 1e-8)],
      coverage: [familyCoverage(c.family, { pieces: c.kinds.length })],
    };
  },
});
