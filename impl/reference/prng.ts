/**
 * mulberry32: a small deterministic PRNG on [0, 1) for seeded, reproducible streams (initial tokens, figure
 * instances, samplers). Not cryptographic; period 2³².
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit linear congruential generator (Numerical Recipes constants a = 1103515245, c = 12345, modulus 2³²)
 * on the open interval (0, 1): u = (s + ½)/2³², so log u is always finite. Deterministic in `seed`; kept for
 * streams whose draws are fixed by earlier choices (the candidate directions of the interpolation construction).
 */
export function lcg32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s + 0.5) / 4294967296;
  };
}

/** A standard normal from two unit floats u1, u2 ∈ [0, 1) (Box–Muller; 1 − u1 avoids log 0). */
export function gaussianFromUnits(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}
