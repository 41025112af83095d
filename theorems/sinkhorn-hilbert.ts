/**
 * Sinkhorn in the Hilbert projective metric: Birkhoff (1957), Franklin & Lorenz (1989), as restated in
 * Peyré & Cuturi, *Computational Optimal Transport* (2019, arXiv 1803.00567), §4.2; and the
 * Sinkhorn → softmax bridge of Sander et al., Sinkformers (2022, arXiv 2110.11773).
 * Spec: ../shared/specs/ot-transformer-sorting.md §1, §5 and peers-and-tooling.md §1.6.
 */
import type { Claim } from './types.js';

const PC = { work: 'Peyré & Cuturi 2019', arxiv: '1803.00567' } as const;

export const sinkhornClaims: readonly Claim[] = [
  {
    id: 'sinkhorn.birkhoff-contraction',
    family: 'sinkhorn',
    title: 'Birkhoff contraction of a positive kernel',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { ...PC, locator: 'Thm 4.1', tag: 'standard' },
      { work: 'Birkhoff 1957', locator: 'Extensions of Jentzsch’s theorem', tag: 'standard' },
    ],
    statement:
      'For $K=e^{-C/\\varepsilon}\\in\\mathbb R^{n\\times m}_{++}$ and $v,v\'\\in\\mathbb R^m_{++}$: ' +
      '$d_H(Kv,Kv\') \\le \\kappa(K)\\,d_H(v,v\')$ with $\\kappa(K)=\\tanh(\\Delta(K)/4)$ and ' +
      '$\\Delta(K)=\\max_{ijkl}(C_{jk}+C_{il}-C_{ik}-C_{jl})/\\varepsilon$.',
    hypotheses: 'n, m ∈ [2, 16]; costs uniform, squared-Euclidean or permutation-with-gap in [0, 1]; ε log-uniform in [0.1, 2]; log v, log v′ uniform in [−3, 3]; weights uniform, Dirichlet or sparse. Total mass Σa = Σb = 1 or log-uniform in [0.01, 100] (magnitudes do not shrink).',
    verdictRule: 'Kv is taken through the solver (one row half-step from v⁰ = v). Violated if d_H(Kv,Kv′) > κ·d_H(v,v′) + 4δ, δ the analysed half-step rounding error (u·(3·magnitude + m + log m + 2) + u·(|log a|+1)).',
    requires: ['sinkhorn'],
  },
  {
    id: 'sinkhorn.franklin-lorenz-rate',
    family: 'sinkhorn',
    title: 'Linear convergence of Sinkhorn in the Hilbert metric (rate κ²)',
    kind: 'rate',
    role: 'asserted',
    sources: [
      { ...PC, locator: 'Thm 4.2, eqs. (4.22), (4.24); Rem. 4.14', tag: 'standard' },
      { work: 'Franklin & Lorenz 1989', locator: 'Linear Algebra Appl. 114/115:717–735', tag: 'standard' },
    ],
    statement:
      'Sinkhorn iterates $u^{(\\ell)}=a\\oslash Kv^{(\\ell-1)}$, $v^{(\\ell)}=b\\oslash K^\\top u^{(\\ell)}$ satisfy ' +
      '$d_H(v^{(\\ell)},v^*)\\le\\kappa^{2\\ell}d_H(v^{(0)},v^*)$ (each half-step contracts by $\\kappa$) and ' +
      '$\\|\\log P^{(\\ell)}-\\log P^*\\|_\\infty\\le d_H(u^{(\\ell)},u^*)+d_H(v^{(\\ell)},v^*)$.',
    hypotheses: 'n, m ∈ [2, 12]; the three cost families; ε ∈ [0.1, 2] log-uniform; 25 iterations from v⁰ = 1; Dirichlet, uniform or sparse marginals. Total mass Σa = Σb = 1 or log-uniform in [0.01, 100] (magnitudes do not shrink).',
    verdictRule:
      'Per half-step: d_H(u_ℓ,u*) ≤ κ·d_H(v_{ℓ−1},v*) + 2δ and d_H(v_ℓ,v*) ≤ κ·d_H(u_ℓ,u*) + 2δ; (4.22) with the perturbation sum 2δ(1+κ)·Σκ^{2k}; ' +
      '(4.24) with the total-mass gap |log ΣP_ℓ/ΣP*| added (exact, see notes). Checked while d_H(v_{ℓ−1},v*) > 100δ (below that d_H is rounding). ' +
      'The report compares the measured per-iteration contraction with κ².',
    notes: [
      'The printed twin of (4.23) for v, with P^{(ℓ)ᵀ}1, is vacuous (that marginal is exact after the v-step); use the half-step coupling instead (misprint noted by prove2.me).',
      '(4.24) as printed assumes ΣP^{(ℓ)} = ΣP*; for float iterates the proof gives the extra term |log(ΣP_ℓ/ΣP*)|, which we add.',
      'The global rate κ² is usually far from sharp; the local rate (Rem. 4.15) is faster.',
    ],
    requires: ['sinkhorn'],
  },
  {
    id: 'sinkhorn.hilbert-identity',
    family: 'sinkhorn',
    title: 'Hilbert distance of two scalings of one kernel',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { work: 'spec ot-transformer-sorting §5', locator: 'identity derived from Peyré & Cuturi Rem. 4.12', tag: 'derived' },
    ],
    statement:
      '$d_H(\\mathrm{diag}(e^{f/\\varepsilon})K\\mathrm{diag}(e^{g/\\varepsilon}),\\mathrm{diag}(e^{f\'/\\varepsilon})K\\mathrm{diag}(e^{g\'/\\varepsilon}))' +
      '=[\\mathrm{osc}(f-f\')+\\mathrm{osc}(g-g\')]/\\varepsilon$.',
    hypotheses: 'The solver’s plan after L ∈ [1, 30] iterations against P*; n, m ∈ [2, 16]; ε ∈ [0.05, 2]; all weight families. Total mass Σa = Σb = 1 or log-uniform in [0.01, 100] (magnitudes do not shrink).',
    verdictRule: 'Identity within 6u·(|log u|+|log v|+C/ε) (three roundings when the implementation forms log P, doubled by osc) + 1e-12 relative.',
    requires: ['sinkhorn'],
  },
  {
    id: 'sinkhorn.tv-hilbert-bound',
    family: 'sinkhorn',
    title: 'Total variation is bounded by tanh(d_H/4)',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { work: 'spec ot-transformer-sorting §5', locator: 'TV bound; cf. Cohen & Fausti, arXiv 2309.02413', tag: 'standard' },
    ],
    statement: 'For probability vectors $p,q$: $\\tfrac12\\|p-q\\|_1\\le\\tanh(d_H(p,q)/4)$; applied to $P^{(\\ell)}/\\sum P^{(\\ell)}$ and $P^*$.',
    hypotheses: 'Normalised Sinkhorn iterates ℓ = 1..12 of the solver under test; n, m ∈ [2, 12]; ε ∈ [0.05, 2]; all weight families. Total mass Σa = Σb = 1 or log-uniform in [0.01, 100] (magnitudes do not shrink).',
    verdictRule: 'The bound is tight (worst ratio 1 − 3e-13 in the spec’s check), so it is evaluated in float64 with slack 64·nm·u64·(1 + d_H).',
    requires: ['sinkhorn'],
  },
  {
    id: 'sinkhorn.plan-matches-reference',
    family: 'sinkhorn',
    title: 'The tensor plan equals the float64 reference plan',
    kind: 'bound',
    role: 'asserted',
    sources: [{ ...PC, locator: 'eq. (4.15), Rem. 4.22', tag: 'standard' }],
    statement: 'After $L$ iterations from $v^{(0)}=1$, $\\log P_L$ of the implementation equals the float64 reference’s $\\log P_L$ up to float32 rounding, in the log and the kernel domain, zero weights included.',
    hypotheses: 'n, m ∈ [2, 32] (square or rectangular); L ∈ [1, 40]; ε ∈ [0.05, 2]; the three cost families rescaled so that max |C|/ε is log-uniform up to the domain’s float32 limit: kernel domain up to 86.3 (e^{−86.3} is still a normal float32; the batch runs in the log domain if the float64 iterates would leave the normal range), log and stabilised domains up to 5000 (where the analysed tolerance is still ≪ 1), a quarter of the instances in [0.7, 1]× that limit; a quarter shifted to negative costs; a quarter with far rows and columns (their costs in [0.9, 1]·max C, the others in [0, 0.2]·max C: a cluster and outliers); all weight families (zero weights included); Total mass Σa = Σb = 1 or log-uniform in [0.01, 100] (magnitudes do not shrink). Half of the runs record every iterate and compare iterate ⌈L/2⌉ too.',
    verdictRule: 'max |Δ log P| ≤ 2·Σ_{ℓ<L}κ^{2ℓ}·2δ(1+κ) + δ + 3u·(|log u|+|log v|+C/ε): per-half-step rounding δ, contracted by Birkhoff (perturbed contraction), plus the mass error and the plan’s own rounding.',
    requires: ['sinkhorn'],
  },
  {
    id: 'sinkhorn.one-step-is-softmax',
    family: 'sinkhorn',
    title: 'One Sinkhorn row normalisation is softmax attention',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { work: 'Sander, Ablin, Blondel & Peyré 2022 (Sinkformers)', arxiv: '2110.11773', locator: '§3; test_sinkhorn.py (peer case T18)', tag: 'paper' },
    ],
    statement: 'From $v^{(0)}$, one row half-step gives $P^{(1/2)}=\\mathrm{diag}(a)\\,\\mathrm{softmax}_{\\text{row}}(-C/\\varepsilon+\\log v^{(0)})$; with $a=\\mathbf 1/n$, $v^{(0)}=\\mathbf 1$: $n P^{(1/2)}=\\mathrm{softmax}_{\\text{row}}(-C/\\varepsilon)$.',
    hypotheses: 'n, m ∈ [2, 16]; ε ∈ [0.05, 2]; the three cost families rescaled so that max |C|/ε is log-uniform in [0.5, 78] (every domain) or in [0.5, 5000], a quarter of the instances in [0.7, 1]× the upper end, with a quarter of the instances shifted to negative costs (log and stabilized; the kernel domain runs only where max |C|/ε ≤ 78, so e^{−C/ε + log v} stays a normal float32); v⁰ = 1 or log v⁰ uniform in [−2, 2]; all weight families; every domain from the same v⁰. Total mass Σa = Σb = 1 or log-uniform in [0.01, 100] (magnitudes do not shrink).',
    verdictRule: 'max |Δ log P| ≤ δ (one half-step, log-sum-exp or its kernel form) + 4·u64·scale, per domain.',
    requires: ['sinkhorn'],
  },
  {
    id: 'sinkhorn.log-domain-small-eps',
    family: 'sinkhorn',
    title: 'Log-domain Sinkhorn stays exact where the kernel underflows',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { ...PC, locator: 'Rem. 4.22–4.23 (log-domain stabilisation)', tag: 'standard' },
      { work: 'POT 0.8.2 test suite', locator: 'test_bregman.py::test_sinkhorn_stabilization (peer case T4)', tag: 'author-code' },
    ],
    statement: 'With costs up to 25 and $\\varepsilon\\in[0.005,0.05]$ ($C/\\varepsilon$ up to 5000, where $e^{-C/\\varepsilon}$ is 0 in float32 and float64), the log-domain iterates equal the float64 reference and the column marginals of $P_L$ equal $b$ after the $v$-step.',
    hypotheses: 'n, m ∈ [2, 24]; costs = 25 × the three [0, 1] families, a quarter of the instances with far rows and columns (their costs in [0.9, 1]·max C, the others in [0, 0.2]·max C: a cluster and outliers, scalings beyond e^{88} next to scalings of order 1); ε log-uniform in [0.005, 0.05]; L ∈ [1, 20]; all weight families; square or rectangular. Total mass Σa = Σb = 1 or log-uniform in [0.01, 100] (magnitudes do not shrink).',
    verdictRule: 'Plan: the perturbed-contraction bound of sinkhorn.plan-matches-reference. Column marginals: |log Σ_i P_ij − log b_j| ≤ δ + 3u·(|log u|+|log v|+C/ε) + u·log n (one half-step and the plan’s rounding).',
    requires: ['sinkhorn'],
  },
];
