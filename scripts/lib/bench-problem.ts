/** The benchmark's Sinkhorn problems: seeded, float32-exact, and the same on every run and for every peer. */
import type { SinkhornBatch, SinkhornDomain } from '../../impl/capabilities/sinkhorn.js';

/** A uniform draw in [0, 1) from the linear congruential generator of Numerical Recipes (§7.1, a = 1664525). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A deterministic problem: points in [0,1]², squared-Euclidean cost, uniform weights, ε = 0.1 (float32-exact inputs). */
export function benchProblem(B: number, n: number, eps = 0.1, seed = 12345): SinkhornBatch {
  const rnd = lcg(seed);
  const C = new Float64Array(B * n * n);
  for (let b = 0; b < B; b++) {
    const x = Array.from({ length: 2 * n }, rnd);
    const y = Array.from({ length: 2 * n }, rnd);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        C[(b * n + i) * n + j] = Math.fround((x[2 * i]! - y[2 * j]!) ** 2 + (x[2 * i + 1]! - y[2 * j + 1]!) ** 2);
      }
  }
  const a = new Float64Array(B * n).fill(Math.fround(1 / n));
  return { B, n, m: n, a, b: Float64Array.from(a), C, eps: new Float64Array(B).fill(Math.fround(eps)) };
}

/** One benchmarked problem: its id (n…-B…), size, iteration count and the domains timed on it. */
export interface BenchProblem {
  readonly id: string;
  readonly B: number;
  readonly n: number;
  readonly iterations: number;
  readonly problem: SinkhornBatch;
  readonly domains: SinkhornDomain[];
}
