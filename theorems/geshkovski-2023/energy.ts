/** The interaction energy along the dynamics: its derivative, monotonicity and extremizers. */
import type { Claim } from '../types.js';
import { defineClaim } from '../define-claim.js';
import { GLPR, CODE, SPEC, TYPO_3_7 } from './common.js';

export const energyDerivativeIdentity = defineClaim({
  id: 'energy.derivative-identity',
  title: 'Exact rate of the interaction energy along the attention flow',
  kind: 'bound',
  role: 'asserted',
  sources: [
    { ...GLPR, locator: 'eq. (3.6); Lemma 3.7; eq. (3.11); §3.4.1 (metric 3.12)', tag: 'paper' },
    { ...SPEC, locator: '§2.2 (a)–(d), particle forms; P3', tag: 'derived' },
  ],
  statement:
    'Along $\\dot x_i=P^\\perp_{x_i}(\\sum_jA_{ij}Vx_j)$ with velocity $F$: for $E_\\beta=\\frac1{2\\beta n^2}\\sum_{ij}e^{\\beta\\langle x_i,x_j\\rangle}$, ' +
    'SA: $\\dot E_\\beta=\\frac1{n^2}\\sum_iZ_{\\beta,i}\\|F_i\\|^2$, USA: $\\dot E_\\beta=\\frac1n\\sum_i\\|F_i\\|^2$, and the negatives for $V=-I$; ' +
    'the shifted energy $\\frac1{2\\beta}\\sum_{ij}(e^{\\beta\\langle x_i,x_j\\rangle}-1)$ (App. C; ½ΣG at β = 0) has $n^2$ times the rate; ' +
    'for $B=V$ symmetric, $\\mathsf E_\\beta=\\frac1{2\\beta}\\sum_{ij}e^{\\beta\\langle Vx_i,x_j\\rangle}$ has $\\dot{\\mathsf E}_\\beta=\\sum_iZ_{\\beta,i}\\|F_i\\|^2$, $Z_{\\beta,i}=\\sum_je^{\\beta\\langle Vx_i,x_j\\rangle}$. ' +
    'The implementation’s energy equals the float64 energy in each normalisation.',
  hypotheses:
    'n ∈ [2, 16], d ∈ {2, 3, 4, 8, 16}, β log-uniform in [1e-2, 10] (β = 0 for the shifted case), uniform points; V ∈ {I, −I, GOE = B}; SA and USA.',
  verdictRule:
    'Left side: central difference $[E(N(X+hF))-E(N(X-hF))]/2h$ of the float64 energy along the implementation’s F, N = row normalisation, h = 1e-5/max(1, ‖F‖∞) ' +
    '(truncation ≤ h²·|E‴| and rounding ≤ 4u₆₄|E|/h, both ≤ 1e-8 relative here). Right side from the same F with float64 Z. ' +
    'Since the left side is c·Σw_i⟨F*_i, F_i⟩ and the right side c·Σw_i‖F_i‖², an error e_i in F moves their difference by ≤ c·Σw_i(2‖F_i‖ε_i + ε_i²), ' +
    'ε_i = u·(2β‖B‖ + n + 2d + 8)·Σ_j|A_ij|‖V‖ the analysed float32 error of the drift; plus 1e-7 relative for the difference quotient. ' +
    'Energy check: |E_impl − E₆₄| ≤ u·(3β‖V‖ + n² + log n² + β‖V‖(d+2) + |log 2βn²| + 4)·E (max-shifted LSE, properties/tolerance.ts), expm1 terms bounded termwise.',
  notes: [
    TYPO_3_7,
    'Negative control (spec P3): for non-symmetric B or V ≠ B the modified-metric identity fails generically; not asserted here.',
  ],
  requires: ['sphereDynamics'],
});

export const energyMonotone = defineClaim({
  id: 'energy.monotone',
  title: 'The interaction energy is monotone along trajectories',
  kind: 'bound',
  role: 'asserted',
  sources: [
    { ...GLPR, locator: 'eq. (3.6), Lemma 3.7, §3.4.1; §3.2 (V = −I)', tag: 'paper' },
    { ...SPEC, locator: '§2.2; P4 (the discrete scheme is an empirical property)', tag: 'empirical' },
    { ...CODE, locator: 'phase-diagrams.py (Euler + renormalisation, η = 0.1; USA η = 0.1/max(√β e^{β−1/2}, 1))' },
  ],
  statement:
    '$E_\\beta(X(t))$ is non-decreasing along SA and USA ($V=I$) and $\\mathsf E_\\beta$ along SA with $B=V$ symmetric; $E_\\beta$ is non-increasing for $V=-I$. ' +
    'Checked at every step of a small-step RK4 and of the authors’ discrete layer update $x\\leftarrow(x+\\eta\\sum_jA_{ij}Vx_j)/\\|\\cdot\\|$.',
  hypotheses:
    'n ∈ [2, 16], d ∈ {2, 3, 8, 16}, β log-uniform in [1e-2, 9]; RK4 h = 0.02 and Euler η = 0.1 (USA: the authors’ step), 40 steps each.',
  verdictRule:
    'E_{k+1} ≥ E_k − tol (reverse for V = −I), tol = 2·δ_E with δ_E the analysed rounding of one energy evaluation (as in energy.derivative-identity) plus, for RK4, ' +
    'the local error is of the order of rounding at h = 0.02. Float64: δ_E ≈ 1e-15|E|, as the spec’s 1e-12.',
  notes: ['For V = −I the discrete Euler step is not covered by the paper; only RK4 is used there.'],
  requires: ['sphereDynamics'],
});

export const energyExtremizers = defineClaim({
  id: 'energy.extremizers',
  title: 'Uniform measure minimises and Dirac masses maximise the interaction energy (Prop. 3.4)',
  kind: 'bound',
  role: 'asserted',
  sources: [
    { ...GLPR, locator: 'Prop. 3.4; eq. (3.5)', tag: 'paper' },
    { ...SPEC, locator: '§2.3 closed form of E_β[σ_d]; P5', tag: 'derived' },
  ],
  statement:
    'For every $X\\in(\\mathbb S^{d-1})^n$: $E_\\beta[\\sigma_d]\\le E_\\beta(X)\\le e^\\beta/(2\\beta)$, with $E_\\beta[\\sigma_d]=\\Gamma(d/2)(2/\\beta)^{d/2-1}I_{d/2-1}(\\beta)/(2\\beta)$ ' +
    'and equality at the top for Dirac configurations (all points equal).',
  hypotheses:
    'n ∈ [2, 32], d ∈ {2, 3, 4, 8, 16}, β log-uniform in [1e-2, 10]; uniform points, plus Dirac, orthonormal, regular-simplex and cross-polytope configurations when n allows.',
  verdictRule:
    'Each inequality within 2δ_E (analysed energy rounding, see energy.derivative-identity); Dirac equality within 2δ_E. I_ν by its power series in float64 (≤ 1e-14 relative).',
  requires: ['sphereDynamics'],
});

/** The energy claims, in report order. */
export const energyClaims: readonly Claim[] = [energyDerivativeIdentity, energyMonotone, energyExtremizers];
