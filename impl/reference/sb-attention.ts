/**
 * The float64 reference exposed through the SBAttention capability (`--impl reference`): the symmetric
 * damped Sinkhorn (symmetric-sinkhorn.ts), the SB step (barycentric-projection.ts) and the Sinkformer
 * layer (sinkformer-layer.ts), one instance at a time. In float64 the ε-order claims are resolvable
 * (spec heat-flow-limit §5, float32 caveats).
 */
import type { ParticleBatch, SBAttention, SBSolveOptions } from '../capabilities/sb-attention.js';
import { emptyTrajectory, validateIterateInput, validateSinkformerBatch, validateSolveInput } from '../sb-input.js';
import { sbStep } from './barycentric-projection.js';
import { attentionLogits, sinkformerUpdate, sinkhornAttention } from './sinkformer-layer.js';
import { symmetricSinkhorn, type WeightedParticles } from './symmetric-sinkhorn.js';

/** The b-th particle set of a batch, as views. */
function particlesOf(batch: ParticleBatch, b: number, x: Float64Array = batch.x): WeightedParticles {
  const { n, d } = batch;
  return { n, d, x: x.subarray(b * n * d, (b + 1) * n * d), w: batch.weights?.subarray(b * n, (b + 1) * n) };
}

function initOf(options: SBSolveOptions, b: number, n: number): Float64Array | undefined {
  return options.initLogPotential?.subarray(b * n, (b + 1) * n);
}

/** Batched float64 SB attention (AHMP24 Algorithm 1 with the symmetric solver of spec §3.2). */
export function createReferenceSBAttention(name = 'reference'): SBAttention {
  return {
    name,
    precision: 'float64',
    async plan(batch, options) {
      validateSolveInput(batch, options);
      const { B, n } = batch;
      const logPotential = new Float64Array(B * n);
      const logPlan = new Float64Array(B * n * n);
      const iterations = new Float64Array(B);
      const residual = new Float64Array(B);
      for (let b = 0; b < B; b++) {
        const s = symmetricSinkhorn(particlesOf(batch, b), batch.eps[b]!, { ...options, init: initOf(options, b, n) });
        logPotential.set(s.logPotential, b * n);
        logPlan.set(s.logPlan, b * n * n);
        iterations[b] = s.iterations;
        residual[b] = s.residual;
      }
      return { B, n, logPotential, logPlan, iterations, residual };
    },
    async step(batch, options) {
      validateSolveInput(batch, options);
      const { B, n, d } = batch;
      const x = new Float64Array(B * n * d);
      const barycentre = new Float64Array(B * n * d);
      const iterations = new Float64Array(B);
      const residual = new Float64Array(B);
      for (let b = 0; b < B; b++) {
        const s = sbStep(particlesOf(batch, b), batch.eps[b]!, { ...options, init: initOf(options, b, n) });
        x.set(s.x, b * n * d);
        barycentre.set(s.barycentre, b * n * d);
        iterations[b] = s.iterations;
        residual[b] = s.residual;
      }
      return { x, barycentre, iterations, residual };
    },
    async iterate(batch, options) {
      validateIterateInput(batch, options);
      const { B, n, d } = batch;
      const K = options.steps;
      const trajectory = emptyTrajectory(batch, options);
      const { recordedSteps, x: out, iterations, residual } = trajectory;
      const S = recordedSteps.length;
      for (let b = 0; b < B; b++) {
        let x: Float64Array = batch.x.slice(b * n * d, (b + 1) * n * d);
        let g = initOf(options, b, n);
        let slot = 0;
        out.set(x, (b * S + slot++) * n * d);
        for (let k = 1; k <= K; k++) {
          const s = sbStep({ n, d, x, w: batch.weights?.subarray(b * n, (b + 1) * n) }, batch.eps[b]!, {
            ...options,
            init: g,
          });
          x = s.x;
          g = s.logPotential;
          iterations[b * K + k - 1] = s.iterations;
          residual[b] = Math.max(residual[b]!, s.residual);
          if (recordedSteps[slot] === k) out.set(x, (b * S + slot++) * n * d);
        }
      }
      return trajectory;
    },
    async sinkformer(batch, options) {
      validateSinkformerBatch(batch, options);
      const { B, n, d } = batch;
      const x = new Float64Array(B * n * d);
      const attention = new Float64Array(B * n * n);
      for (let b = 0; b < B; b++) {
        const W = (M: Float64Array): Float64Array => M.subarray(b * d * d, (b + 1) * d * d);
        let xb: Float64Array = batch.x.slice(b * n * d, (b + 1) * n * d);
        let K: Float64Array = new Float64Array(n * n);
        for (let l = 0; l < (options.layers ?? 1); l++) {
          K = sinkhornAttention(
            attentionLogits(xb, n, d, W(batch.WQ), W(batch.WK)),
            n,
            batch.eps[b]!,
            options.iterations,
          );
          xb = sinkformerUpdate(xb, n, d, K, W(batch.WV));
        }
        x.set(xb, b * n * d);
        attention.set(K, b * n * n);
      }
      return { x, attention };
    },
  };
}
