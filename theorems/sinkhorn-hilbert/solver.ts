/** The Sinkhorn solver against its float64 reference, its softmax step and the log domain. */
import type { Claim } from '../types.js';
import { defineClaim } from '../define-claim.js';
import { PC_AT, TOTAL_MASS } from './common.js';

export const planMatchesReference = defineClaim({
  id: 'sinkhorn.plan-matches-reference',
  title: 'The tensor plan equals the float64 reference plan',
  kind: 'bound',
  role: 'asserted',
  sources: [PC_AT('eq. (4.15), Rem. 4.22')],
  statement:
    'After $L$ iterations from $v^{(0)}=1$, $\\log P_L$ of the implementation equals the float64 reference’s $\\log P_L$ up to float32 rounding, in the log and the kernel domain, zero weights included.',
  hypotheses:
    'n, m ∈ [2, 32] (square or rectangular); L ∈ [1, 40]; ε ∈ [0.05, 2]; the three cost families rescaled so that max |C|/ε is log-uniform up to the domain’s float32 limit: kernel domain up to 86.3 (e^{−86.3} is still a normal float32; the batch runs in the log domain if the float64 iterates would leave the normal range), log and stabilised domains up to 5000 (where the analysed tolerance is still ≪ 1), a quarter of the instances in [0.7, 1]× that limit; a quarter shifted to negative costs; a quarter with far rows and columns (their costs in [0.9, 1]·max C, the others in [0, 0.2]·max C: a cluster and outliers); all weight families (zero weights included); ' +
    TOTAL_MASS +
    ' Half of the runs record every iterate and compare iterate ⌈L/2⌉ too.',
  verdictRule:
    'max |Δ log P| ≤ 2·Σ_{ℓ<L}κ^{2ℓ}·2δ(1+κ) + δ + 3u·(|log u|+|log v|+C/ε): per-half-step rounding δ, contracted by Birkhoff (perturbed contraction), plus the mass error and the plan’s own rounding.',
  requires: ['sinkhorn'],
});

export const oneStepIsSoftmax = defineClaim({
  id: 'sinkhorn.one-step-is-softmax',
  title: 'One Sinkhorn row normalisation is softmax attention',
  kind: 'bound',
  role: 'asserted',
  sources: [
    {
      work: 'Sander, Ablin, Blondel & Peyré 2022 (Sinkformers)',
      arxiv: '2110.11773',
      locator: '§3; test_sinkhorn.py (peer case T18)',
      tag: 'paper',
    },
  ],
  statement:
    'From $v^{(0)}$, one row half-step gives $P^{(1/2)}=\\mathrm{diag}(a)\\,\\mathrm{softmax}_{\\text{row}}(-C/\\varepsilon+\\log v^{(0)})$; with $a=\\mathbf 1/n$, $v^{(0)}=\\mathbf 1$: $n P^{(1/2)}=\\mathrm{softmax}_{\\text{row}}(-C/\\varepsilon)$.',
  hypotheses:
    'n, m ∈ [2, 16]; ε ∈ [0.05, 2]; the three cost families rescaled so that max |C|/ε is log-uniform in [0.5, 78] (every domain) or in [0.5, 5000], a quarter of the instances in [0.7, 1]× the upper end, with a quarter of the instances shifted to negative costs (log and stabilized; the kernel domain runs only where max |C|/ε ≤ 78, so e^{−C/ε + log v} stays a normal float32); v⁰ = 1 or log v⁰ uniform in [−2, 2]; all weight families; every domain from the same v⁰. ' +
    TOTAL_MASS,
  verdictRule: 'max |Δ log P| ≤ δ (one half-step, log-sum-exp or its kernel form) + 4·u64·scale, per domain.',
  requires: ['sinkhorn'],
});

export const logDomainSmallEps = defineClaim({
  id: 'sinkhorn.log-domain-small-eps',
  title: 'Log-domain Sinkhorn stays exact where the kernel underflows',
  kind: 'bound',
  role: 'asserted',
  sources: [
    PC_AT('Rem. 4.22–4.23 (log-domain stabilisation)'),
    {
      work: 'POT 0.8.2 test suite',
      locator: 'test_bregman.py::test_sinkhorn_stabilization (peer case T4)',
      tag: 'author-code',
    },
  ],
  statement:
    'With costs up to 25 and $\\varepsilon\\in[0.005,0.05]$ ($C/\\varepsilon$ up to 5000, where $e^{-C/\\varepsilon}$ is 0 in float32 and float64), the log-domain iterates equal the float64 reference and the column marginals of $P_L$ equal $b$ after the $v$-step.',
  hypotheses:
    'n, m ∈ [2, 24]; costs = 25 × the three [0, 1] families, a quarter of the instances with far rows and columns (their costs in [0.9, 1]·max C, the others in [0, 0.2]·max C: a cluster and outliers, scalings beyond e^{88} next to scalings of order 1); ε log-uniform in [0.005, 0.05]; L ∈ [1, 20]; all weight families; square or rectangular. ' +
    TOTAL_MASS,
  verdictRule:
    'Plan: the perturbed-contraction bound of sinkhorn.plan-matches-reference. Column marginals: |log Σ_i P_ij − log b_j| ≤ δ + 3u·(|log u|+|log v|+C/ε) + u·log n (one half-step and the plan’s rounding).',
  requires: ['sinkhorn'],
});

/** The solver claims, in report order. */
export const solverClaims: readonly Claim[] = [planMatchesReference, oneStepIsSoftmax, logDomainSmallEps];
