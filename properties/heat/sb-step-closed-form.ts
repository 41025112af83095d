/**
 * heat.sb-step-closed-form (spec heat-flow-limit §2.2, property 1): on a density-weighted 1-D grid the
 * implementation's bridge reproduces the Janati / AHMP24 closed form B(x) = m + c(λ)(x − m),
 * c(λ) = (√(λ² + ε²/4) − ε/2)/λ, and its step 2x − B(x).
 */
import fc from 'fast-check';
import type { ParticleBatch } from '../../impl/capabilities/sb-attention.js';
import { normalPdf } from '../../impl/reference/normal-distribution.js';
import { logUniform, uniformIn } from '../arbitraries/scalars.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { checkedContraction, HEAT_COVERAGE_BINS, sbOf, stepErrorModel } from './common.js';
import { accuracyOf } from '../tolerance.js';
import { defineProperty } from '../define.js';
import { sbStepClosedForm } from '../../theorems/heat-flow/index.js';

export interface GaussianGridInstance {
  readonly mean: number;
  readonly lambda: number;
  readonly eps: number;
}

/** Quadrature + truncation error of the grid (see weightedGrid1D): ≤ 1e-10, float64-measured ≤ 1e-14. */
const GRID_ERROR = 1e-10;

/**
 * Density-weighted grids of N(m_b, λ_b) sharing one size n: spacing ≤ √ε_b/2.5 over m_b ± halfWidth·√λ_b,
 * the size set by the most demanding instance (finer grids are only more accurate). Near the truncation edge
 * the grid's bridge differs from the Gaussian's (no mass beyond it) over a few √ε: evaluate well inside.
 */
export function gaussianGridBatch(
  instances: readonly GaussianGridInstance[],
  epsOf: (g: GaussianGridInstance) => number = (g) => g.eps,
  varianceOf: (g: GaussianGridInstance) => number = (g) => g.lambda,
  halfWidth = 7,
): ParticleBatch {
  const B = instances.length;
  let n = 0;
  for (const g of instances)
    n = Math.max(n, 2 * Math.ceil((halfWidth * Math.sqrt(g.lambda) * 2.5) / Math.sqrt(epsOf(g))) + 1);
  const x = new Float64Array(B * n);
  const w = new Float64Array(B * n);
  instances.forEach((g, b) => {
    const sd = Math.sqrt(g.lambda);
    const h = (2 * halfWidth * sd) / (n - 1);
    const wsd = Math.sqrt(varianceOf(g));
    let s = 0;
    for (let i = 0; i < n; i++) {
      x[b * n + i] = g.mean - halfWidth * sd + i * h;
      w[b * n + i] = normalPdf((x[b * n + i]! - g.mean) / wsd);
      s += w[b * n + i]!;
    }
    for (let i = 0; i < n; i++) w[b * n + i] = w[b * n + i]! / s;
  });
  return { B, n, d: 1, x, eps: Float64Array.from(instances, epsOf), weights: w };
}

function gaussianGridInstanceArb(epsMin: number, epsMax: number): fc.Arbitrary<GaussianGridInstance> {
  return fc.record({ mean: uniformIn(-3, 3), lambda: logUniform(0.25, 4), eps: logUniform(epsMin, epsMax) });
}

export const sbStepClosedFormProperty = defineProperty<GaussianGridInstance[]>(sbStepClosedForm, {
  arbitrary: (budget) =>
    fc.array(gaussianGridInstanceArb(budget === 'thorough' ? 0.01 : 0.03, 0.2), {
      minLength: 1,
      maxLength: budget === 'thorough' ? 6 : 3,
    }),
  examples: [[{ mean: 0, lambda: 1, eps: 0.1 }]],
  runs: { quick: 2, ci: 3, thorough: 30 },
  defaultSeed: 5001,
  coverageBins: HEAT_COVERAGE_BINS,
  async run(instances, ctx): Promise<BatchOutcome> {
    const sb = sbOf(ctx);
    const batch = gaussianGridBatch(instances);
    const { B, n } = batch;
    let lw = 0;
    for (const v of batch.weights!) lw = Math.max(lw, -Math.log(v));
    const model = stepErrorModel(accuracyOf(sb), n, lw);
    const epsMin = Math.min(...instances.map((g) => g.eps));
    const out = await sb.step(batch, { tolerance: model.tolerance(epsMin), maxIterations: 500 });
    const measurements: Measurement[] = [];
    instances.forEach((g, b) => {
      const sd = Math.sqrt(g.lambda);
      const c = checkedContraction(g.lambda, g.eps);
      // Σ_j q_ij|x_j − B_i| ≤ conditional std of the Gaussian bridge, √(λ(1 − c²)) (closed form)
      const condSd = Math.sqrt(g.lambda * (1 - c * c));
      const xmax = Math.abs(g.mean) + 7 * sd;
      const tol = model.planError(g.eps) * condSd + (n + 3) * model.u * xmax + GRID_ERROR;
      let errB = 0;
      let errStep = 0;
      for (let i = 0; i < n; i++) {
        const x = batch.x[b * n + i]!;
        if (Math.abs(x - g.mean) >= 3 * sd) continue;
        const bClosed = g.mean + c * (x - g.mean);
        errB = Math.max(errB, Math.abs(out.barycentre[b * n + i]! - bClosed));
        errStep = Math.max(errStep, Math.abs(out.x[b * n + i]! - (2 * x - bClosed)));
      }
      measurements.push(measure(b, 'max |B_impl − (m + c(λ)(x − m))| on |x − m| < 3σ', errB, '<=', 0, tol));
      measurements.push(
        measure(b, 'max |SB_impl − (2x − B_closed)| on |x − m| < 3σ', errStep, '<=', 0, tol + 3 * model.u * xmax),
      );
    });
    return {
      instances: B,
      measurements,
      coverage: instances.map((g) => ({ n, eps: g.eps, lambda: g.lambda })),
      data: { iterations: Array.from(out.iterations) },
    };
  },
});
