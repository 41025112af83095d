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
 */
import fc from 'fast-check';
import { fixedCase, PEER_CASES, sinkhornCase, type SinkhornCase } from '../arbitraries/sinkhorn-batch.js';
import { measure, maxAbs } from '../measure.js';
import type { BatchOutcome, ClaimProperty, Measurement } from '../types.js';
import { coverageOf, describeCase, planAgainstReference, SINKHORN_COVERAGE_BINS, solverOf } from './common.js';
import type { SinkhornDomain } from '../../impl/capabilities/sinkhorn.js';

interface Input {
  readonly case: SinkhornCase;
  readonly iterations: number;
  readonly preferKernel: boolean;
  /** Run the stabilised domain instead of the log/kernel choice. */
  readonly stabilized?: boolean;
}

/** Kernel mode only while exp(−C/ε)·v stays far from float32 underflow (e^{−30} ≈ 1e-13). */
const KERNEL_MAX_COST_OVER_EPS = 30;


function domainFor(c: SinkhornCase, preferKernel: boolean): SinkhornDomain {
  if (!preferKernel) return 'log';
  const { B, n, m } = c.batch;
  for (let i = 0; i < B; i++) {
    if (maxAbs(c.batch.C.subarray(i * n * m, (i + 1) * n * m)) / c.batch.eps[i]! > KERNEL_MAX_COST_OVER_EPS) return 'log';
  }
  return 'kernel';
}

export const planMatchesReferenceProperty: ClaimProperty<Input> = {
  claimId: 'sinkhorn.plan-matches-reference',
  arbitrary: (budget) =>
    fc.record({
      case: sinkhornCase({ nMax: 32, mMax: 32, batchMax: budget === 'quick' ? 8 : 32, epsMin: 0.05, epsMax: 2 }),
      iterations: fc.integer({ min: 1, max: 40 }),
      preferKernel: fc.boolean(),
      stabilized: fc.boolean(),
    }),
  runs: { quick: 5, ci: 70, thorough: 600 },
  coverageBins: { ...SINKHORN_COVERAGE_BINS, iterations: [1, 2, 5, 10, 20, 41] },
  // fast-check counts examples inside numRuns: keep them few
  examples: [
    { case: fixedCase(PEER_CASES.T1), iterations: 30, preferKernel: true },
    { case: fixedCase(PEER_CASES.constantCost), iterations: 1, preferKernel: false },
    { case: fixedCase(PEER_CASES.T19[2]!), iterations: 12, preferKernel: false },
    { case: fixedCase(PEER_CASES.T1), iterations: 30, preferKernel: false, stabilized: true },
  ],
  describe: (x) => ({ iterations: x.iterations, preferKernel: x.preferKernel, stabilized: x.stabilized ?? false, ...(describeCase(x.case) as object) }),
  async run({ case: c, iterations, preferKernel, stabilized }, ctx): Promise<BatchOutcome> {
    const solver = solverOf(ctx);
    const { B } = c.batch;
    const domain: SinkhornDomain = stabilized ? 'stabilized' : domainFor(c, preferKernel);
    const trace = await solver.solve(c.batch, { iterations, domain });
    const measurements: Measurement[] = [];
    const coverage = [];
    for (let i = 0; i < B; i++) {
      const { deviation, tolerance, oracle } = planAgainstReference(solver, c.batch, i, trace, iterations, domain);
      measurements.push(measure(i, `max |log P_L − log P_L^ref| (${domain} domain)`, deviation, '<=', 0, tolerance));
      coverage.push({ ...coverageOf(c, i, oracle), iterations, domain });
    }
    return { instances: B, measurements, coverage };
  },
};
