/**
 * interpolation.particle-model (GRR eqs. 1.1–1.3; spec §1 note 1, §4.2 items 1–2): tokens stay on the sphere,
 * the flow depends on the empirical measure only (duplicating every token k times changes nothing), permuting
 * tokens permutes the output, and each measure evolves independently of the others under the shared θ.
 */
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import {
  familyCoverage,
  familyDiff,
  sphereDefect,
  structureOptions,
  structureRun,
  type StructureCase,
} from './common.js';
import { defineProperty } from '../define.js';
import { particleModel } from '../../theorems/geshkovski-rigollet-ruiz-balet-2024/index.js';

export const particleModelProperty = defineProperty<StructureCase>(particleModel, {
  ...structureOptions({ N: [1, 3], nMax: 10, choices: 2 }),
  runs: { quick: 3, ci: 12, thorough: 100 },
  async run(c, ctx): Promise<BatchOutcome> {
    const { I, fam, schedule } = structureRun(c, ctx, [0.2, 1.5]);
    const d = c.family.d;
    const joint = await I.evolve(fam, schedule);
    const ms: Measurement[] = [];
    // RK4 + renormalisation: the norm is one rounding away from 1
    ms.push(measure(0, '| ‖x(T)‖ − 1 |', sphereDefect(joint.final, d), '<=', 0, 1e-12));
    // each measure alone: one shared θ, N independent solutions (same step sequence ⇒ same arithmetic)
    let alone = 0;
    for (let i = 0; i < fam.clouds.length; i++) {
      const r = await I.evolve({ d, clouds: [fam.clouds[i]!] }, schedule);
      alone = Math.max(alone, familyDiff(r.final, [joint.final[i]!]));
    }
    ms.push(measure(0, 'measure alone vs joint replay', alone, '<=', 0, 1e-12));
    // duplication k ∈ {2, 3}: μ is unchanged, so is the flow; sums of kn vs n terms differ by rounding only
    const k = 2 + c.choice;
    const dup = fam.clouds.map((x) => {
      const y = new Float64Array(k * x.length);
      for (let r = 0; r < k; r++) y.set(x, r * x.length);
      return y;
    });
    const rd = await I.evolve({ d, clouds: dup }, schedule);
    ms.push(
      measure(
        0,
        `duplicated ×${k} vs original`,
        familyDiff(
          rd.final.map((y, i) => y.subarray(0, joint.final[i]!.length)),
          joint.final,
        ),
        '<=',
        0,
        1e-12,
      ),
    );
    // permutation: reverse the token order of every cloud
    const perm = fam.clouds.map((x) => {
      const n = x.length / d;
      const y = new Float64Array(x.length);
      for (let t = 0; t < n; t++) y.set(x.subarray(t * d, (t + 1) * d), (n - 1 - t) * d);
      return y;
    });
    const rp = await I.evolve({ d, clouds: perm }, schedule);
    const back = rp.final.map((y) => {
      const n = y.length / d;
      const z = new Float64Array(y.length);
      for (let t = 0; t < n; t++) z.set(y.subarray(t * d, (t + 1) * d), (n - 1 - t) * d);
      return z;
    });
    ms.push(measure(0, 'permuted tokens vs permuted output', familyDiff(back, joint.final), '<=', 0, 1e-12));
    return { instances: 1, measurements: ms, coverage: [familyCoverage(c.family, { pieces: c.kinds.length })] };
  },
});
