/**
 * The OT transformer's trace read back from its stacked float32 tensors into the float64 fields of
 * OTTransformerTrace (impl/capabilities/ot-transformer.ts; Daneshmand 2024, spec ot-transformer-sorting.md §2:
 * the token columns u, v and the sink token), shared layout [B, ·, T, ·] with T = n + 1 tokens, or n without
 * the sink token.
 */

/** u_ℓ, v_ℓ [B, Q, n] and the sink's ũ_ℓ, ṽ_ℓ [B, Q] (NaN without a sink) from the stacked (u, v) columns [B, Q, T, 2]. */
export function potentialsFromStack(
  pd: ArrayLike<number>,
  s: { readonly B: number; readonly Q: number; readonly T: number; readonly n: number; readonly sink: boolean },
): { u: Float64Array; v: Float64Array; sinkU: Float64Array; sinkV: Float64Array } {
  const { B, Q, T, n } = s;
  const u = new Float64Array(B * Q * n);
  const v = new Float64Array(B * Q * n);
  const sinkU = new Float64Array(B * Q).fill(NaN);
  const sinkV = new Float64Array(B * Q).fill(NaN);
  for (let b = 0; b < B; b++) {
    for (let q = 0; q < Q; q++) {
      const base = (b * Q + q) * T * 2;
      for (let i = 0; i < n; i++) {
        u[(b * Q + q) * n + i] = pd[base + i * 2]!;
        v[(b * Q + q) * n + i] = pd[base + i * 2 + 1]!;
      }
      if (s.sink) {
        sinkU[b * Q + q] = pd[base + n * 2]!;
        sinkV[b * Q + q] = pd[base + n * 2 + 1]!;
      }
    }
  }
  return { u, v, sinkU, sinkV };
}

/** The recorded tokens [B, S, n + 1, F] from the stack [B, S, T, F]; without a sink token the last row is NaN. */
export function tokensFromStack(
  td: Float32Array | Int32Array | Uint8Array,
  s: { readonly B: number; readonly S: number; readonly T: number; readonly n: number; readonly F: number },
): Float64Array {
  const { B, S, T, n, F } = s;
  const tokens = new Float64Array(B * S * (n + 1) * F).fill(NaN);
  for (let bs = 0; bs < B * S; bs++) tokens.set(td.subarray(bs * T * F, (bs + 1) * T * F), bs * (n + 1) * F);
  return tokens;
}
