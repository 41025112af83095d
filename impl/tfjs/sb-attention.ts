/**
 * Batched Schrödinger-bridge attention on tfjs tensors (float32, log domain), for B independent particle
 * sets [B, n, d]: the SB plan and step of AHMP24 (arXiv 2406.10823, Alg. 1) from the symmetric Sinkhorn
 * bridge (sb-bridge.ts), K warm-started steps, and the Sinkformer layer of the seed (sinkformer-layer.ts).
 * Hooks let impl/mutants plant bugs without copying the code.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ParticleBatch, SBAttention, SBSolveOptions } from '../capabilities/sb-attention.js';
import { emptyTrajectory, validateIterateInput, validateSolveInput } from '../sb-input.js';
import { tfjsArithmetic } from './arithmetic.js';
import { f32 } from './f32.js';
import { assertParticleRange, invSqrtEpsOf } from './float32-input.js';
import { logWeightsTensor, solveBridge, stepFrom, type Solved, type TfjsSBHooks } from './sb-bridge.js';
import { sinkformerLayers } from './sinkformer-layer.js';

/**
 * Solve the bridge of the batch's particles (warm-started from options.initLogPotential) and hand the
 * particles and the solution to `read`; the inputs' tensors are disposed afterwards, `read` disposes the
 * solution's.
 */
async function withSolvedBridge<T>(
  batch: ParticleBatch,
  options: SBSolveOptions,
  hooks: TfjsSBHooks,
  read: (x: tf.Tensor, s: Solved) => Promise<T>,
): Promise<T> {
  validateSolveInput(batch, options);
  assertParticleRange(batch);
  const { B, n, d } = batch;
  const x = f32(batch.x, [B, n, d]);
  const eps = f32(invSqrtEpsOf(batch.eps), [B]);
  const logW = logWeightsTensor(batch);
  const g0 = options.initLogPotential ? f32(options.initLogPotential, [B, n]) : undefined;
  try {
    return await read(x, await solveBridge(x, eps, batch.eps, logW, g0, options, hooks));
  } finally {
    tf.dispose([x, eps, logW, ...(g0 ? [g0] : [])]);
  }
}

/** The tfjs SB attention (float32); `hooks` plant bugs for the mutant catalogue. */
export function createTfjsSBAttention(name = 'tfjs', hooks: TfjsSBHooks = {}): SBAttention {
  return {
    name,
    precision: 'float32',
    get arithmetic() {
      return tfjsArithmetic();
    },
    plan: (batch, options) =>
      withSolvedBridge(batch, options, hooks, async (_x, s) => {
        const [lp, g] = await Promise.all([s.logPlan.data(), s.g.data()]);
        tf.dispose([s.logPlan, s.g]);
        return {
          B: batch.B,
          n: batch.n,
          logPotential: Float64Array.from(g),
          logPlan: Float64Array.from(lp),
          iterations: s.iterations,
          residual: s.residual,
        };
      }),
    step: (batch, options) =>
      withSolvedBridge(batch, options, hooks, async (x, s) => {
        const { bary, next } = stepFrom(x, s.logPlan, hooks);
        const [b, y] = await Promise.all([bary.data(), next.data()]);
        tf.dispose([s.logPlan, s.g, bary, next]);
        return {
          barycentre: Float64Array.from(b),
          x: Float64Array.from(y),
          iterations: s.iterations,
          residual: s.residual,
        };
      }),
    async iterate(batch, options) {
      validateIterateInput(batch, options);
      assertParticleRange(batch);
      const { B, n, d } = batch;
      const K = options.steps;
      const trajectory = emptyTrajectory(batch, options);
      const { recordedSteps, x: out, iterations, residual } = trajectory;
      const S = recordedSteps.length;
      const eps = f32(invSqrtEpsOf(batch.eps), [B]);
      const logW = logWeightsTensor(batch);
      let x = f32(batch.x, [B, n, d]);
      let g: tf.Tensor | undefined = options.initLogPotential ? f32(options.initLogPotential, [B, n]) : undefined;
      const store = async (slot: number): Promise<void> => {
        const v = await x.data();
        for (let b = 0; b < B; b++) {
          for (let k = 0; k < n * d; k++) out[(b * S + slot) * n * d + k] = v[b * n * d + k]!;
        }
      };
      try {
        let slot = 0;
        await store(slot++);
        for (let k = 1; k <= K; k++) {
          const s = await solveBridge(x, eps, batch.eps, logW, g, options, hooks);
          const { bary, next } = stepFrom(x, s.logPlan, hooks);
          tf.dispose([bary, s.logPlan, x, ...(g ? [g] : [])]);
          x = next;
          g = s.g;
          for (let b = 0; b < B; b++) {
            iterations[b * K + k - 1] = s.iterations[b]!;
            residual[b] = Math.max(residual[b]!, s.residual[b]!);
          }
          if (recordedSteps[slot] === k) await store(slot++);
        }
        return trajectory;
      } finally {
        tf.dispose([x, eps, logW, ...(g ? [g] : [])]);
      }
    },
    sinkformer: (batch, options) => sinkformerLayers(batch, options, hooks),
  };
}
