/**
 * Exact linear assignment (Kuhn 1955; Munkres 1957) by shortest augmenting paths with potentials,
 * O(n³) (Jonker & Volgenant 1987 formulation). Used for W2 between uniform empirical measures of
 * equal size, where an optimal plan is a permutation (Birkhoff–von Neumann).
 */

/** The permutation σ minimising Σ_i C[i, σ(i)] for a square cost (row-major n×n), and its cost. */
export function hungarian(C: ArrayLike<number>, n: number): { assignment: Int32Array; cost: number } {
  const INF = Infinity;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1); // p[j]: row matched to column j (1-based), 0 = free
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(INF);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = C[(i0 - 1) * n + (j - 1)]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const assignment = new Int32Array(n);
  for (let j = 1; j <= n; j++) if (p[j]! > 0) assignment[p[j]! - 1] = j - 1;
  let cost = 0;
  for (let i = 0; i < n; i++) cost += C[i * n + assignment[i]!]!;
  return { assignment, cost };
}
