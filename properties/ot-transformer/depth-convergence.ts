/**
 * ot-transformer.depth-convergence (spec P4; Daneshmand 2024, informal theorem on the AISTATS page, reported
 * as Theorem D.1 — text not available): with γ ≤ λ/2 and C ∈ [0, 1], d_H(P_L, P*_λ) → 0 with depth.
 */
import { describeOTCase, type OTTransformerCase } from '../arbitraries/ot-transformer-batch.js';
import { unitCubeDepthCase } from './cases.js';
import type { BatchOutcome } from '../types.js';
import { modelOf } from './common.js';
import { coverageOfCase, OT_COVERAGE_BINS } from './coverage.js';
import { depthCheck, summarizeDepth } from './depth.js';
import { defineProperty } from '../define.js';
import { depthConvergence } from '../../theorems/daneshmand-2024/index.js';

const MAX_LAYERS = { quick: 3000, ci: 6000, thorough: 20000 } as const;

export const depthConvergenceProperty = defineProperty<OTTransformerCase>(depthConvergence, {
  arbitrary: (budget) => unitCubeDepthCase(budget, budget === 'thorough' ? 32 : 12),
  runs: { quick: 2, ci: 6, thorough: 60 },
  defaultSeed: 4242,
  coverageBins: { ...OT_COVERAGE_BINS, layers: [0, 500, 1000, 2000, 4000, 8000, 20001] },
  describe: describeOTCase,
  async run(c, ctx): Promise<BatchOutcome> {
    const model = modelOf(ctx);
    return depthCheck(model, c.batch, {
      chunk: 500,
      maxLayers: MAX_LAYERS[ctx.budget],
      label: (b) =>
        `n=${c.batch.n}, d=${c.batch.d}, λ=${c.batch.lambda[b]!.toPrecision(3)}, γ=${c.batch.gamma[b]!.toPrecision(3)}, ${c.init} init`,
      coverage: (b, layers) => coverageOfCase(c, b, { layers }),
    });
  },
  summarize: (outcomes) => summarizeDepth(outcomes),
});
