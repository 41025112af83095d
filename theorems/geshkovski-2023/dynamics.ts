/** The dynamics on the sphere: invariant hemispheres, the integrator, uniform initialisation. */
import type { Claim } from '../types.js';
import { defineClaim } from '../define-claim.js';
import { GLPR, SPEC } from './common.js';

export const hemisphereInvariance = defineClaim({
  id: 'dynamics.hemisphere-invariance',
  title: 'The hemisphere margin min_i⟨x_i, w⟩ never decreases',
  kind: 'bound',
  role: 'asserted',
  sources: [
    { ...GLPR, locator: 'Lemma 6.4, proof step 1', tag: 'paper' },
    { ...SPEC, locator: 'P6 (exact for the normalised Euler step, any η > 0)', tag: 'derived' },
  ],
  statement:
    'If $r_w(0)=\\min_i\\langle x_i(0),w\\rangle>0$ then $r_w(t)$ is non-decreasing, for SA, USA and arbitrary $B=K^\\top Q$ with $V=I$; exactly so for the step ' +
    '$x\\leftarrow(x+\\eta\\sum_ja_{ij}x_j)/\\|\\cdot\\|$ with $a_{ij}\\ge0$, any η > 0.',
  hypotheses:
    'n ∈ [2, 16], d ∈ {2, 3, 8, 16}, β log-uniform in [1e-2, 10], w uniform, points uniform then reflected into {⟨x,w⟩ > 0}; B ∈ {I, Ginibre}; η ∈ {0.05, 0.3, 1}; 30 steps.',
  verdictRule:
    'r_w(t_{k+1}) ≥ r_w(t_k) − u·(4d + 2n + 16): rounding of the attention product (n terms), of the renormalisation (d terms) and of ⟨x, w⟩ (d terms) on unit vectors.',
  requires: ['sphereDynamics'],
});

export const integratorConsistency = defineClaim({
  id: 'dynamics.integrator-consistency',
  title:
    'One simulate step equals the declared scheme (classical RK4 on the projected field, or the authors’ normalised Euler)',
  kind: 'bound',
  role: 'asserted',
  sources: [
    {
      work: 'spec attention-dynamics-clustering',
      locator:
        '§5 “Integrator” (RK4 on the projected field, renormalising after each step); §1.3 (the authors’ normalised Euler)',
      tag: 'derived',
    },
    {
      work: 'Classical Runge–Kutta (Butcher tableau c = (0, ½, ½, 1), b = (⅙, ⅓, ⅓, ⅙))',
      locator: 'Hairer, Nørsett & Wanner, Solving ODEs I, §II.1',
      tag: 'standard',
    },
  ],
  statement:
    'For integrator "rk4", $x(h)=N\\big(x+h\\sum_sb_sk_s\\big)$ with $k_s=F(x+c_shk_{s-1})$, $F(x)_i=P^\\perp_{x_i}\\sum_jA_{ij}Vx_j$, $P^\\perp_xv=v-\\langle x,v\\rangle x$ and $N$ the row normalisation; ' +
    'for "euler-renormalize", $x(h)=N(x+h\\sum_jA_{ij}Vx_j)$. The clustering and energy claims rely on these schemes; a stage slip (e.g. $k_3$ evaluated from $k_1$) lowers the order without breaking any qualitative theorem.',
  hypotheses:
    'n ∈ [2, 12], d ∈ {2, 3, 8, 16}, β log-uniform in [1e-2, 3], uniform points; the fields of energy.derivative-identity (SA and USA with V = ±I, SA with B = V GOE, β = 0) and SA and USA with independent non-symmetric Ginibre B and V (the schemes hold for any B = KᵀQ, V); h = hL/max(1, L) with hL ∈ {0.1, 0.25, 0.5} and L the largest Lipschitz bound of the batch (beyond h·L ≈ 1 the RK4 stages leave the sphere and e^{β⟨Bx,y⟩} overflows float32 long before float64 — found by this claim at h = 0.5, β = 2.3, USA with V = −I); two recorded steps of each integrator (recordEvery = 1), and the velocity at the initial configuration.',
  verdictRule:
    'Velocity: per particle |F_impl − F₆₄| ≤ ε_v (below). Stored step indices must be 0, 1, 2; each stored state is compared with the declared step from the previous stored state. ' +
    'Per particle, |x_impl(h) − x₆₄(h)| ≤ e_y/|y| + u(d + 4), where the float64 step is computed from the tableau with an independent field evaluation and e_y propagates the velocity rounding ε_v = u(2β‖B‖ + n + 2d + 8)Σ_jA_ij‖V‖ through the stages with the Lipschitz bound L = Σ_jA_ij‖V‖(3 + 4β‖B‖) ' +
    '(e_k ≤ ε_v + L e_X, e_X ≤ u + c h e_k + 2u(1 + c h|k|)); u = u_impl + u₆₄.',
  notes: [
    'A user implementation that projects stage points back onto the sphere, or uses another projection off the sphere, is a different (equally consistent) scheme and fails this claim by design: the capability documents the scheme its `rk4` must be.',
  ],
  requires: ['sphereDynamics'],
});

export const uniformInitialization = defineClaim({
  id: 'dynamics.uniform-initialisation',
  title: 'Initial tokens are i.i.d. uniform on the sphere (the theorems’ hypothesis)',
  kind: 'probabilistic',
  role: 'asserted',
  sources: [
    {
      work: 'Geshkovski, Letrouit, Polyanskiy & Rigollet 2023',
      arxiv: '2312.10794',
      locator: 'hypothesis of Thms 4.1–6.9: i.i.d. uniform initial points (σ_d)',
      tag: 'paper',
    },
    {
      work: 'Kolmogorov–Smirnov with the Dvoretzky–Kiefer–Wolfowitz bound (Massart 1990)',
      locator: 'P(D_N > c) ≤ 2e^{−2Nc²}',
      tag: 'standard',
    },
  ],
  statement:
    'The implementation’s initialiser draws $x$ from $\\sigma_d$: for every unit $w$, $(\\langle x,w\\rangle+1)/2\\sim\\mathrm{Beta}(\\tfrac{d-1}2,\\tfrac{d-1}2)$, and $\\|x\\|=1$. ' +
    'A sampler that normalises a uniform cube sample has mean 0 (correct on average) but is not rotation invariant.',
  hypotheses:
    'd ∈ {2, 3, 5, 8}; N = 20000 samples per run from the implementation’s sampleUniform (optional method; without it the claim is inconclusive); directions: the first ≤ 4 coordinate axes and one random direction.',
  verdictRule:
    'Violated when a KS distance exceeds the DKW–Massart bound √(log(2/α)/(2N)) with α = 10⁻³/(runs × 5 directions) — a false-alarm rate ≤ 10⁻³ per claim run — plus the float rounding of ⟨x, w⟩; or when ‖x‖ deviates from 1 by more than 4(d+2)u.',
  requires: ['sphereDynamics'],
});

/** The dynamics claims, in report order. */
export const dynamicsClaims: readonly Claim[] = [hemisphereInvariance, integratorConsistency, uniformInitialization];
