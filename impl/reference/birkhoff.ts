/**
 * Birkhoff's contraction coefficient of a positive kernel K = exp(−C/ε).
 *
 * Birkhoff (1957); Peyré & Cuturi (2019), Theorem 4.1:
 *   d_H(Kv, Kv′) ≤ κ(K) d_H(v, v′),  κ(K) = tanh(Δ(K)/4),
 *   Δ(K) = log max_{i,j,k,l} K_ik K_jl /(K_jk K_il) = max_{ijkl} (C_jk + C_il − C_ik − C_jl)/ε.
 */

/**
 * Projective diameter Δ(K) of K = exp(−C/ε) for one n×m cost matrix stored at `offset` in C.
 * The four-index maximum separates: for each row pair (i, j),
 * max_k (C_jk − C_ik) + max_l (C_il − C_jl), so the cost is O(n²m).
 */
export function projectiveDiameter(C: ArrayLike<number>, n: number, m: number, eps: number, offset = 0): number {
  let best = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      let maxK = -Infinity;
      let maxL = -Infinity;
      for (let k = 0; k < m; k++) {
        const cik = C[offset + i * m + k]!;
        const cjk = C[offset + j * m + k]!;
        if (cjk - cik > maxK) maxK = cjk - cik;
        if (cik - cjk > maxL) maxL = cik - cjk;
      }
      if (maxK + maxL > best) best = maxK + maxL;
    }
  }
  return best / eps;
}

/** κ = tanh(Δ/4), Birkhoff's contraction ratio for the projective diameter Δ (Peyré & Cuturi, Thm 4.1). */
export function birkhoffContraction(diameter: number): number {
  return Math.tanh(diameter / 4);
}
