/** The Hilbert projective metric: Birkhoff contraction, the Franklin–Lorenz rate and its corollaries. */
import type { Claim } from '../types.js';
import { defineClaim } from '../define-claim.js';
import { PC_AT, TOTAL_MASS } from './common.js';

export const birkhoffContraction = defineClaim({
  id: 'sinkhorn.birkhoff-contraction',
  title: 'Birkhoff contraction of a positive kernel',
  kind: 'bound',
  role: 'asserted',
  sources: [PC_AT('Thm 4.1'), { work: 'Birkhoff 1957', locator: 'Extensions of Jentzsch’s theorem', tag: 'standard' }],
  statement:
    "For $K=e^{-C/\\varepsilon}\\in\\mathbb R^{n\\times m}_{++}$ and $v,v'\\in\\mathbb R^m_{++}$: " +
    "$d_H(Kv,Kv') \\le \\kappa(K)\\,d_H(v,v')$ with $\\kappa(K)=\\tanh(\\Delta(K)/4)$ and " +
    '$\\Delta(K)=\\max_{ijkl}(C_{jk}+C_{il}-C_{ik}-C_{jl})/\\varepsilon$.',
  hypotheses:
    'n, m ∈ [2, 16]; costs uniform, squared-Euclidean or permutation-with-gap in [0, 1]; ε log-uniform in [0.1, 2]; log v, log v′ uniform in [−3, 3]; weights uniform, Dirichlet or sparse. ' +
    TOTAL_MASS,
  verdictRule:
    'Kv is taken through the solver (one row half-step from v⁰ = v). Violated if d_H(Kv,Kv′) > κ·d_H(v,v′) + 4δ, δ the analysed half-step rounding error (u·(3·magnitude + m + log m + 2) + u·(|log a|+1)).',
  requires: ['sinkhorn'],
});

export const franklinLorenzRate = defineClaim({
  id: 'sinkhorn.franklin-lorenz-rate',
  title: 'Linear convergence of Sinkhorn in the Hilbert metric (rate κ²)',
  kind: 'rate',
  role: 'asserted',
  sources: [
    PC_AT('Thm 4.2, eqs. (4.22), (4.24); Rem. 4.14'),
    { work: 'Franklin & Lorenz 1989', locator: 'Linear Algebra Appl. 114/115:717–735', tag: 'standard' },
  ],
  statement:
    'Sinkhorn iterates $u^{(\\ell)}=a\\oslash Kv^{(\\ell-1)}$, $v^{(\\ell)}=b\\oslash K^\\top u^{(\\ell)}$ satisfy ' +
    '$d_H(v^{(\\ell)},v^*)\\le\\kappa^{2\\ell}d_H(v^{(0)},v^*)$ (each half-step contracts by $\\kappa$) and ' +
    '$\\|\\log P^{(\\ell)}-\\log P^*\\|_\\infty\\le d_H(u^{(\\ell)},u^*)+d_H(v^{(\\ell)},v^*)$.',
  hypotheses:
    'n, m ∈ [2, 12]; the three cost families; ε ∈ [0.1, 2] log-uniform; 25 iterations from v⁰ = 1; Dirichlet, uniform or sparse marginals. ' +
    TOTAL_MASS,
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
});

export const hilbertIdentity = defineClaim({
  id: 'sinkhorn.hilbert-identity',
  title: 'Hilbert distance of two scalings of one kernel',
  kind: 'bound',
  role: 'asserted',
  sources: [
    {
      work: 'spec ot-transformer-sorting §5',
      locator: 'identity derived from Peyré & Cuturi Rem. 4.12',
      tag: 'derived',
    },
  ],
  statement:
    "$d_H(\\mathrm{diag}(e^{f/\\varepsilon})K\\mathrm{diag}(e^{g/\\varepsilon}),\\mathrm{diag}(e^{f'/\\varepsilon})K\\mathrm{diag}(e^{g'/\\varepsilon}))" +
    "=[\\mathrm{osc}(f-f')+\\mathrm{osc}(g-g')]/\\varepsilon$.",
  hypotheses:
    'The solver’s plan after L ∈ [1, 30] iterations against P*; n, m ∈ [2, 16]; ε ∈ [0.05, 2]; all weight families. ' +
    TOTAL_MASS,
  verdictRule:
    'Identity within 6u·(|log u|+|log v|+C/ε) (three roundings when the implementation forms log P, doubled by osc) + 1e-12 relative.',
  requires: ['sinkhorn'],
});

export const tvHilbertBound = defineClaim({
  id: 'sinkhorn.tv-hilbert-bound',
  title: 'Total variation is bounded by tanh(d_H/4)',
  kind: 'bound',
  role: 'asserted',
  sources: [
    {
      work: 'spec ot-transformer-sorting §5',
      locator: 'TV bound; cf. Cohen & Fausti, arXiv 2309.02413',
      tag: 'standard',
    },
  ],
  statement:
    'For probability vectors $p,q$: $\\tfrac12\\|p-q\\|_1\\le\\tanh(d_H(p,q)/4)$; applied to $P^{(\\ell)}/\\sum P^{(\\ell)}$ and $P^*$.',
  hypotheses:
    'Normalised Sinkhorn iterates ℓ = 1..12 of the solver under test; n, m ∈ [2, 12]; ε ∈ [0.05, 2]; all weight families. ' +
    TOTAL_MASS,
  verdictRule:
    'The bound is tight (worst ratio 1 − 3e-13 in the spec’s check), so it is evaluated in float64 with slack 64·nm·u64·(1 + d_H).',
  requires: ['sinkhorn'],
});

/** The Hilbert-metric claims, in report order. */
export const hilbertClaims: readonly Claim[] = [
  birkhoffContraction,
  franklinLorenzRate,
  hilbertIdentity,
  tvHilbertBound,
];
