/**
 * ot-transformer.readout (spec P2; spec §2 "Reading out P_ℓ", author's code `atten_last`): the masked head-2
 * attention equals the row-normalised transposed plan M_ℓ = diag(P_ℓᵀ1)⁻¹P_ℓᵀ of the head-1 logits, and the
 * sorting head writes M_ℓ·x. Checked on the model's own outputs at layers 0…30, including the Fig. 3/4 grid
 * whose logits reach (n−1)²/λ (an unstabilised float32 softmax overflows or divides 0 by 0 there).
 */
import fc from 'fast-check';
import { costOf } from '../../impl/ot-transformer-prompt.js';
import { hilbertDistanceLog } from '../../impl/reference/hilbert.js';
import { logSumExp } from '../../impl/reference/logsumexp.js';
import { describeOTCase, type OTTransformerCase } from '../arbitraries/ot-transformer-batch.js';
import { singleLayerCase } from './cases.js';
import { maxAbsDiff, maxAbsFinite } from '../../impl/reference/numeric.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { logPlanOf, modelOf, potentialMagnitude, view } from './common.js';
import { logitError } from './layer-error.js';
import { coverageOfCase, OT_COVERAGE_BINS } from './coverage.js';
import { accuracyOf } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { readout } from '../../theorems/daneshmand-2024/index.js';

interface Input {
  readonly case: OTTransformerCase;
  readonly layer: number;
}

/** diag(Pᵀ1)⁻¹Pᵀ from log P (float64, log-sum-exp per column of P). */
function rowNormalizedTranspose(logP: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const z = logSumExp(logP, i, n, n);
    for (let j = 0; j < n; j++) out[i * n + j] = Math.exp(logP[j * n + i]! - z);
  }
  return out;
}

export const readoutProperty = defineProperty<Input>(readout, {
  arbitrary: (budget) =>
    fc.record({
      case: singleLayerCase(budget, ['unit-cube', 'paper-grid', 'sorting-grid'], ['random', 'code', 'zero']),
      layer: fc.integer({ min: 0, max: 30 }),
    }),
  runs: { quick: 4, ci: 20, thorough: 200 },
  coverageBins: { ...OT_COVERAGE_BINS, layer: [0, 1, 5, 10, 31] },
  describe: (x) => ({ layer: x.layer, ...(describeOTCase(x.case) as object) }),
  async run({ case: c, layer }, ctx): Promise<BatchOutcome> {
    const model = modelOf(ctx);
    const { B, n, d } = c.batch;
    // layer ℓ and ⌊ℓ/2⌋ (an intermediate recorded layer) for the potentials check; the readout checks use ℓ
    const record = layer > 1 ? [layer >> 1, layer] : [layer];
    const last = record.length - 1;
    const t = await model.forward(c.batch, { layers: layer, record });
    const acc = accuracyOf(model);
    const u = acc.u;
    const measurements: Measurement[] = [];
    const coverage = [];
    for (let b = 0; b < B; b++) {
      const expected = rowNormalizedTranspose(view.planLogits(t, b, last), n);
      const M = view.readout(t, b, last);
      const pmaxAt = (q: number): number =>
        potentialMagnitude([view.u(t, b, q), view.v(t, b, q)], [view.sinkU(t, b, q), view.sinkV(t, b, q)]);
      const pmax = pmaxAt(last);
      // M and the plan come from two heads' logits (δ_logit each); a ratio of exponentials of such logits has
      // relative error ≤ 4δ_logit (two logits in the numerator's ratio to the row), plus softmax rounding (n+3)u
      const delta = logitError(acc, c.batch, b, pmax);
      const worst = maxAbsDiff(M, expected, n * n);
      measurements.push(measure(b, 'max |M_ℓ − diag(P_ℓᵀ1)⁻¹P_ℓᵀ|', worst, '<=', 0, 4 * delta + (n + 3) * u));
      // the head-1 logits are the plan of the layer's own potentials, (u_i + v_j − C_ij)/λ up to a constant
      // (spec §2): d_H is the spread of the logit differences, ≤ 2δ_logit (the float64 side errs by ~1e-16)
      let dh = 0;
      record.forEach((_, q) => {
        const fromPotentials = logPlanOf(view.u(t, b, q), view.v(t, b, q), costOf(c.batch, b), n, c.batch.lambda[b]!);
        const allowed = 2 * logitError(acc, c.batch, b, pmaxAt(q));
        const ratio = hilbertDistanceLog(view.planLogits(t, b, q), fromPotentials) / allowed;
        dh = Number.isNaN(ratio) ? NaN : Math.max(dh, ratio);
      });
      measurements.push(measure(b, 'max over recorded ℓ of d_H(P_ℓ, P(u_ℓ, v_ℓ)) / 2δ_logit', dh, '<=', 1, 0));
      // sorting head: M_ℓ·x against the float64 product of the model's own M with x (n products and sums)
      const s = view.sorted(t, b, last);
      const xs = c.batch.x.subarray(b * n * d, (b + 1) * n * d);
      let sw = 0;
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < d; k++) {
          let e = 0;
          for (let j = 0; j < n; j++) e += M[i * n + j]! * xs[j * d + k]!;
          sw = Number.isNaN(s[i * d + k]! - e) ? NaN : Math.max(sw, Math.abs(s[i * d + k]! - e));
        }
      }
      measurements.push(measure(b, 'max |M_ℓ·x (model) − M_ℓ·x|', sw, '<=', 0, (n + 2) * u * maxAbsFinite(xs)));
      coverage.push(coverageOfCase(c, b, { layer }));
    }
    return { instances: B, measurements, coverage };
  },
});
