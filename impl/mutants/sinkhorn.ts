/** Sinkhorn mutants: planted bugs in the tfjs solver, built from hooks rather than copies. */
import * as tf from '@tensorflow/tfjs-core';
import { tfjsImplementation } from '../implementations.js';
import { createTfjsSinkhorn } from '../tfjs/sinkhorn.js';
import { logColumnStep, logRowStep } from '../tfjs/sinkhorn-log-domain.js';
import type { SinkhornBatch, SinkhornOptions, SinkhornSolver, SinkhornTrace } from '../capabilities/sinkhorn.js';
import type { Mutant } from './index.js';
import { tfjsMutant } from './tfjs-mutant.js';

export const sinkhornMutants: Mutant[] = [
  {
    id: 'sinkhorn.skip-column-update',
    description: 'Sinkhorn that never updates v (only row normalisations)',
    expectedKillers: ['sinkhorn.franklin-lorenz-rate', 'sinkhorn.plan-matches-reference'],
    build: () => ({
      ...tfjsImplementation(),
      name: 'sinkhorn.skip-column-update',
      sinkhorn: createTfjsSinkhorn('sinkhorn.skip-column-update', { skipColumnUpdate: true }),
    }),
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
          tf.tidy(() =>
            M.shape[1] === M.shape[2]
              ? logColumnStep(tf.transpose(M, [0, 2, 1]), logB, logU)
              : logColumnStep(M, logB, logU),
          ),
      }),
    }),
  },
];

/** A mutant solver that wraps the correct tfjs solver and alters its inputs or outputs. */
function wrapped(
  id: string,
  description: string,
  expectedKillers: string[],
  solve: (inner: SinkhornSolver, batch: SinkhornBatch, o: SinkhornOptions) => Promise<SinkhornTrace>,
): Mutant {
  return tfjsMutant(id, description, expectedKillers, () => {
    const inner = createTfjsSinkhorn(id);
    return {
      sinkhorn: {
        name: id,
        precision: inner.precision,
        get arithmetic() {
          return inner.arithmetic;
        },
        solve: (b, o) => solve(inner, b, o),
      },
    };
  });
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
  wrapped(
    'sinkhorn.off-by-one-iterations',
    'runs L − 1 iterations when asked for L ≥ 2 (a loop bound off by one)',
    ['sinkhorn.plan-matches-reference', 'sinkhorn.hilbert-identity', 'sinkhorn.franklin-lorenz-rate'],
    async (inner, batch, o) =>
      o.iterations >= 2
        ? lagged(await inner.solve(batch, { ...o, iterations: o.iterations - 1 }), o.iterations, o.record ?? false)
        : inner.solve(batch, o),
  ),
  wrapped(
    'sinkhorn.eps-inverted',
    'uses 1/ε where ε belongs (kernel exp(−C·ε))',
    ['sinkhorn.plan-matches-reference', 'sinkhorn.one-step-is-softmax'],
    (inner, batch, o) => inner.solve({ ...batch, eps: batch.eps.map((e) => 1 / e) }, o),
  ),
  wrapped(
    'sinkhorn.plan-missing-v',
    'returns log P = log u − C/ε, forgetting the column scaling v',
    ['sinkhorn.hilbert-identity', 'sinkhorn.plan-matches-reference'],
    async (inner, batch, o) => {
      const t = await inner.solve(batch, o);
      const { B, n, m } = batch;
      // log u_L ⊕ (−C/ε) formed directly (subtracting log v from log P would give −∞ − (−∞) at zero weights)
      const logPlan = new Float64Array(B * n * m);
      for (let b = 0; b < B; b++)
        for (let i = 0; i < n; i++) {
          const lu = t.logU[(b * t.stored + t.stored - 1) * n + i]!;
          for (let j = 0; j < m; j++) logPlan[(b * n + i) * m + j] = lu - batch.C[(b * n + i) * m + j]! / batch.eps[b]!;
        }
      return { ...t, logPlan };
    },
  ),
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
    description:
      'stabilised kernel domain that never absorbs the scalings into the potentials: exp overflows once C/ε is large',
    expectedKillers: ['sinkhorn.log-domain-small-eps'],
    build: () => ({
      ...tfjsImplementation(),
      name: 'sinkhorn.stabilized-never-absorbs',
      sinkhorn: createTfjsSinkhorn('sinkhorn.stabilized-never-absorbs', { neverAbsorb: true }),
    }),
  },
);

/** The batch with each instance's costs mapped by `f(C_ij, ε)`. */
function mapCosts(batch: SinkhornBatch, f: (c: number, eps: number) => number): SinkhornBatch {
  const nm = batch.n * batch.m;
  return { ...batch, C: batch.C.map((c, k) => f(c, batch.eps[Math.floor(k / nm)]!)) };
}

/** The batch with a and b divided by each instance's total mass Σa (probability vectors). */
function normalizedMasses(batch: SinkhornBatch): SinkhornBatch {
  const scale = (w: Float64Array, len: number): Float64Array => {
    const out = Float64Array.from(w);
    for (let i = 0; i < batch.B; i++) {
      const seg = out.subarray(i * len, (i + 1) * len);
      const s = seg.reduce((x, y) => x + y, 0);
      seg.forEach((x, k) => (seg[k] = x / s));
    }
    return out;
  };
  return { ...batch, a: scale(batch.a, batch.n), b: scale(batch.b, batch.m) };
}

sinkhornMutants.push(
  wrapped(
    'sinkhorn.mass-assumed-one',
    'normalises a and b to probability vectors: the plan has mass 1 instead of Σa',
    ['sinkhorn.plan-matches-reference', 'sinkhorn.log-domain-small-eps'],
    (inner, batch, o) => inner.solve(normalizedMasses(batch), o),
  ),
  wrapped(
    'sinkhorn.kernel-clamped',
    'kernel domain clamps K = exp(max(−C/ε, −30)) to avoid underflow: wrong once C/ε > 30',
    ['sinkhorn.plan-matches-reference'],
    (inner, batch, o) => inner.solve(o.domain === 'kernel' ? mapCosts(batch, (c, e) => Math.min(c, 30 * e)) : batch, o),
  ),
  wrapped(
    'sinkhorn.kernel-power-of-exp',
    'kernel domain forms K as exp(−C)^{1/ε} in float32: exp(−C) underflows once C > 87 even when C/ε is small',
    ['sinkhorn.plan-matches-reference'],
    (inner, batch, o) =>
      inner.solve(
        o.domain === 'kernel'
          ? mapCosts(batch, (c, e) => {
              const k = Math.fround(Math.exp(-c));
              // K = k^{1/ε} exactly as float32 computes it from the rounded (or underflowed) exp(−C); 0 stays 0 (C = 1e30)
              return k === 0 ? 1e30 : -e * Math.log(k);
            })
          : batch,
        o,
      ),
  ),
  wrapped(
    'sinkhorn.costs-clamped-nonnegative',
    'clamps the costs at 0 (relu, as if C were a distance): wrong for negative costs',
    ['sinkhorn.plan-matches-reference'],
    (inner, batch, o) =>
      inner.solve(
        mapCosts(batch, (c) => Math.max(c, 0)),
        o,
      ),
  ),
);
