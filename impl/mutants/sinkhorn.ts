/** Sinkhorn mutants: planted bugs in the tfjs solver, built from hooks rather than copies. */
import * as tf from '@tensorflow/tfjs-core';
import { tfjsImplementation } from '../implementations.js';
import { createTfjsSinkhorn, logColumnStep, logRowStep } from '../tfjs/sinkhorn.js';
import type { SinkhornBatch, SinkhornOptions, SinkhornSolver, SinkhornTrace } from '../capabilities/sinkhorn.js';
import type { Mutant } from './index.js';

export const sinkhornMutants: Mutant[] = [
  {
    id: 'sinkhorn.skip-column-update',
    description: 'Sinkhorn that never updates v (only row normalisations)',
    expectedKillers: ['sinkhorn.franklin-lorenz-rate', 'sinkhorn.plan-matches-reference'],
    build: () => ({ ...tfjsImplementation(), name: 'sinkhorn.skip-column-update', sinkhorn: createTfjsSinkhorn('sinkhorn.skip-column-update', { skipColumnUpdate: true }) }),
  },
  {
    id: 'sinkhorn.row-step-ignores-a',
    description: 'row update targets the uniform marginal 1/n instead of a',
    expectedKillers: ['sinkhorn.plan-matches-reference', 'sinkhorn.one-step-is-softmax'],
    build: () => ({
      ...tfjsImplementation(),
      name: 'sinkhorn.row-step-ignores-a',
      sinkhorn: createTfjsSinkhorn('sinkhorn.row-step-ignores-a', {
        rowStep: (M, logA, logV) =>
          tf.tidy(() => logRowStep(M, tf.add(tf.mul(logA, 0), -Math.log(logA.shape[1]!)), logV)),
      }),
    }),
  },
  {
    id: 'sinkhorn.column-step-transposed-cost',
    description: 'column update uses the transposed cost C_ji (square problems; rectangular ones are left correct)',
    expectedKillers: ['sinkhorn.plan-matches-reference', 'sinkhorn.franklin-lorenz-rate'],
    build: () => ({
      ...tfjsImplementation(),
      name: 'sinkhorn.column-step-transposed-cost',
      sinkhorn: createTfjsSinkhorn('sinkhorn.column-step-transposed-cost', {
        columnStep: (M, logB, logU) =>
          tf.tidy(() => (M.shape[1] === M.shape[2] ? logColumnStep(tf.transpose(M, [0, 2, 1]), logB, logU) : logColumnStep(M, logB, logU))),
      }),
    }),
  },
];

/** A mutant solver that wraps the correct tfjs solver and alters its inputs or outputs. */
function wrapped(id: string, description: string, expectedKillers: string[], solve: (inner: SinkhornSolver, batch: SinkhornBatch, o: SinkhornOptions) => Promise<SinkhornTrace>): Mutant {
  return {
    id, description, expectedKillers,
    build: () => {
      const inner = createTfjsSinkhorn(id);
      return { ...tfjsImplementation(), name: id, sinkhorn: {
        name: id, precision: inner.precision, get arithmetic() { return inner.arithmetic; }, solve: (b, o) => solve(inner, b, o),
      } };
    },
  };
}

/** Re-label a trace of L−1 iterations as one of L: iterate ℓ is reported in slot ℓ+1 (a lagging loop). */
function lagged(t: SinkhornTrace, L: number, record: boolean): SinkhornTrace {
  if (!record) return { ...t, iterations: L };
  const shift = (x: Float64Array, len: number): Float64Array => {
    const out = new Float64Array(t.B * (L + 1) * len);
    for (let b = 0; b < t.B; b++) {
      out.set(x.subarray(b * t.stored * len, b * t.stored * len + len), b * (L + 1) * len);
      out.set(x.subarray(b * t.stored * len, (b + 1) * t.stored * len), (b * (L + 1) + 1) * len);
    }
    return out;
  };
  return { ...t, iterations: L, stored: L + 1, logU: shift(t.logU, t.n), logV: shift(t.logV, t.m) };
}

sinkhornMutants.push(
  wrapped('sinkhorn.off-by-one-iterations', 'runs L − 1 iterations when asked for L ≥ 2 (a loop bound off by one)',
    ['sinkhorn.plan-matches-reference', 'sinkhorn.hilbert-identity', 'sinkhorn.franklin-lorenz-rate'],
    async (inner, batch, o) => (o.iterations >= 2 ? lagged(await inner.solve(batch, { ...o, iterations: o.iterations - 1 }), o.iterations, o.record ?? false) : inner.solve(batch, o))),
  wrapped('sinkhorn.eps-inverted', 'uses 1/ε where ε belongs (kernel exp(−C·ε))',
    ['sinkhorn.plan-matches-reference', 'sinkhorn.one-step-is-softmax'],
    (inner, batch, o) => inner.solve({ ...batch, eps: batch.eps.map((e) => 1 / e) }, o)),
  wrapped('sinkhorn.plan-missing-v', 'returns log P = log u − C/ε, forgetting the column scaling v',
    ['sinkhorn.hilbert-identity', 'sinkhorn.plan-matches-reference'],
    async (inner, batch, o) => {
      const t = await inner.solve(batch, o);
      const { B, n, m } = batch;
      // log u_L ⊕ (−C/ε) formed directly (subtracting log v from log P would give −∞ − (−∞) at zero weights)
      const logPlan = new Float64Array(B * n * m);
      for (let b = 0; b < B; b++) for (let i = 0; i < n; i++) {
        const lu = t.logU[(b * t.stored + t.stored - 1) * n + i]!;
        for (let j = 0; j < m; j++) logPlan[(b * n + i) * m + j] = lu - batch.C[(b * n + i) * m + j]! / batch.eps[b]!;
      }
      return { ...t, logPlan };
    }),
  {
    id: 'sinkhorn.log-exp-round-trip',
    description: 'row update computed as log(exp(log u)) in float32: underflows to −∞ once log u < −87',
    expectedKillers: ['sinkhorn.log-domain-small-eps'],
    build: () => ({
      ...tfjsImplementation(),
      name: 'sinkhorn.log-exp-round-trip',
      sinkhorn: createTfjsSinkhorn('sinkhorn.log-exp-round-trip', {
        rowStep: (M, logA, logV) => tf.tidy(() => tf.log(tf.exp(logRowStep(M, logA, logV)))),
      }),
    }),
  },
  {
    id: 'sinkhorn.stabilized-never-absorbs',
    description: 'stabilised kernel domain that never absorbs the scalings into the potentials: exp overflows once C/ε is large',
    expectedKillers: ['sinkhorn.log-domain-small-eps'],
    build: () => ({
      ...tfjsImplementation(),
      name: 'sinkhorn.stabilized-never-absorbs',
      sinkhorn: createTfjsSinkhorn('sinkhorn.stabilized-never-absorbs', { neverAbsorb: true }),
    }),
  },
);
