/**
 * The OT transformer's layer as the tfjs forward (ot-transformer.ts) computes it, planned in float64 from the
 * weights of spec §2 (Daneshmand 2024, arXiv 2410.19931; spec ot-transformer-sorting.md §2): which token columns
 * the residual reads and writes, the value weights on the carried columns, both heads' W_QK side by side, and the
 * rank-one split of the logits on the rank-one route. Plain arrays; the forward turns them into tensors.
 */

/** The logit route of {@link logitsRouteFor}: both are exact, they differ in speed. */
export type LogitsRoute = 'direct' | 'rank-one';

/**
 * Logit entries B·2T·T from which the rank-one route is the faster one on wasm. Below it a layer is
 * dispatch-bound and the direct product (Z W_QK) Zᵀ, 4 ops against about 14, wins. Measured µs per layer on one
 * idle core (tmp benchmark kept out of the tree), direct / rank-one: B = 64, n = 32: 4095 / 1987; B = 16, n = 32:
 * 1019 / 788; B = 16, n = 16: 341 / 350; B = 64, n = 8: 436 / 535; B = 5, n = 8: 104 / 170.
 */
const RANK_ONE_MIN_ENTRIES = 2 ** 14;

/** The route for B instances of T tokens: `override` when given, else by size ({@link RANK_ONE_MIN_ENTRIES}). */
export function logitsRouteFor(B: number, T: number, override?: LogitsRoute): LogitsRoute {
  return override ?? (B * 2 * T * T >= RANK_ONE_MIN_ENTRIES ? 'rank-one' : 'direct');
}

export interface LayerPlan {
  /** Rows of W_OV with a nonzero entry (the value channel): the columns of Z the residual reads. */
  readonly R: readonly number[];
  /** Columns of W_OV[R, :] with a nonzero entry (u and v): the columns of Z the residual writes. */
  readonly C: readonly number[];
  /** The columns carried from layer to layer: C on the rank-one route, all F on the direct one. */
  readonly stateColumns: readonly number[];
  /** W_OV^h[R, state columns] of both heads stacked, [2|R|, |state columns|]. */
  readonly WOV: Float64Array;
  /** W_QK of both heads side by side per weight set, [P, F, 2F] (head h at columns h·F). */
  readonly WQK: Float64Array;
  /** Rank-one terms per head (the larger count of the two heads; the other is padded with zero factors). */
  readonly K: number;
  /** Left factors A·GL + Z_s·ML ([P, |C|, 2K] and [P, F, 2K]; factor (h, k) at column h·K + k). */
  readonly GL: Float64Array;
  readonly ML: Float64Array;
  /** Right factors A·GR + Z_s·MR (factor (h, k) at column 2k + h). */
  readonly GR: Float64Array;
  readonly MR: Float64Array;
  /** The embedding of C into F columns, [|C|, F]. */
  readonly E: Float64Array;
  /** The prompt Z0 with the columns C zeroed. */
  readonly Zs: Float64Array;
}

/**
 * The plan for the weight sets `qk` (one per distinct λ, P of them), the value weights `ov` (the same for every λ),
 * F token columns and the prompt Z0 ([B, T, F] row-major).
 */
export function layerPlan(
  qk: ReadonlyArray<readonly [Float64Array, Float64Array]>,
  ov: readonly Float64Array[],
  F: number,
  Z0: Float64Array,
  rankOne: boolean,
): LayerPlan {
  const P = qk.length;
  const nonzero = (w: Float64Array, a: number, c: number): boolean => w[a * F + c] !== 0;
  const columns = [...Array(F).keys()];
  // W_OV does not depend on λ, γ or n. Only its rows R with a nonzero entry (the value channel) are read,
  // and only its nonzero columns C (u and v) are written: Σ_h S_h Z W_OV^h = Σ_h (S_h Z[:, R]) W_OV^h[R, C]
  // on the columns C, and exactly 0 elsewhere.
  const R = columns.filter((a) => ov.some((w) => columns.some((c) => nonzero(w, a, c))));
  const C = columns.filter((c) => ov.some((w) => R.some((a) => nonzero(w, a, c))));
  const w = C.length;
  // the state carried between layers: A = Z[:, C] on the rank-one route, all of Z on the direct one
  const stateColumns = rankOne ? C : columns;
  const ws = stateColumns.length;
  const WOV = new Float64Array(2 * R.length * ws);
  for (let h = 0; h < 2; h++)
    R.forEach((a, k) => stateColumns.forEach((c, j) => (WOV[(h * R.length + k) * ws + j] = ov[h]![a * F + c]!)));
  // The columns outside C keep their prompt value at every layer (they only ever receive −γ·0, exact in
  // float32), so the state carried from layer to layer is A = Z[:, C] ([B, T, w]) and Z = Z_s + A Eᵀ, where
  // Z_s is the prompt with the columns C zeroed and E embeds C. With Wʰ = W_QK^h the logits split as
  //   Z Wʰ Zᵀ = Z_s Wʰ Z_sᵀ + Σ_i A_i ⊗ (Z_s Wʰ[C_i, :]ᵀ) + Σ_j (Z_s Wʰ[:, C_j] + A Wʰ[C, C_j]) ⊗ A_j,
  // the first term computed once and the others as rank-one terms, one per nonzero row C_i and nonzero
  // column C_j of Wʰ (two per head in the construction): broadcast products, no batched matMul per layer.
  const Zs = Z0.slice();
  for (let r = 0; r < Z0.length / F; r++) for (const c of C) Zs[r * F + c] = 0;
  /** One rank-one term of head h: left and right factors, each a column of A, of K_h (static) or of P_h. */
  interface Term {
    readonly left: { readonly kind: 'A' | 'P'; readonly col: number };
    readonly right: { readonly kind: 'A' | 'K'; readonly col: number };
  }
  const rowUsed = (h: number, a: number): boolean => qk.some((W) => columns.some((c) => nonzero(W[h]!, a, c)));
  const colUsed = (h: number, c: number): boolean => qk.some((W) => columns.some((a) => nonzero(W[h]!, a, c)));
  const terms = [0, 1].map((h): Term[] => [
    ...C.flatMap((c, i): Term[] =>
      rowUsed(h, c) ? [{ left: { kind: 'A', col: i }, right: { kind: 'K', col: i } }] : [],
    ),
    ...C.flatMap((c, j): Term[] =>
      colUsed(h, c) ? [{ left: { kind: 'P', col: j }, right: { kind: 'A', col: j } }] : [],
    ),
  ]);
  const K = Math.max(terms[0]!.length, terms[1]!.length);
  // left factor (h, k) at column h·K + k of A·GL + Z_s·ML; right factor (h, k) at column 2k + h of A·GR + Z_s·MR
  const WQK = new Float64Array(P * F * 2 * F); // both heads side by side ([F, 2F], head h at columns h·F)
  const GL = new Float64Array(P * w * 2 * K);
  const ML = new Float64Array(P * F * 2 * K);
  const GR = new Float64Array(P * w * 2 * K);
  const MR = new Float64Array(P * F * 2 * K);
  for (let b = 0; b < P; b++) {
    for (let h = 0; h < 2; h++) {
      const Wh = qk[b]![h]!;
      for (let a = 0; a < F; a++) for (let c = 0; c < F; c++) WQK[(b * F + a) * 2 * F + h * F + c] = Wh[a * F + c]!;
      terms[h]!.forEach(({ left, right }, k) => {
        const l = h * K + k;
        const r = 2 * k + h;
        if (left.kind === 'A') GL[(b * w + left.col) * 2 * K + l] = 1;
        if (left.kind === 'P') {
          for (let a = 0; a < F; a++) ML[(b * F + a) * 2 * K + l] = Wh[a * F + C[left.col]!]!;
          C.forEach((c, i) => (GL[(b * w + i) * 2 * K + l] = Wh[c * F + C[left.col]!]!));
        }
        if (right.kind === 'A') GR[(b * w + right.col) * 2 * K + r] = 1;
        if (right.kind === 'K') for (let a = 0; a < F; a++) MR[(b * F + a) * 2 * K + r] = Wh[C[right.col]! * F + a]!;
      });
    }
  }
  const E = new Float64Array(w * F);
  C.forEach((c, i) => (E[i * F + c] = 1));
  return { R, C, stateColumns, WOV, WQK, K, GL, ML, GR, MR, E, Zs };
}
