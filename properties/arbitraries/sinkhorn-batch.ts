/**
 * Batches of entropic OT problems of one shape: the shared arbitrary of every `sinkhorn.*` property.
 * Shape (n, m), cost family and weight family are drawn once per batch; each instance draws its own
 * ε (log-uniform), total mass, cost magnitude and data. Dimensions and data are drawn at maximal size and
 * sliced, so shrinking reduces the batch to one instance, the shape to 2×2 and the data towards 0 (fast-check
 * docs: prefer map over chain for shrink quality). The magnitude parameters (total mass, max |C|/ε, cost
 * shift) do not shrink (fc.noShrink): shrinking them drives a counterexample to mass 1 and C/ε → 0, where
 * most planted bugs are invisible or barely over tolerance.
 */
import fc from 'fast-check';
import type { SinkhornBatch } from '../../impl/capabilities/sinkhorn.js';
import { COST_FAMILIES, costMatrix, type CostFamily } from './costs.js';
import { logUniform, unitBlock, unitFloat } from './scalars.js';
import { simplexWeights, WEIGHT_FAMILIES, type WeightFamily } from './simplex.js';

export interface SinkhornBatchSpec {
  /** Smallest n and m (default 2). */
  readonly nMin?: number;
  readonly mMin?: number;
  readonly nMax: number;
  readonly mMax: number;
  /** Largest batch size B. */
  readonly batchMax: number;
  readonly epsMin: number;
  readonly epsMax: number;
  readonly dMax?: number;
  readonly costFamilies?: readonly CostFamily[];
  readonly weightFamilies?: readonly WeightFamily[];
  /** Multiply the [0, 1] costs by this factor (unnormalised costs, e.g. 25 as in POT's dist0 tests). */
  readonly costScale?: number;
  /** Force n = m (square problems); by default half of the batches are square (attention's case). */
  readonly square?: boolean;
  /**
   * Total mass Σa = Σb per instance: 1 for a third of the instances, else log-uniform in this range (the
   * interface allows any equal masses). Default [0.01, 100]; [1, 1] keeps probability vectors.
   */
  readonly massRange?: readonly [number, number];
  /**
   * Rescale each instance's costs so that max |C|/ε is log-uniform in this range (overrides costScale): the
   * way to reach a domain's float32 limit whatever ε is.
   */
  readonly costOverEps?: readonly [number, number];
  /** A quarter of the instances get costs shifted down by a fraction of their maximum (negative costs). */
  readonly shiftCosts?: boolean;
  /**
   * A quarter of the instances get far rows and columns: rows whose raw weight draw is below 0.3 (columns:
   * 0.15) are compressed into [0.9, 1]·max C and the other costs into [0, 0.2]·max C (a cluster and outlier
   * points), so that every cost of a far row is near the maximum and its row sum (K v)_i reaches
   * e^{−0.9·max C/ε} (the kernel domain's underflow edge when max C/ε nears its limit; in the log and
   * stabilised domains, scalings beyond e^{88} next to scalings of order 1).
   */
  readonly farRows?: boolean;
}

/** A drawn batch: the problems plus the coordinates used for coverage and counterexamples. */
export interface SinkhornCase {
  readonly costFamily: CostFamily;
  readonly weightFamily: WeightFamily;
  readonly d: number;
  readonly batch: SinkhornBatch;
  /** Free per-instance unit floats for properties that need more randomness (random vectors, …). */
  readonly extra: ReadonlyArray<readonly number[]>;
}

/** The arbitrary of SinkhornCase (see module doc). `extraLength` unit floats per instance are added. */
export function sinkhornCase(spec: SinkhornBatchSpec, extraLength = 0): fc.Arbitrary<SinkhornCase> {
  const dMax = spec.dMax ?? 3;
  const costFamilies = spec.costFamilies ?? COST_FAMILIES;
  const weightFamilies = spec.weightFamilies ?? WEIGHT_FAMILIES;
  const instance = fc.record({
    eps: logUniform(spec.epsMin, spec.epsMax),
    cells: unitBlock(spec.nMax * spec.mMax),
    points: unitBlock((spec.nMax + spec.mMax) * dMax),
    weights: unitBlock(spec.nMax + spec.mMax),
    gap: unitFloat(),
    extra: unitBlock(extraLength),
    magnitude: fc.noShrink(unitBlock(4)),
  });
  const [massLo, massHi] = spec.massRange ?? [0.01, 100];
  return fc
    .record({
      n: fc.integer({ min: spec.nMin ?? 2, max: spec.nMax }),
      m: fc.integer({ min: spec.mMin ?? 2, max: spec.mMax }),
      d: fc.integer({ min: 1, max: dMax }),
      costFamily: fc.constantFrom(...costFamilies),
      weightFamily: fc.constantFrom(...weightFamilies),
      squareShape: spec.square === undefined ? fc.boolean() : fc.constant(spec.square),
      instances: fc.array(instance, { minLength: 1, maxLength: spec.batchMax, size: 'max' }),
    })
    .map(({ n: n0, m: m0, d, costFamily, weightFamily, squareShape, instances }) => {
      const n = squareShape ? Math.min(n0, spec.mMax) : n0;
      const m = squareShape ? n : m0;
      const B = instances.length;
      const a = new Float64Array(B * n);
      const b = new Float64Array(B * m);
      const C = new Float64Array(B * n * m);
      const eps = new Float64Array(B);
      instances.forEach((ins, k) => {
        const [tMass, tCost, tShift, tFar] = ins.magnitude as [number, number, number, number];
        const mass = massLo === massHi ? massLo : tMass < 1 / 3 ? 1 : logScale(massLo, massHi, 1.5 * tMass - 0.5);
        a.set(simplexWeights(weightFamily, ins.weights, n, mass), k * n);
        b.set(simplexWeights(weightFamily, ins.weights.slice(spec.nMax), m, mass), k * m);
        const Ck = costMatrix(costFamily, { cells: ins.cells, points: ins.points, d, gap: ins.gap }, n, m, {
          nMax: spec.nMax,
          mMax: spec.mMax,
          dMax,
        });
        let scale = spec.costScale ?? 1;
        let shift = 0;
        if (spec.farRows && tFar < 0.25) {
          const top = Ck.reduce((x, y) => Math.max(x, y), 0);
          const far = (i: number, j: number): boolean => ins.weights[i]! < 0.3 || ins.weights[spec.nMax + j]! < 0.15;
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < m; j++) {
              const t = top > 0 ? Ck[i * m + j]! / top : 0;
              Ck[i * m + j] = Math.fround(top * (far(i, j) ? 0.9 + 0.1 * t : 0.2 * t));
            }
          }
        }
        if (spec.costOverEps) {
          const top = Ck.reduce((x, y) => Math.max(x, y), 0);
          const [lo, hi] = spec.costOverEps;
          // a quarter of the instances sit at the domain's edge, [0.7, 1]·hi; the others are log-uniform
          const ratio = tCost < 0.25 ? hi * (0.7 + 1.2 * tCost) : logScale(lo, hi, (tCost - 0.25) / 0.75);
          const target = ratio * ins.eps;
          // a shifted instance spans [−s, top − s]: scale so that max |C| = target either way
          shift = spec.shiftCosts && tShift < 0.25 ? 2 * tShift : 0;
          scale = top > 0 ? target / (top * Math.max(shift, 1 - shift)) : 1;
        }
        if (scale !== 1 || shift !== 0) {
          const top = Ck.reduce((x, y) => Math.max(x, y), 0);
          for (let q = 0; q < Ck.length; q++) Ck[q] = Math.fround((Ck[q]! - shift * top) * scale);
        }
        C.set(Ck, k * n * m);
        eps[k] = ins.eps;
      });
      return { costFamily, weightFamily, d, batch: { B, n, m, a, b, C, eps }, extra: instances.map((i) => i.extra) };
    });
}

/** exp(log lo + t·(log hi − log lo)): log-uniform in [lo, hi] for t uniform in [0, 1). */
function logScale(lo: number, hi: number, t: number): number {
  return Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo)));
}

/** A fixed peer case as a one-instance SinkhornCase (for fast-check `examples`). */
export function fixedCase(
  p: { n: number; m: number; a: number[]; b: number[]; C: number[]; eps: number },
  extra: number[] = [],
): SinkhornCase {
  return {
    costFamily: 'uniform',
    weightFamily: 'dirichlet',
    d: 1,
    batch: {
      B: 1,
      n: p.n,
      m: p.m,
      a: Float64Array.from(p.a),
      b: Float64Array.from(p.b),
      C: Float64Array.from(p.C),
      eps: Float64Array.of(p.eps),
    },
    extra: [extra],
  };
}

/**
 * Closed-form peer cases (spec peers-and-tooling §1.6):
 *  T1 — POT's doctested 2×2 problem (a = b = ½, M = [[0,1],[1,0]], reg = 1);
 *  T19 — the Birkhoff–Hopf 2×2 case (a = [.3,.7], b = [.6,.4]) at ε = 1, 0.5, 0.25;
 *  constant cost — P = abᵀ after one iteration.
 */
export const PEER_CASES = {
  T1: { n: 2, m: 2, a: [0.5, 0.5], b: [0.5, 0.5], C: [0, 1, 1, 0], eps: 1 },
  T19: [1, 0.5, 0.25].map((eps) => ({ n: 2, m: 2, a: [0.3, 0.7], b: [0.6, 0.4], C: [0, 1, 1, 0], eps })),
  constantCost: { n: 3, m: 2, a: [0.2, 0.3, 0.5], b: [0.5, 0.5], C: [0.7, 0.7, 0.7, 0.7, 0.7, 0.7], eps: 0.3 },
};
