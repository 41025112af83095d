/** Run-time check of the float64 OT-transformer layer, the oracle of ot-transformer.float32-vs-float64. */
import type { OTTransformerBatch, OTTransformerTrace } from '../../impl/capabilities/ot-transformer.js';
import { costOf } from '../../impl/ot-transformer-prompt.js';
import { dualGradientStep } from '../../impl/reference/ot-transformer.js';
import { assertOracle } from '../oracle.js';
import { maxAbsDiff, maxAbsFinite, UNIT_ROUNDOFF_F64 } from '../../impl/reference/numeric.js';
import { potentialMagnitude, view } from './common.js';

/**
 * The float64 token-level layer met its stated accuracy between potential slots q and q + 1 (one layer apart):
 * its potentials equal the closed-form dual step (spec §2, 3e-16 measured) within the float64 rounding of one
 * step, 16u₆₄·(n + 1)·(1 + max|potential|/λ)·(1 + γ) (the logits, their log-sum-exp over n + 1 keys, the step).
 */
export function assertFloat64Layer(ref: OTTransformerTrace, batch: OTTransformerBatch, b: number, q: number): void {
  const n = batch.n;
  const s0 = { u: view.u(ref, b, q), v: view.v(ref, b, q), sinkU: view.sinkU(ref, b, q), sinkV: view.sinkV(ref, b, q) };
  const lambda = batch.lambda[b]!;
  const gamma = batch.gamma[b]!;
  const step = dualGradientStep(s0, costOf(batch, b), n, lambda, gamma);
  const q1 = q + 1;
  const got = {
    u: view.u(ref, b, q1),
    v: view.v(ref, b, q1),
    sinkU: view.sinkU(ref, b, q1),
    sinkV: view.sinkV(ref, b, q1),
  };
  const dev = Math.max(
    maxAbsDiff([step.sinkU, step.sinkV], [got.sinkU, got.sinkV]),
    maxAbsDiff(step.u, got.u, n),
    maxAbsDiff(step.v, got.v, n),
  );
  const pmax = potentialMagnitude([s0.u, s0.v], [s0.sinkU, s0.sinkV]);
  assertOracle(
    'float64 token-level layer',
    `|layer − closed-form dual step| at layer ${ref.potentialLayers[q]}`,
    dev,
    16 * UNIT_ROUNDOFF_F64 * (n + 1) * (1 + (pmax + maxAbsFinite(costOf(batch, b))) / lambda) * (1 + gamma),
  );
}
