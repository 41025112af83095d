/**
 * The Schrödinger bridge of a particle batch on tfjs tensors (float32, log domain): the symmetric damped
 * log-domain Sinkhorn for the same-marginal bridge (spec heat-flow-limit §3.2)
 *     g ← ½(g − LSE_j[log w_j + g_j − C_ij/ε]),  C_ij = ½|x_i − x_j|² (AHMP24, arXiv 2406.10823),
 * and the barycentric projection B_i = Σ_j P_ij x_j / Σ_j P_ij with the SB step x ↦ 2x − B (AHMP24 Alg. 1).
 * Costs are formed from differences (no |x|² + |y|² − 2x·y cancellation; spec §3.3 float32 caveats).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ParticleBatch, SBSolveOptions } from '../capabilities/sb-attention.js';
import { NumericalError } from '../errors.js';
import { f32 } from './f32.js';
import { safeLogSumExp } from './logsumexp.js';
import { logRowStep } from './sinkhorn-log-domain.js';

/** Planted-bug hooks for the mutant catalogue (impl/mutants/heat.ts). */
export interface TfjsSBHooks {
  /** Multiplies the cost: 1 is AHMP24's ½|x−y|²; 2 is the authors' code's |x−y|² (half-speed heat flow). */
  readonly costScale?: number;
  /** 'reflect': x ↦ 2x − B(x) (correct); 'project': x ↦ B(x) (the backward/"reverse" scheme). */
  readonly update?: 'reflect' | 'project';
  /** Sinkhorn stopped after one row normalisation: plain softmax attention. */
  readonly rowOnly?: boolean;
  /** The plan is transposed before the barycentric projection / the attention update. */
  readonly transposePlan?: boolean;
}

/**
 * −scale·½|x_i − x_j|²/ε for x [B, n, d], given s = 1/√ε per instance ([B], formed in float64): shape
 * [B, n, n], from differences scaled before squaring, ½|(x_i − x_j)s|², so that no intermediate exceeds
 * the result (|x_i − x_j|² alone overflows float32 for |x| ≳ 1e19 even when C/ε is moderate).
 */
function negHalfSquaredDistanceOverEps(x: tf.Tensor, invSqrtEps: tf.Tensor, scale = 1): tf.Tensor {
  return tf.tidy(() => {
    const diff = tf.mul(tf.sub(tf.expandDims(x, 2), tf.expandDims(x, 1)), tf.reshape(invSqrtEps, [-1, 1, 1, 1]));
    return tf.mul(tf.sum(tf.square(diff), 3), -0.5 * scale);
  });
}

/** One symmetric damped step g ← ½(g + T(g)), T(g)_i = −LSE_j[log w_j + g_j + M_ij] (M = −C/ε). */
function symmetricSinkhornStep(M: tf.Tensor, logW: tf.Tensor, g: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const T = tf.neg(safeLogSumExp(tf.add(M, tf.expandDims(tf.add(logW, g), 1)), 2));
    return tf.mul(tf.add(g, T), 0.5);
  });
}

/** Row-normalised plan weights q_ij = P_ij/Σ_j P_ij from log P (max-shifted), shape [B, n, n]. */
export function rowNormalize(logPlan: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.exp(tf.sub(logPlan, tf.expandDims(safeLogSumExp(logPlan, 2), 2))));
}

export interface Solved {
  readonly logPlan: tf.Tensor;
  readonly g: tf.Tensor;
  readonly iterations: Float64Array;
  readonly residual: Float64Array;
}

/**
 * Solve the bridge of the particles x (tensor [B, n, d]); the caller owns and disposes the returned tensors.
 * Converged instances keep iterating (a fixed point) until every instance is below tolerance.
 */
export async function solveBridge(
  x: tf.Tensor,
  invSqrtEps: tf.Tensor,
  epsHost: Float64Array,
  logW: tf.Tensor,
  g0: tf.Tensor | undefined,
  options: SBSolveOptions,
  hooks: TfjsSBHooks,
): Promise<Solved> {
  const [B, n] = x.shape as [number, number, number];
  const M = negHalfSquaredDistanceOverEps(x, invSqrtEps, hooks.costScale ?? 1);
  try {
    const iterations = new Float64Array(B);
    const residual = new Float64Array(B).fill(Infinity);
    if (hooks.rowOnly) {
      // one row normalisation from v⁰ = 1 (the foundation's logRowStep): P = diag(w)·softmax_row(−C/ε)
      const logU = tidyKeep(() => logRowStep(M, logW, tf.zerosLike(logW)));
      const logPlan = tf.tidy(() => tf.add(tf.expandDims(logU, 2), M));
      logU.dispose();
      iterations.fill(1);
      residual.fill(0);
      return { logPlan: maybeTranspose(logPlan, hooks), g: tf.zeros([B, n]), iterations, residual };
    }
    let g = g0 ? tf.clone(g0) : tf.zeros([B, n]);
    let done = 0;
    for (let it = 1; it <= options.maxIterations && done < B; it++) {
      const next = symmetricSinkhornStep(M, logW, g);
      const deltaT = tf.tidy(() => tf.max(tf.abs(tf.sub(next, g)), 1));
      g.dispose();
      g = next;
      const delta = await deltaT.data();
      deltaT.dispose();
      done = 0;
      for (let b = 0; b < B; b++) {
        const r = epsHost[b]! * delta[b]!;
        if (!Number.isFinite(r)) {
          g.dispose();
          throw new NumericalError(`tfjs SB Sinkhorn: non-finite potential in instance ${b} at iteration ${it}`);
        }
        if (residual[b]! >= options.tolerance) {
          residual[b] = r;
          iterations[b] = it;
        }
        if (residual[b]! < options.tolerance) done++;
      }
    }
    const logPlan = tf.tidy(() => {
      const lg = tf.add(g, logW);
      return tf.add(tf.add(tf.expandDims(lg, 2), tf.expandDims(lg, 1)), M);
    });
    return { logPlan: maybeTranspose(logPlan, hooks), g, iterations, residual };
  } finally {
    M.dispose();
  }
}

function tidyKeep(fn: () => tf.Tensor): tf.Tensor {
  return tf.tidy(fn);
}

function maybeTranspose(logPlan: tf.Tensor, hooks: TfjsSBHooks): tf.Tensor {
  if (!hooks.transposePlan) return logPlan;
  const t = tf.transpose(logPlan, [0, 2, 1]);
  logPlan.dispose();
  return t;
}

/** B = q x and the update (2x − B, or B for the 'project' mutant), from a solved plan. */
export function stepFrom(x: tf.Tensor, logPlan: tf.Tensor, hooks: TfjsSBHooks): { bary: tf.Tensor; next: tf.Tensor } {
  const bary = tf.tidy(() => tf.matMul(rowNormalize(logPlan), x));
  const next = tf.tidy(() => ((hooks.update ?? 'reflect') === 'reflect' ? tf.sub(tf.mul(x, 2), bary) : tf.clone(bary)));
  return { bary, next };
}

/** log w in float64, rounded once (a weight below the float32 range keeps a finite log). */
export function logWeightsTensor(batch: ParticleBatch): tf.Tensor {
  const { B, n } = batch;
  return batch.weights ? f32(batch.weights.map(Math.log), [B, n]) : tf.fill([B, n], -Math.log(n));
}
