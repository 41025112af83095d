/**
 * Batched Schrödinger-bridge attention on tfjs tensors (float32, log domain), for B independent particle
 * sets [B, n, d]:
 *  - the symmetric damped log-domain Sinkhorn for the same-marginal bridge (spec heat-flow-limit §3.2):
 *      g ← ½(g − LSE_j[log w_j + g_j − C_ij/ε]),  C_ij = ½|x_i − x_j|² (AHMP24, arXiv 2406.10823),
 *  - the barycentric projection B_i = Σ_j P_ij x_j / Σ_j P_ij and the SB step x ↦ 2x − B (AHMP24 Alg. 1),
 *  - the Sinkformer layer of the seed (Sander et al., arXiv 2110.11773, §3) with the foundation's
 *    log-domain half-steps logRowStep / logColumnStep.
 * Costs are formed from differences (no |x|² + |y|² − 2x·y cancellation; spec §3.3 float32 caveats).
 * Hooks let impl/mutants plant bugs without copying the code.
 */
import * as tf from '@tensorflow/tfjs-core';
import type {
  ParticleBatch,
  SBAttention,
  SBIterateOptions,
  SBPlan,
  SBSolveOptions,
  SBStepResult,
  SBTrajectory,
  SinkformerBatch,
  SinkformerOptions,
  SinkformerOutput,
} from '../capabilities/sb-attention.js';
import { NumericalError } from '../errors.js';
import { FLOAT32_MAX, sci } from '../float32-range.js';
import {
  validateIterateOptions,
  validateParticleBatch,
  validateSinkformerBatch,
  validateSolveOptions,
} from '../sb-input.js';
import { recordedStepList } from '../reference/sb-attention.js';
import { safeLogSumExp } from './logsumexp.js';
import { assertParticleRange, assertSinkformerRange, invSqrtEpsOf } from './float32-input.js';
import { logColumnStep, logRowStep } from './sinkhorn.js';
import { tfjsArithmetic } from './arithmetic.js';

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

function f32(data: Float64Array, shape: number[]): tf.Tensor {
  return tf.tensor(Float32Array.from(data), shape, 'float32');
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
function rowNormalise(logPlan: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.exp(tf.sub(logPlan, tf.expandDims(safeLogSumExp(logPlan, 2), 2))));
}

interface Solved {
  readonly logPlan: tf.Tensor;
  readonly g: tf.Tensor;
  readonly iterations: Float64Array;
  readonly residual: Float64Array;
}

/**
 * Solve the bridge of the particles x (tensor [B, n, d]); the caller owns and disposes the returned tensors.
 * Converged instances keep iterating (a fixed point) until every instance is below tolerance.
 */
async function solveBridge(
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
function stepFrom(x: tf.Tensor, logPlan: tf.Tensor, hooks: TfjsSBHooks): { bary: tf.Tensor; next: tf.Tensor } {
  const bary = tf.tidy(() => tf.matMul(rowNormalise(logPlan), x));
  const next = tf.tidy(() => ((hooks.update ?? 'reflect') === 'reflect' ? tf.sub(tf.mul(x, 2), bary) : tf.clone(bary)));
  return { bary, next };
}

/** log w in float64, rounded once (a weight below the float32 range keeps a finite log). */
function logWeightsTensor(batch: ParticleBatch): tf.Tensor {
  const { B, n } = batch;
  return batch.weights ? f32(batch.weights.map(Math.log), [B, n]) : tf.fill([B, n], -Math.log(n));
}

/** The tfjs SB attention (float32); `hooks` plant bugs for the mutant catalogue. */
export function createTfjsSBAttention(name = 'tfjs', hooks: TfjsSBHooks = {}): SBAttention {
  return {
    name,
    precision: 'float32',
    get arithmetic() {
      return tfjsArithmetic();
    },
    async plan(batch: ParticleBatch, options: SBSolveOptions): Promise<SBPlan> {
      validateParticleBatch(batch);
      validateSolveOptions(options, batch);
      assertParticleRange(batch);
      const { B, n, d } = batch;
      const x = f32(batch.x, [B, n, d]);
      const eps = f32(invSqrtEpsOf(batch.eps), [B]);
      const logW = logWeightsTensor(batch);
      const g0 = options.initLogPotential ? f32(options.initLogPotential, [B, n]) : undefined;
      try {
        const s = await solveBridge(x, eps, batch.eps, logW, g0, options, hooks);
        const [lp, g] = await Promise.all([s.logPlan.data(), s.g.data()]);
        tf.dispose([s.logPlan, s.g]);
        return {
          B,
          n,
          logPotential: Float64Array.from(g),
          logPlan: Float64Array.from(lp),
          iterations: s.iterations,
          residual: s.residual,
        };
      } finally {
        tf.dispose([x, eps, logW, ...(g0 ? [g0] : [])]);
      }
    },
    async step(batch: ParticleBatch, options: SBSolveOptions): Promise<SBStepResult> {
      validateParticleBatch(batch);
      validateSolveOptions(options, batch);
      assertParticleRange(batch);
      const { B, n, d } = batch;
      const x = f32(batch.x, [B, n, d]);
      const eps = f32(invSqrtEpsOf(batch.eps), [B]);
      const logW = logWeightsTensor(batch);
      const g0 = options.initLogPotential ? f32(options.initLogPotential, [B, n]) : undefined;
      try {
        const s = await solveBridge(x, eps, batch.eps, logW, g0, options, hooks);
        const { bary, next } = stepFrom(x, s.logPlan, hooks);
        const [b, y] = await Promise.all([bary.data(), next.data()]);
        tf.dispose([s.logPlan, s.g, bary, next]);
        return {
          barycentre: Float64Array.from(b),
          x: Float64Array.from(y),
          iterations: s.iterations,
          residual: s.residual,
        };
      } finally {
        tf.dispose([x, eps, logW, ...(g0 ? [g0] : [])]);
      }
    },
    async iterate(batch: ParticleBatch, options: SBIterateOptions): Promise<SBTrajectory> {
      validateParticleBatch(batch);
      validateIterateOptions(options, batch);
      assertParticleRange(batch);
      const { B, n, d } = batch;
      const K = options.steps;
      const recordedSteps = recordedStepList(K, options.recordEvery);
      const S = recordedSteps.length;
      const out = new Float64Array(B * S * n * d);
      const iterations = new Float64Array(B * K);
      const residual = new Float64Array(B);
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
        return { B, n, d, recordedSteps, x: out, iterations, residual };
      } finally {
        tf.dispose([x, eps, logW, ...(g ? [g] : [])]);
      }
    },
    async sinkformer(batch: SinkformerBatch, options: SinkformerOptions): Promise<SinkformerOutput> {
      validateSinkformerBatch(batch, options);
      assertSinkformerRange(batch);
      const { B, n, d } = batch;
      const WQ = f32(batch.WQ, [B, d, d]);
      const WK = f32(batch.WK, [B, d, d]);
      const WV = f32(batch.WV, [B, d, d]);
      const invSqrtEps = f32(invSqrtEpsOf(batch.eps), [B, 1, 1]);
      const logA = tf.fill([B, n], -Math.log(n));
      let x = f32(batch.x, [B, n, d]);
      let K: tf.Tensor = tf.zeros([B, n, n]);
      const halfSteps = hooks.rowOnly ? 1 : options.iterations;
      try {
        for (let l = 0; l < (options.layers ?? 1); l++) {
          const nextK = tf.tidy(() => {
            // logits C_ij/ε = (W_Q x_i/√ε)ᵀ(W_K x_j/√ε) (scaled before the product); K = Sinkhorn(C/ε), cost −C
            const q = tf.mul(tf.matMul(x, WQ, false, true), invSqrtEps);
            const k = tf.mul(tf.matMul(x, WK, false, true), invSqrtEps);
            const M = tf.matMul(q, k, false, true);
            let logU = tf.zeros([B, n]);
            let logV = tf.zeros([B, n]);
            for (let h = 1; h <= halfSteps; h++) {
              if (h % 2 === 1) logU = logRowStep(M, logA, logV);
              else logV = logColumnStep(M, logA, logU);
            }
            let logP = tf.add(tf.add(tf.expandDims(logU, 2), tf.expandDims(logV, 1)), M);
            if (hooks.transposePlan) logP = tf.transpose(logP, [0, 2, 1]);
            return rowNormalise(logP);
          });
          const nextX = tf.tidy(() => {
            const v = tf.matMul(x, WV, false, true);
            // x_i + Σ_j K_ij W_V (x_j − x_i), rows of K summing to 1
            return tf.add(x, tf.sub(tf.matMul(nextK, v), v));
          });
          tf.dispose([K, x]);
          K = nextK;
          x = nextX;
        }
        const [xs, ks] = await Promise.all([x.data(), K.data()]);
        if (!xs.every(Number.isFinite) || !ks.every(Number.isFinite)) {
          throw new NumericalError(
            `tfjs Sinkformer: a layer's tokens or logits left the float32 range ` +
              `(largest finite float32 ${sci(FLOAT32_MAX)}); ` +
              'the weights grow the tokens across layers: use fewer layers or a float64 implementation',
          );
        }
        return { x: Float64Array.from(xs), attention: Float64Array.from(ks) };
      } finally {
        tf.dispose([WQ, WK, WV, invSqrtEps, logA, x, K]);
      }
    },
  };
}
