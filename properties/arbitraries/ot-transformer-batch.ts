/**
 * Batches of OT-transformer prompts of one shape (spec ot-transformer-sorting.md §7, "Default generator G"),
 * the shared arbitrary of every `ot-transformer.*` and `sorting.*` property. Point families:
 *  - unit-cube: x, y ~ U([0,1]^d)/√d, so C_ij ∈ [0, 1] (G);
 *  - sorting-grid (d = 1): x = n distinct values of the 1/50 grid, y_i = (i − 1)/n (the Fig. 2 training data);
 *  - paper-grid (d = 1): x = perm(0..n−1)/n, y = 0, 1, …, n − 1 (the Fig. 3/4 setup; costs up to (n − 1)²).
 * Initialisations: zero (slides: u_0 = v_0 = 0), code (u ~ N(0,1), v ~ U(0,1)), random (u, v ~ U[−1,1],
 * ũ = ṽ ~ U[−1,0]: arbitrary states for the one-layer identities). λ is log-uniform; γ = f·λ with f uniform.
 * Every value is rounded to float32 so the float64 oracle and a float32 model see the same input. Data
 * are drawn at maximal size and sliced. Shrinking drops instances (down to the failing ones) and moves n
 * towards the middle of its range; λ, γ/λ, the points and the initialisation do not shrink: shrinking
 * hundreds of unit floats one by one takes thousands of model calls and ends on degenerate inputs (collapsed
 * points, n = 2, all λ equal) where a bug is barely over the tolerance.
 */
import fc from 'fast-check';
import type { OTTransformerBatch } from '../../impl/capabilities/ot-transformer.js';
import { gaussianFromUnits } from '../../impl/reference/prng.js';
import { logUniform, uniformIn, unitBlock } from './scalars.js';

type PointFamily = 'unit-cube' | 'sorting-grid' | 'paper-grid';
type InitFamily = 'zero' | 'code' | 'random';

export interface OTTransformerBatchSpec {
  readonly nMin?: number;
  readonly nMax: number;
  /** Explicit list of n values to draw from (overrides nMin/nMax). */
  readonly nValues?: readonly number[];
  readonly dMax?: number;
  readonly batchMax: number;
  readonly lambdaMin: number;
  readonly lambdaMax: number;
  /** γ/λ is drawn uniformly in this range (the spec's condition is γ ≤ λ/2). */
  readonly gammaOverLambda: readonly [number, number];
  readonly families?: readonly PointFamily[];
  readonly inits?: readonly InitFamily[];
  /** One λ and γ for the whole batch (one weight set; also the model's fast path). */
  readonly sharedLambda?: boolean;
  /** λ drawn per batch from this list (overrides lambdaMin/lambdaMax; implies one λ per batch). */
  readonly lambdaValues?: readonly number[];
}

export interface OTTransformerCase {
  readonly family: PointFamily;
  readonly init: InitFamily;
  readonly batch: OTTransformerBatch;
}

/** Indices 0..k−1 sorted by the raw values (a random permutation from unit floats). */
function argsort(raw: readonly number[], k: number): number[] {
  return [...Array(k).keys()].sort((p, q) => raw[p]! - raw[q]! || p - q);
}

/** Box–Muller normal from two unit floats (impl/reference/prng.ts), rounded to float32. */
function normal(u1: number, u2: number): number {
  return Math.fround(gaussianFromUnits(u1, u2));
}

/** Uniform integer in [lo, hi] that shrinks towards the middle ⌊(lo + hi)/2⌋ (not to the degenerate lo). */
function integerMid(lo: number, hi: number): fc.Arbitrary<number> {
  const size = hi - lo + 1;
  const mid = Math.floor((hi - lo) / 2);
  return fc.integer({ min: 0, max: size - 1 }).map((k) => lo + ((k + mid) % size));
}

/** The arbitrary of OTTransformerCase (see module doc). */
export function otTransformerCase(spec: OTTransformerBatchSpec): fc.Arbitrary<OTTransformerCase> {
  const dMax = spec.dMax ?? 1;
  const nMax = spec.nValues ? Math.max(...spec.nValues) : spec.nMax;
  const grid = 50;
  const instance = fc.record({
    lambda: fc.noShrink(logUniform(spec.lambdaMin, spec.lambdaMax)),
    gammaFraction: fc.noShrink(uniformIn(spec.gammaOverLambda[0], spec.gammaOverLambda[1])),
    points: fc.noShrink(unitBlock(2 * nMax * dMax)),
    order: fc.noShrink(unitBlock(Math.max(grid, nMax))),
    init: fc.noShrink(unitBlock(2 * nMax + 2)),
    initB: fc.noShrink(unitBlock(nMax)),
  });
  const n = spec.nValues ? fc.constantFrom(...spec.nValues) : integerMid(spec.nMin ?? 2, spec.nMax);
  return fc
    .record({
      n,
      d: fc.integer({ min: 1, max: dMax }),
      family: fc.constantFrom(...(spec.families ?? (['unit-cube'] as const))),
      init: fc.constantFrom(...(spec.inits ?? (['zero'] as const))),
      instances: fc.array(instance, { minLength: 1, maxLength: spec.batchMax }),
      lambdaChoice: fc.constantFrom(...(spec.lambdaValues ?? [0])),
    })
    .map(({ n, d: d0, family, init, instances, lambdaChoice }) => {
      const d = family === 'unit-cube' ? d0 : 1;
      const B = instances.length;
      const x = new Float64Array(B * n * d);
      const y = new Float64Array(B * n * d);
      const lambda = new Float64Array(B);
      const gamma = new Float64Array(B);
      const u0 = new Float64Array(B * n);
      const v0 = new Float64Array(B * n);
      const sinkU0 = new Float64Array(B);
      const sinkV0 = new Float64Array(B);
      instances.forEach((ins, b) => {
        const src = spec.sharedLambda ? instances[0]! : ins;
        lambda[b] = spec.lambdaValues ? Math.fround(lambdaChoice) : src.lambda;
        gamma[b] = Math.fround(src.gammaFraction * lambda[b]);
        if (family === 'unit-cube') {
          const s = 1 / Math.sqrt(d);
          for (let i = 0; i < n; i++) {
            for (let k = 0; k < d; k++) {
              x[(b * n + i) * d + k] = Math.fround(ins.points[i * dMax + k]! * s);
              y[(b * n + i) * d + k] = Math.fround(ins.points[(nMax + i) * dMax + k]! * s);
            }
          }
        } else if (family === 'sorting-grid') {
          const values = argsort(ins.order, grid).slice(0, n);
          for (let i = 0; i < n; i++) {
            x[b * n + i] = Math.fround(values[i]! / grid);
            y[b * n + i] = Math.fround(i / n);
          }
        } else {
          const perm = argsort(ins.order, n);
          for (let i = 0; i < n; i++) {
            x[b * n + i] = Math.fround(perm[i]! / n);
            y[b * n + i] = i;
          }
        }
        for (let i = 0; i < n; i++) {
          if (init === 'code') {
            u0[b * n + i] = normal(ins.init[2 * i]!, ins.init[2 * i + 1]!);
            v0[b * n + i] = ins.initB[i]!;
          } else if (init === 'random') {
            u0[b * n + i] = Math.fround(2 * ins.init[2 * i]! - 1);
            v0[b * n + i] = Math.fround(2 * ins.init[2 * i + 1]! - 1);
          }
        }
        if (init === 'random') {
          sinkU0[b] = Math.fround(-ins.init[2 * nMax]!);
          // drawn independently of ũ⁰: with ũ⁰ = ṽ⁰ the two sink potentials coincide at every layer and a readout that
          // swaps them cannot be seen
          sinkV0[b] = Math.fround(-ins.init[2 * nMax + 1]!);
        }
      });
      const batch: OTTransformerBatch = { B, n, d, x, y, lambda, gamma, u0, v0, sinkU0, sinkV0 };
      return { family, init, batch };
    });
}

/** The JSON view of a case (arrays as lists). */
export function describeOTCase(c: OTTransformerCase): unknown {
  const b = c.batch;
  return {
    family: c.family,
    init: c.init,
    B: b.B,
    n: b.n,
    d: b.d,
    lambda: Array.from(b.lambda),
    gamma: Array.from(b.gamma),
    x: Array.from(b.x),
    y: Array.from(b.y),
    u0: Array.from(b.u0 ?? []),
    v0: Array.from(b.v0 ?? []),
    sinkU0: Array.from(b.sinkU0 ?? []),
    sinkV0: Array.from(b.sinkV0 ?? []),
  };
}
