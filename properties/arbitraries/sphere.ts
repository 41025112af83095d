/**
 * Particles on the unit sphere and batches of self-attention systems: the shared arbitrary of the
 * `energy.*`, `dynamics.*` and `clustering.*` properties (spec attention-dynamics-clustering §5, "Default
 * generator"). Uniform points are g/‖g‖ with g ~ N(0, I_d) (Box–Muller on float32-exact unit floats), rounded
 * to float32 so that the float64 oracle and a float32 implementation see the same input. Data are drawn at
 * maximal size and sliced, so shrinking keeps the leading particles (as properties/arbitraries/sinkhorn-batch).
 */
import { gaussianFromUnits, mulberry32 } from '../../impl/reference/prng.js';
import fc from 'fast-check';
import type { SphereBatch } from '../../impl/capabilities/sphere-dynamics.js';
import { logUniformMid, spreadUnitBlock } from './scalars.js';

/**
 * n uniform points on S^{d−1} (row-major [n, d]) from a raw block of ≥ 2·nMax·dMax unit floats laid out for
 * (nMax, dMax); rounded to float32. A zero Gaussian row (only when shrinking reaches it) becomes e_1.
 */
export function uniformSpherePoints(raw: readonly number[], n: number, d: number, dMax: number): Float64Array {
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) {
      const q = 2 * (i * dMax + k);
      const g = gaussianFromUnits(raw[q]!, raw[q + 1]!);
      x[i * d + k] = g;
      s += g * g;
    }
    const r = Math.sqrt(s);
    for (let k = 0; k < d; k++) x[i * d + k] = r > 0 ? Math.fround(x[i * d + k]! / r) : k === 0 ? 1 : 0;
  }
  return x;
}

/** A d×d matrix with i.i.d. N(0, 1/d) entries from 2d² unit floats (real Ginibre, scaled as in phase-diagrams.py). */
export function ginibre(raw: readonly number[], d: number, offset = 0): Float64Array {
  const M = new Float64Array(d * d);
  const s = 1 / Math.sqrt(d);
  for (let k = 0; k < d * d; k++)
    M[k] = Math.fround(gaussianFromUnits(raw[offset + 2 * k]!, raw[offset + 2 * k + 1]!) * s);
  return M;
}

/** The symmetric part (M + Mᵀ)/√2 of a Ginibre matrix (GOE, spec §3 Fig. 5 `randomKQ=3`, scaled by 1/√d). */
export function goe(raw: readonly number[], d: number, offset = 0): Float64Array {
  const M = ginibre(raw, d, offset);
  const S = new Float64Array(d * d);
  for (let r = 0; r < d; r++)
    for (let c = 0; c < d; c++) S[r * d + c] = Math.fround((M[r * d + c]! + M[c * d + r]!) / Math.SQRT2);
  return S;
}

/** How β is drawn per instance. */
type BetaLaw =
  | { readonly kind: 'log-uniform'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'fixed'; readonly value: number };

export interface SphereCaseSpec {
  readonly nMin?: number;
  readonly nMax: number;
  /** Dimensions to draw from (one per batch). */
  readonly dims: readonly number[];
  /** Batch size: fixed (probabilistic claims count trials) or a range. */
  readonly batch: number | { readonly min: number; readonly max: number };
  readonly beta: BetaLaw;
  /** Free unit floats per instance (hemisphere directions, matrices, perturbations). */
  readonly extraLength?: number;
  /** Dimension must be ≥ n (Thm 6.3): n is capped at d. */
  readonly nAtMostD?: boolean;
}

/** A drawn batch of particle systems plus per-instance free randomness. */
export interface SphereCase {
  readonly batch: SphereBatch;
  readonly extra: ReadonlyArray<readonly number[]>;
  /** Layout the raw blocks were drawn for (to slice `extra` consistently). */
  readonly dMax: number;
}

/** The arbitrary of SphereCase (see module doc). */
export function sphereCase(spec: SphereCaseSpec): fc.Arbitrary<SphereCase> {
  const dMax = Math.max(...spec.dims);
  const betaArb = spec.beta.kind === 'fixed' ? fc.constant(spec.beta.value) : logUniformMid(spec.beta.lo, spec.beta.hi);
  // blocks and β shrink towards spread points, non-degenerate matrices and a moderate β (scalars.ts)
  const instance = fc.record({
    beta: betaArb,
    points: spreadUnitBlock(2 * spec.nMax * dMax),
    extra: spreadUnitBlock(spec.extraLength ?? 0),
  });
  const size =
    typeof spec.batch === 'number'
      ? { minLength: spec.batch, maxLength: spec.batch }
      : { minLength: spec.batch.min, maxLength: spec.batch.max };
  return fc
    .record({
      n: fc.integer({ min: spec.nMin ?? 2, max: spec.nMax }),
      d: fc.constantFrom(...spec.dims),
      instances: fc.array(instance, size),
    })
    .map(({ n: n0, d, instances }) => {
      const n = spec.nAtMostD ? Math.min(n0, d) : n0;
      const B = instances.length;
      const x = new Float64Array(B * n * d);
      const beta = new Float64Array(B);
      instances.forEach((ins, b) => {
        x.set(uniformSpherePoints(ins.points, n, d, dMax), b * n * d);
        beta[b] = ins.beta;
      });
      return { batch: { B, n, d, x, beta }, extra: instances.map((i) => i.extra), dMax };
    });
}

/** A unit vector of R^d from 2d unit floats at `offset` (Gaussian direction). */
export function unitVector(raw: readonly number[], d: number, offset = 0): Float64Array {
  return uniformSpherePoints(raw.slice(offset, offset + 2 * d), 1, d, d);
}

/**
 * Uniform points from a 32-bit seed (mulberry32 + Box–Muller), rounded to float32, for figure reproductions whose
 * size (10⁴–10⁶ particles) is too large for fast-check blocks; deterministic in the seed.
 */
export function seededSpherePoints(seed: number, count: number, d: number): Float64Array {
  const next = mulberry32(seed);
  const raw = new Array<number>(2 * count * d);
  for (let k = 0; k < raw.length; k++) raw[k] = next();
  return uniformSpherePoints(raw, count, d, d);
}
