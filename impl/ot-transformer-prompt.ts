/**
 * The engineered prompt and attention weights of the OT transformer (Daneshmand 2024, arXiv 2410.19931;
 * author's code `Figure2-4.ipynb`, `get_params(optim=True)`; spec ot-transformer-sorting.md §2),
 * generalised to d ≥ 1 as the spec derives: −‖x − y‖² = −‖x‖² + 2⟨x, y⟩ − ‖y‖².
 * Shared by every implementation (reference, tfjs, mutants), together with input validation.
 *
 * Token layout (F = 3d + 8 columns; for d = 1 exactly the code's 11 columns):
 *   0: ‖x‖² · 1..d: x · d+1: ‖y‖² · d+2..2d+1: y · 2d+2, 2d+3, 2d+4: constants 1 · 2d+5: value channel
 *   (1 for points, −1/n for the sink) · 2d+6: u · 2d+7: v · 2d+8..3d+7: output register.
 */
import type { OTTransformerBatch, OTTransformerOptions } from './capabilities/ot-transformer.js';
import { InputError } from './errors.js';
import {
  assertDimension,
  assertFiniteOfShape,
  assertLength,
  assertOptionalBoolean,
  assertOptions,
  assertPositive,
} from './validate.js';

export interface TokenLayout {
  readonly d: number;
  readonly F: number;
  readonly xx: number;
  readonly x: number;
  readonly yy: number;
  readonly y: number;
  /** The three constant columns (code columns 4, 5, 6). */
  readonly c1: number;
  readonly c2: number;
  readonly c3: number;
  readonly value: number;
  readonly u: number;
  readonly v: number;
  readonly out: number;
}

/** Column indices of the prompt for points in R^d (spec §2 table, d > 1 generalisation). */
export function tokenLayout(d: number): TokenLayout {
  return {
    d,
    F: 3 * d + 8,
    xx: 0,
    x: 1,
    yy: d + 1,
    y: d + 2,
    c1: 2 * d + 2,
    c2: 2 * d + 3,
    c3: 2 * d + 4,
    value: 2 * d + 5,
    u: 2 * d + 6,
    v: 2 * d + 7,
    out: 2 * d + 8,
  };
}

/** The weights of one layer: the same in every layer and independent of n. Row-major F×F. */
export interface LayerWeights {
  readonly F: number;
  /** W_QK of heads 1 and 2 (logits A = Z W_QK Zᵀ, no 1/√d scaling). */
  readonly qk: readonly [Float64Array, Float64Array];
  /** W_OV of heads 1 and 2 (E_{value,u} and E_{value,v}). */
  readonly ov: readonly [Float64Array, Float64Array];
  /** W_OV of the sorting readout (E_{x_k, out_k}), used with the masked head-2 attention. */
  readonly readoutOV: Float64Array;
}

/** Knobs that planted-bug variants turn (impl/mutants/ot-transformer.ts); the defaults are the construction. */
export interface WeightVariant {
  /** Multiplier of the logit scale 1/λ (2 gives the '2/λ' mutant). */
  readonly logitScale?: number;
  /** Sign of the head-2 value matrix (−1 gives the 'wrong sign' mutant). */
  readonly head2ValueSign?: number;
}

/**
 * Head 1: W_QK = (1/λ)(−E_{c1,yy} + 2Σ_k E_{x_k,y_k} − E_{xx,c1} + E_{u,c2} − λE_{c2,c3} + E_{c3,v}), W_OV = E_{value,u};
 * head 2: W_QK = (1/λ)(−E_{c1,xx} + 2Σ_k E_{y_k,x_k} − E_{yy,c1} + E_{v,c2} − λE_{c2,c3} + E_{c3,u}), W_OV = E_{value,v}
 * (spec §2; code: `Q`, `P`, `Q2`, `P2`). Logits on point tokens:
 * A¹_ij = (u_i + v_j − ‖x_i − y_j‖²)/λ − 1, A²_ij = (v_i + u_j − ‖y_i − x_j‖²)/λ − 1.
 */
export function layerWeights(lambda: number, d: number, variant: WeightVariant = {}): LayerWeights {
  const t = tokenLayout(d);
  const F = t.F;
  const s = (variant.logitScale ?? 1) / lambda;
  const qk1 = new Float64Array(F * F);
  const qk2 = new Float64Array(F * F);
  const set = (w: Float64Array, a: number, b: number, val: number): void => {
    w[a * F + b] = (w[a * F + b] ?? 0) + val;
  };
  set(qk1, t.c1, t.yy, -s);
  set(qk1, t.xx, t.c1, -s);
  set(qk1, t.u, t.c2, s);
  set(qk1, t.c2, t.c3, -s * lambda);
  set(qk1, t.c3, t.v, s);
  set(qk2, t.c1, t.xx, -s);
  set(qk2, t.yy, t.c1, -s);
  set(qk2, t.v, t.c2, s);
  set(qk2, t.c2, t.c3, -s * lambda);
  set(qk2, t.c3, t.u, s);
  for (let k = 0; k < d; k++) {
    set(qk1, t.x + k, t.y + k, 2 * s);
    set(qk2, t.y + k, t.x + k, 2 * s);
  }
  const ov1 = new Float64Array(F * F);
  const ov2 = new Float64Array(F * F);
  ov1[t.value * F + t.u] = 1;
  ov2[t.value * F + t.v] = variant.head2ValueSign ?? 1;
  const readoutOV = new Float64Array(F * F);
  for (let k = 0; k < d; k++) readoutOV[(t.x + k) * F + t.out + k] = 1;
  return { F, qk: [qk1, qk2], ov: [ov1, ov2], readoutOV };
}

/**
 * The prompt Z_0 of instance b, shape [(n + 1), F] (or [n, F] without the sink token): point tokens
 * (‖x_i‖², x_i, ‖y_i‖², y_i, 1, 1, 1, 1, u_i, v_i, 0) and the sink token (0, …, 0, −1/n, ũ, ṽ, 0).
 * n enters only through the −1/n entry (spec §2: "fixed parameters for arbitrary n").
 */
export function promptTokens(batch: OTTransformerBatch, b: number, sink = true): Float64Array {
  const { n, d } = batch;
  const t = tokenLayout(d);
  const F = t.F;
  const Z = new Float64Array((n + (sink ? 1 : 0)) * F);
  for (let i = 0; i < n; i++) {
    const row = i * F;
    let xx = 0;
    let yy = 0;
    for (let k = 0; k < d; k++) {
      const xk = batch.x[(b * n + i) * d + k]!;
      const yk = batch.y[(b * n + i) * d + k]!;
      Z[row + t.x + k] = xk;
      Z[row + t.y + k] = yk;
      xx += xk * xk;
      yy += yk * yk;
    }
    Z[row + t.xx] = xx;
    Z[row + t.yy] = yy;
    Z[row + t.c1] = 1;
    Z[row + t.c2] = 1;
    Z[row + t.c3] = 1;
    Z[row + t.value] = 1;
    Z[row + t.u] = batch.u0?.[b * n + i] ?? 0;
    Z[row + t.v] = batch.v0?.[b * n + i] ?? 0;
  }
  if (sink) {
    const row = n * F;
    Z[row + t.value] = -1 / n;
    Z[row + t.u] = batch.sinkU0?.[b] ?? 0;
    Z[row + t.v] = batch.sinkV0?.[b] ?? 0;
  }
  return Z;
}

/** Squared-Euclidean cost C_ij = ‖x_i − y_j‖² of instance b, row-major n×n (float64). */
export function costOf(batch: OTTransformerBatch, b: number): Float64Array {
  const { n, d } = batch;
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let c = 0;
      for (let k = 0; k < d; k++) c += (batch.x[(b * n + i) * d + k]! - batch.y[(b * n + j) * d + k]!) ** 2;
      C[i * n + j] = c;
    }
  }
  return C;
}

/** The recorded layers as a sorted list (default [L]). */
export function recordedLayers(options: OTTransformerOptions): number[] {
  const L = options.layers;
  if (options.record === 'all') return [...Array(L + 1).keys()];
  const r = options.record ?? [L];
  return [...new Set(r)].sort((p, q) => p - q);
}

/** Throws an InputError naming the argument for NaN, ±∞, λ ≤ 0, γ ≤ 0, shape mismatch, n < 2, bad layers. */
export function validateOTTransformerInput(batch: OTTransformerBatch, options: OTTransformerOptions): void {
  if (batch === null || typeof batch !== 'object')
    throw new InputError('batch', 'must be an object {B, n, d, x, y, lambda, gamma}');
  const { B, n, d } = batch;
  assertDimension('B', B);
  assertDimension('n', n, 2);
  assertDimension('d', d);
  for (const key of ['x', 'y', 'lambda', 'gamma'] as const) {
    if (!(batch[key] instanceof Float64Array)) throw new InputError(key, 'must be a Float64Array');
  }
  assertFiniteOfShape('x', batch.x, [B, n, d]);
  assertFiniteOfShape('y', batch.y, [B, n, d]);
  assertLength('lambda', batch.lambda, [B]);
  assertPositive('lambda', batch.lambda);
  assertLength('gamma', batch.gamma, [B]);
  assertPositive('gamma', batch.gamma);
  for (const [key, shape] of [
    ['u0', [B, n]],
    ['v0', [B, n]],
    ['sinkU0', [B]],
    ['sinkV0', [B]],
  ] as const) {
    const arr = batch[key];
    if (arr === undefined) continue;
    if (!(arr instanceof Float64Array)) throw new InputError(key, 'must be a Float64Array');
    assertFiniteOfShape(key, arr, shape);
  }
  assertOptions(options, '{layers, record?, potentials?, tokens?}');
  assertDimension('layers', options.layers, 0);
  assertOptionalBoolean('tokens', options.tokens);
  if (options.record !== undefined && options.record !== 'all') {
    if (!Array.isArray(options.record) || options.record.length === 0)
      throw new InputError('record', "must be 'all' or a non-empty list of layers");
    for (const l of options.record) {
      if (!Number.isInteger(l) || l < 0 || l > options.layers)
        throw new InputError('record', `layer ${l} is outside [0, ${options.layers}]`);
    }
  }
  if (options.potentials !== undefined && options.potentials !== 'all' && options.potentials !== 'recorded') {
    throw new InputError('potentials', `must be 'all' or 'recorded', got ${String(options.potentials)}`);
  }
}
