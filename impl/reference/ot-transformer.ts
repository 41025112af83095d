/**
 * Float64 oracle of the OT transformer (Daneshmand 2024, arXiv 2410.19931; spec ot-transformer-sorting.md §2):
 *  - the token-level layer Z ← Z − γ Σ_h S(Z W_QK^h Zᵀ) Z W_OV^h with a row-max-stabilised softmax,
 *    run on the engineered prompt (impl/ot-transformer-prompt.ts);
 *  - the closed-form preconditioned dual gradient step it equals (spec §2, CORRECTED form with the sink
 *    potentials), for the differential tests of claim P1;
 *  - the capability `otTransformer` in float64 (token-level), so every claim can run against the oracle.
 */
import type {
  OTTransformer,
  OTTransformerBatch,
  OTTransformerOptions,
  OTTransformerTrace,
} from '../capabilities/ot-transformer.js';
import {
  costOf,
  layerWeights,
  promptTokens,
  recordedLayers,
  tokenLayout,
  validateOTTransformerInput,
  type LayerWeights,
} from '../ot-transformer-prompt.js';

/** Logits A = Z W Zᵀ of one head, [T×T] row-major, for T tokens of width F (zero weights skipped). */
function headLogits(Z: Float64Array, T: number, F: number, W: Float64Array): Float64Array {
  const Q = new Float64Array(T * F);
  for (let a = 0; a < F; a++) {
    for (let b = 0; b < F; b++) {
      const w = W[a * F + b]!;
      if (w === 0) continue;
      for (let i = 0; i < T; i++) Q[i * F + b] = Q[i * F + b]! + Z[i * F + a]! * w;
    }
  }
  const A = new Float64Array(T * T);
  for (let i = 0; i < T; i++) {
    for (let j = 0; j < T; j++) {
      let s = 0;
      for (let k = 0; k < F; k++) s += Q[i * F + k]! * Z[j * F + k]!;
      A[i * T + j] = s;
    }
  }
  return A;
}

/** Row softmax over the first `keys` columns of a [T×T] logit matrix, max-shifted (in place into a new array). */
function rowSoftmax(A: Float64Array, T: number, keys: number = T): Float64Array {
  const S = new Float64Array(T * keys);
  for (let i = 0; i < T; i++) {
    let max = -Infinity;
    for (let j = 0; j < keys; j++) max = Math.max(max, A[i * T + j]!);
    let sum = 0;
    for (let j = 0; j < keys; j++) {
      const e = Math.exp(A[i * T + j]! - max);
      S[i * keys + j] = e;
      sum += e;
    }
    for (let j = 0; j < keys; j++) S[i * keys + j] = S[i * keys + j]! / sum;
  }
  return S;
}

/** One token-level layer (spec §2, "Layer update"): returns Z − γ Σ_h S(Z W_QK^h Zᵀ) Z W_OV^h. */
function tokenLayer(Z: Float64Array, T: number, W: LayerWeights, gamma: number): Float64Array {
  const F = W.F;
  const next = Float64Array.from(Z);
  for (let h = 0; h < 2; h++) {
    const S = rowSoftmax(headLogits(Z, T, F, W.qk[h]!), T);
    const ov = W.ov[h]!;
    // (S Z) W_OV, skipping zero weights
    for (let a = 0; a < F; a++) {
      for (let b = 0; b < F; b++) {
        const w = ov[a * F + b]!;
        if (w === 0) continue;
        for (let i = 0; i < T; i++) {
          let sz = 0;
          for (let j = 0; j < T; j++) sz += S[i * T + j]! * Z[j * F + a]!;
          next[i * F + b] = next[i * F + b]! - gamma * sz * w;
        }
      }
    }
  }
  return next;
}

/** The layer-ℓ readout of a token matrix (n point tokens first): log P_ℓ, M_ℓ, M_ℓ·x. */
interface LayerReadout {
  readonly planLogits: Float64Array;
  readonly readout: Float64Array;
  readonly sorted: Float64Array;
}

/**
 * log P_ℓ = head-1 logits on point tokens; M_ℓ = head-2 row-softmax with the sink key masked;
 * sorting output = M_ℓ Z W_OV^{readout} restricted to the output register (spec §2, "Reading out P_ℓ").
 */
function layerReadout(Z: Float64Array, T: number, n: number, d: number, W: LayerWeights): LayerReadout {
  const F = W.F;
  const t = tokenLayout(d);
  const A1 = headLogits(Z, T, F, W.qk[0]);
  const A2 = headLogits(Z, T, F, W.qk[1]);
  const planLogits = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) planLogits[i * n + j] = A1[i * T + j]!;
  const S = rowSoftmax(A2, T, n);
  const readout = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) readout[i * n + j] = S[i * n + j]!;
  const sorted = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) {
      let s = 0;
      for (let j = 0; j < n; j++) {
        // value of token j through W_OV^{readout}: column out+k receives x_k
        for (let a = 0; a < F; a++) {
          const w = W.readoutOV[a * F + t.out + k]!;
          if (w !== 0) s += S[i * n + j]! * Z[j * F + a]! * w;
        }
      }
      sorted[i * d + k] = s;
    }
  }
  return { planLogits, readout, sorted };
}

/** Dual state of the closed form: potentials u, v (length n) and sink potentials ũ, ṽ. */
export interface DualState {
  readonly u: Float64Array;
  readonly v: Float64Array;
  readonly sinkU: number;
  readonly sinkV: number;
}

/** (e^t − 1/n)/(e^t + 1), evaluated without overflow for any t. */
function stepRatio(t: number, n: number): number {
  if (t > 0) {
    const e = Math.exp(-t);
    return (1 - e / n) / (1 + e);
  }
  const e = Math.exp(t);
  return (e - 1 / n) / (e + 1);
}

/** log Σ_k exp(x_k) of a small array, max-shifted. */
function lse(x: ArrayLike<number>): number {
  let max = -Infinity;
  for (let k = 0; k < x.length; k++) max = Math.max(max, x[k]!);
  if (!Number.isFinite(max)) return max;
  let s = 0;
  for (let k = 0; k < x.length; k++) s += Math.exp(x[k]! - max);
  return max + Math.log(s);
}

/**
 * The closed form of one layer (spec §2, CORRECTED; Daneshmand's "gradient descent with adaptive step
 * sizes", slide 9): with log P_ij = (u_i + v_j − C_ij)/λ − 1, r = P1, c = Pᵀ1,
 *   u⁺ = u − γ (r − e^{ṽ/λ}/n)/(r + e^{ṽ/λ}),   v⁺ = v − γ (c − e^{ũ/λ}/n)/(c + e^{ũ/λ}),
 *   ũ⁺ = ũ − γ (n e^{ũ/λ} − 1/n)/(n e^{ũ/λ} + 1),  ṽ⁺ likewise;
 * evaluated in the log domain as (e^{t} − 1/n)/(e^{t} + 1) with t = log r_i − ṽ/λ.
 */
export function dualGradientStep(
  s: DualState,
  C: ArrayLike<number>,
  n: number,
  lambda: number,
  gamma: number,
): DualState {
  const u = new Float64Array(n);
  const v = new Float64Array(n);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) row[j] = (s.u[i]! + s.v[j]! - C[i * n + j]!) / lambda - 1;
    u[i] = s.u[i]! - gamma * stepRatio(lse(row) - s.sinkV / lambda, n);
  }
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) row[i] = (s.u[i]! + s.v[j]! - C[i * n + j]!) / lambda - 1;
    v[j] = s.v[j]! - gamma * stepRatio(lse(row) - s.sinkU / lambda, n);
  }
  // sink row: n keys with logit ũ/λ and value 1, one key with logit 0 and value −1/n
  const sink = (w: number): number => w - gamma * stepRatio(Math.log(n) + w / lambda, n);
  return { u, v, sinkU: sink(s.sinkU), sinkV: sink(s.sinkV) };
}

/** The limit of the sink potentials, ũ* = ṽ* = −2λ log n (spec §2, DERIVED; claim P14). */
export function sinkPotentialLimit(n: number, lambda: number): number {
  return -2 * lambda * Math.log(n);
}

/** Hooks of the float64 model (used by tests; the tfjs model has the same knobs for mutants). */
export interface ReferenceOTTransformerOptions {
  /** 'token' (default): the token-level layer; 'closed-form': the dual step (spec §2), much faster. */
  readonly mode?: 'token' | 'closed-form';
}

/** Float64 OT transformer as an implementation (capability `otTransformer`). */
export function createReferenceOTTransformer(
  name = 'reference',
  options: ReferenceOTTransformerOptions = {},
): OTTransformer {
  const mode = options.mode ?? 'token';
  return {
    name,
    precision: 'float64',
    async forward(batch: OTTransformerBatch, opts: OTTransformerOptions): Promise<OTTransformerTrace> {
      validateOTTransformerInput(batch, opts);
      const { B, n, d } = batch;
      const L = opts.layers;
      const recorded = recordedLayers(opts);
      const potentialLayers = opts.potentials === 'all' ? [...Array(L + 1).keys()] : recorded;
      const S = recorded.length;
      const Q = potentialLayers.length;
      const t = tokenLayout(d);
      const F = t.F;
      const T = n + 1;
      const out = {
        u: new Float64Array(B * Q * n),
        v: new Float64Array(B * Q * n),
        sinkU: new Float64Array(B * Q),
        sinkV: new Float64Array(B * Q),
        planLogits: new Float64Array(B * S * n * n),
        readout: new Float64Array(B * S * n * n),
        sorted: new Float64Array(B * S * n * d),
        tokens: opts.tokens ? new Float64Array(B * S * T * F) : undefined,
      };
      for (let b = 0; b < B; b++) {
        const lambda = batch.lambda[b]!;
        const gamma = batch.gamma[b]!;
        const W = layerWeights(lambda, d);
        let Z = promptTokens(batch, b);
        const C = mode === 'closed-form' ? costOf(batch, b) : undefined;
        let q = 0;
        let s = 0;
        for (let l = 0; l <= L; l++) {
          if (q < Q && potentialLayers[q] === l) {
            for (let i = 0; i < n; i++) {
              out.u[(b * Q + q) * n + i] = Z[i * F + t.u]!;
              out.v[(b * Q + q) * n + i] = Z[i * F + t.v]!;
            }
            out.sinkU[b * Q + q] = Z[n * F + t.u]!;
            out.sinkV[b * Q + q] = Z[n * F + t.v]!;
            q++;
          }
          if (s < S && recorded[s] === l) {
            const r = layerReadout(Z, T, n, d, W);
            out.planLogits.set(r.planLogits, (b * S + s) * n * n);
            out.readout.set(r.readout, (b * S + s) * n * n);
            out.sorted.set(r.sorted, (b * S + s) * n * d);
            out.tokens?.set(Z, (b * S + s) * T * F);
            s++;
          }
          if (l === L) break;
          if (mode === 'token') Z = tokenLayer(Z, T, W, gamma);
          else {
            const st = dualGradientStep(
              {
                u: Float64Array.from({ length: n }, (_, i) => Z[i * F + t.u]!),
                v: Float64Array.from({ length: n }, (_, i) => Z[i * F + t.v]!),
                sinkU: Z[n * F + t.u]!,
                sinkV: Z[n * F + t.v]!,
              },
              C!,
              n,
              lambda,
              gamma,
            );
            for (let i = 0; i < n; i++) {
              Z[i * F + t.u] = st.u[i]!;
              Z[i * F + t.v] = st.v[i]!;
            }
            Z[n * F + t.u] = st.sinkU;
            Z[n * F + t.v] = st.sinkV;
          }
        }
      }
      return { B, n, d, layers: L, recorded, potentialLayers, features: F, ...out };
    },
  };
}
