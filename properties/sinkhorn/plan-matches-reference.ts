/**
 * sinkhorn.plan-matches-reference: the solver's plan after L iterations equals the float64 reference
 * Sinkhorn's plan after the same L iterations (Peyré & Cuturi 2019, eq. 4.15), in the log and the
 * kernel domain. Tolerance from the perturbed-contraction argument: each half-step adds ≤ δ per entry
 * (properties/tolerance.ts) and Birkhoff contracts the accumulated d_H error by κ per half-step, so
 * after L iterations d_H(u_L, u_L^ref) + d_H(v_L, v_L^ref) ≤ 2·Σ_{ℓ<L} κ^{2ℓ}·2δ(1+κ); the log-plan
 * additionally carries its total-mass error (≤ δ after a v-step) and its own rounding.
 *
 * The 'stabilized' domain (kernel products on K̃ = exp(M + α ⊕ β), scalings absorbed into the log
 * potentials α, β when they leave [e^{−τ}, e^{τ}]) computes the same iterates in exact arithmetic; in
 * float32 its kernel half-steps carry the same δ (exp, a sum of max(n, m) products, a division, a
 * log: properties/tolerance.ts halfStepError), and each re-formation of K̃ adds one extra rounding:
 * forming M_ij + α_i + β_j costs ≤ 2u·(|M_ij| + |α_i| + |β_j|) ≤ 2u·magnitude before the exp (whose
 * own rounding, u relative, is already in δ), and absorbing α ← α + log u costs u·(|α| + |log u|) ≤
 * u·magnitude. Re-formations happen at most once per iteration, so the stabilised half-step noise is
 * δ_stab = δ + 3u·magnitude + u, with magnitude = max|log u| + max|log v| + max C/ε (the same bound
 * halfStepNoise uses). The final log-plan sums α + log u + β + log v − C/ε: one more addition than
 * the log domain's, hence planRounding uses 4u instead of 3u.
 *
 * Domain of the inputs: the kernel domain up to its float32 limit (max |C|/ε ≤ 86.3 and the iterates normal:
 * common.ts kernelDomainSafe; an unsafe batch runs in the log domain instead), the log and stabilised domains
 * up to max |C|/ε = 5000, where the analysed tolerance (≈ 4δL with δ ≈ 9u·C/ε for κ → 1) is still ≪ 1, with
 * negative costs in the stabilised and log domains (the kernel e^{−C/ε} > 1 at the start), total masses other
 * than 1, rectangular shapes and zero weights. Half of the runs record every iterate, and then an intermediate
 * iterate is compared as well (record must not change the iteration). One batch in eight is large, n, m ∈
 * [100, 160] with B ≤ 3: the sizes at which solvers change their inner products (tfjs-wasm here: depthwise
 * convolutions from n·m ≥ 128², impl/tfjs/batched-mat-vec.ts), under the same analysed tolerance.
 */
import fc from 'fast-check';
import {
  fixedCase,
  PEER_CASES,
  sinkhornCase,
  type SinkhornBatchSpec,
  type SinkhornCase,
} from '../arbitraries/sinkhorn-batch.js';
import { measure } from '../measure.js';
import type { BatchOutcome, Measurement } from '../types.js';
import { sinkhornLog } from '../../impl/reference/sinkhorn.js';
import { describeCase, SINKHORN_COVERAGE_BINS } from './cases.js';
import { coverageOf, kernelDomainSafe, planAgainstReference, referenceProblem, solverOf } from './common.js';
import type { SinkhornDomain } from '../../impl/capabilities/sinkhorn.js';
import { defineProperty } from '../define.js';
import { planMatchesReference } from '../../theorems/sinkhorn-hilbert/index.js';

interface Input {
  readonly case: SinkhornCase;
  readonly iterations: number;
  readonly domain: SinkhornDomain;
  /** Record every iterate (and compare iterate ⌈L/2⌉ too). */
  readonly record?: boolean;
}

/** Largest max |C|/ε of the kernel domain in float32: e^{−86.3} is still normal (2⁻¹²⁶ ≈ e^{−87.3}). */
const KERNEL_MAX_COST_OVER_EPS = 86.3;
/** Largest max |C|/ε of the log and stabilised domains (the tolerance stays ≪ 1, see the module doc). */
const LOG_MAX_COST_OVER_EPS = 5000;

export const planMatchesReferenceProperty = defineProperty<Input>(planMatchesReference, {
  arbitrary: (budget) => {
    const base: SinkhornBatchSpec = {
      nMax: 32,
      mMax: 32,
      batchMax: budget === 'quick' ? 8 : 32,
      epsMin: 0.05,
      epsMax: 2,
      shiftCosts: true,
      farRows: true,
    };
    const large: SinkhornBatchSpec = { ...base, nMin: 100, mMin: 100, nMax: 160, mMax: 160, batchMax: 3 };
    const rest = { iterations: fc.integer({ min: 1, max: 40 }), record: fc.boolean() };
    const cases = (spec: SinkhornBatchSpec) => [
      fc.record({
        case: sinkhornCase({ ...spec, costOverEps: [0.5, KERNEL_MAX_COST_OVER_EPS] }),
        domain: fc.constant<SinkhornDomain>('kernel'),
        ...rest,
      }),
      fc.record({
        case: sinkhornCase({ ...spec, costOverEps: [0.5, LOG_MAX_COST_OVER_EPS] }),
        domain: fc.constantFrom<SinkhornDomain>('log', 'stabilized'),
        ...rest,
      }),
    ];
    return fc.oneof(
      ...cases(base).map((arbitrary) => ({ arbitrary, weight: 7 })),
      ...cases(large).map((arbitrary) => ({ arbitrary, weight: 1 })),
    );
  },
  runs: { quick: 5, ci: 70, thorough: 600 },
  coverageBins: {
    ...SINKHORN_COVERAGE_BINS,
    n: [...SINKHORN_COVERAGE_BINS['n']!, 161],
    m: [...SINKHORN_COVERAGE_BINS['m']!, 161],
    iterations: [1, 2, 5, 10, 20, 41],
  },
  // fast-check counts examples inside numRuns: keep them few
  examples: [
    { case: fixedCase(PEER_CASES.T1), iterations: 30, domain: 'kernel' },
    { case: fixedCase(PEER_CASES.constantCost), iterations: 1, domain: 'log' },
    { case: fixedCase(PEER_CASES.T19[2]!), iterations: 12, domain: 'log' },
    { case: fixedCase(PEER_CASES.T1), iterations: 30, domain: 'stabilized' },
  ],
  describe: (x) => ({
    iterations: x.iterations,
    domain: x.domain,
    record: x.record ?? false,
    ...(describeCase(x.case) as object),
  }),
  async run({ case: c, iterations, domain: wanted, record = false }, ctx): Promise<BatchOutcome> {
    const solver = solverOf(ctx);
    const { B } = c.batch;
    // one float64 reference trace per instance (every iterate), read by the kernel-safety check and both comparisons
    const problems = Array.from({ length: B }, (_, i) => referenceProblem(c.batch, i));
    const refs = problems.map((p) => sinkhornLog(p, iterations));
    const kernelSafe = wanted !== 'kernel' || refs.every((r, i) => kernelDomainSafe(problems[i]!, iterations, r));
    const domain: SinkhornDomain = kernelSafe ? wanted : 'log';
    const trace = await solver.solve(c.batch, { iterations, domain, record });
    const middle = Math.ceil(iterations / 2);
    const measurements: Measurement[] = [];
    const coverage = [];
    for (let i = 0; i < B; i++) {
      const at = (l: number) => planAgainstReference(solver, c.batch, i, trace, iterations, domain, l, refs[i]);
      const { deviation, tolerance, oracle } = at(iterations);
      measurements.push(measure(i, `max |log P_L − log P_L^ref| (${domain} domain)`, deviation, '<=', 0, tolerance));
      if (record && middle < iterations) {
        const mid = at(middle);
        const quantity = `max |log P_ℓ − log P_ℓ^ref| at recorded ℓ = ${middle} (${domain} domain)`;
        measurements.push(measure(i, quantity, mid.deviation, '<=', 0, mid.tolerance));
      }
      const ran = kernelSafe ? domain : 'log (kernel unsafe)';
      coverage.push({ ...coverageOf(c, i, oracle), iterations, domain: ran, record: String(record) });
    }
    return { instances: B, measurements, coverage };
  },
});
