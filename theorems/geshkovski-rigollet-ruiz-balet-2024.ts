/**
 * Measure-to-measure interpolation using Transformers: Geshkovski, Rigollet & Ruiz-Balet, arXiv 2411.04551
 * (v3, 13 Feb 2026, to appear in FoCM). Spec: ../shared/specs/measure-interpolation.md (§1 model, §2
 * statements, §3 construction, §4.2 checks; errata are tagged there and repeated in the notes below).
 */
import type { Claim } from './types.js';

const GRR = { work: 'Geshkovski, Rigollet & Ruiz-Balet 2024', arxiv: '2411.04551' } as const;
const SPEC = { work: 'spec measure-interpolation', tag: 'derived' } as const;

const FLOAT64_NOTE =
  'The implementation under test is the float64 interpolator (impl/reference/interpolator.ts), also registered as the tfjs implementation’s interpolator: the construction needs W2 ≤ 1e-4 after schedules of hundreds of natural time units with exact-hitting durations, beyond float32; a tfjs version would import the attention velocity of impl/tfjs/sphere-dynamics.ts.';

const GATE_ERRATUM =
  'Erratum (Lemma B.2, eq. B.4; aquemy F1/E1): the printed U = −𝟙zᵀ, b = cos R·𝟙 gives the gate (cos R − ⟨z, x⟩)_+, active *outside* 𝓑₀. The correct block is U = +𝟙zᵀ, b = −cos R·𝟙, i.e. G(z, cos R, ω). The same slip in Lemma 3.4 (B.13) is read as G(a, cos R, x*). The printed sign is catalogued as the mutant interpolation.gate-sign-printed.';

const ORTHO_ERRATUM =
  'Erratum (Prop 4.2): the hypothesis only asks ⟨γ, x₀ᴹ − yᴹ⟩ = 0, but the gather gates (±⟨γ, x⟩ − ε̃/2)_+ leave x₀ᴹ and yᴹ fixed only if |⟨γ, x₀ᴹ⟩| ≤ ε̃/2, and (4.7)’s “φ(x) = x on H^γ_ε” holds on H^γ_{ε̃/2} only. We take γ ⊥ x₀ᴹ and γ ⊥ yᴹ (possible for d ≥ 3). aquemy commit ba5eb44 gives a counterexample to the printed choice of γ (inactive points on the extended geodesic through the active pair, a measure-zero configuration): such draws are rejected (margin < 1e-3).';

const INDUCTION_GAP =
  'Gap (Prop 3.1, non-colinear branch): shrinking only μᴺ toward its barycenter direction need not separate it from an earlier hull that contains that direction. We implement the step as a uniformisation round (aquemy F27): Lemma 3.3 applied to every measure in turn, with radius δ = 0.3·(min angle between barycenter directions) < half that angle. The colinear branch (Lemma 3.4) is not implemented (spec §4.3); inputs with colinear barycenters are rejected with an InputError.';

export const interpolationClaims: readonly Claim[] = [
  {
    id: 'interpolation.particle-model',
    family: 'interpolation',
    title: 'The particle model: on the sphere, mean-field, permutation-equivariant, measures independent',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { ...GRR, locator: '§1, eqs. (1.1)–(1.3)', tag: 'paper' },
      { ...SPEC, locator: '§1 note 1; §4.2 items 1–2' },
    ],
    statement:
      'Tokens of each measure follow $\\dot x=\\mathbf P^\\perp_x\\big(V\\mathcal A_B[\\mu](x)+W(Ux+b)_+\\big)$ with $\\mu$ the empirical measure of *that* measure only. ' +
      'Hence: the flow stays on $\\mathbb S^{d-1}$; duplicating every token $k$ times leaves the trajectory unchanged (it depends on $\\mu$ only); permuting tokens permutes the output; ' +
      'evolving a measure alone or together with others gives the same result (one shared $\\theta$, N independent solutions of (1.3)).',
    hypotheses: 'd ∈ {3, 4}; N ∈ [1, 3] clouds of n ∈ [2, 10] tokens in random caps of radius ≤ 0.6; K ∈ [1, 3] random pieces (V, W, U, b Ginibre; B = 0, βI or Ginibre); durations in [0.2, 1.5]; duplication k ∈ {2, 3}.',
    verdictRule:
      '| ‖x‖ − 1 | ≤ 1e-12 (RK4 + renormalisation: one rounding of the norm); duplication and single-vs-joint replay ≤ 1e-12 (same step sequence; sums of n vs kn terms differ by rounding, ≤ (kn)·u₆₄ per field evaluation, damped by the flow); permutation ≤ 1e-12.',
    notes: [FLOAT64_NOTE],
    requires: ['interpolator'],
  },
  {
    id: 'interpolation.time-rescaling',
    family: 'interpolation',
    title: 'Time rescaling: (cV, B, cW, U, b) on τ/c has the flow of (V, B, W, U, b) on τ',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { ...GRR, locator: '§1.2 and passim (“rescale time at the cost of the norm”)', tag: 'paper' },
      { ...SPEC, locator: '§1 note 3a; §4.2 item 4' },
    ],
    statement: 'The field (1.2) is linear in $(V,W)$ jointly, so $\\Phi^{\\tau/c}_{(cV,B,cW,U,b)}=\\Phi^{\\tau}_{(V,B,W,U,b)}$ for every $c>0$; any schedule can be put on $[0,T]$.',
    hypotheses: 'As interpolation.particle-model; c ∈ {0.5, 2, 10}.',
    verdictRule: 'max token difference ≤ 1e-9 (spec §4.2 item 4). With the natural-time step rule (⌈τλ/h⌉ steps, λ linear in (V, W)) both runs take the same RK4 steps, so the difference is rounding (~1e-15).',
    notes: [FLOAT64_NOTE],
    requires: ['interpolator'],
  },
  {
    id: 'interpolation.reversal',
    family: 'interpolation',
    title: 'Reversibility: the reversed schedule with (−V, B, −W, U, b) inverts the flow',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { ...GRR, locator: '§1.2; (5.3); Lemma 3.3 Step 3', tag: 'paper' },
      { ...SPEC, locator: '§1 note 3b; §4.2 item 3' },
    ],
    statement: 'The flow of $((\\theta_k,\\tau_k))_{k=1}^K$ is inverted by $(((-V_k,B_k,-W_k,U_k,b_k),\\tau_k))_{k=K}^{1}$.',
    hypotheses: 'd ∈ {3, 4}; N ∈ [1, 2] clouds of n ∈ [2, 10] tokens; K ∈ [1, 3] pieces, each an attention piece (V Ginibre, B = βI, β ∈ [0, 4]) or a gate G(a, τ, z) with τ ∈ [−0.5, 0.5]; durations ≤ 2; h = 1e-2.',
    verdictRule: 'max token error after forward + reversed ≤ 1e-8 (spec §4.2 item 3: RK4 global error O((λh)⁴) per unit time, amplified at most by e^{Lt} on each leg; the spec’s prototype measured 2e-13–5e-11 for legs of 6–12 units).',
    notes: [FLOAT64_NOTE],
    requires: ['interpolator'],
  },
  {
    id: 'interpolation.gate-exactness',
    family: 'interpolation',
    title: 'The gate block G(a, τ, z) is exactly zero on its cap and gathers the corrected Lemma B.2 ball',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { ...GRR, locator: 'Lemma B.2 (B.4) (corrected); Prop 4.2 Step 3', tag: 'paper' },
      { ...SPEC, locator: '§1 note 4; §2.2 erratum 1; §4.2 item 6' },
    ],
    statement:
      'With $U=\\mathbb 1a^\\top$, $b=-\\tau\\mathbb 1$, $W\\mathbb 1=z$: $W(Ux+b)_+=(\\langle a,x\\rangle-\\tau)_+z$. Tokens with $\\langle a,x\\rangle\\le\\tau$ do not move; the others satisfy $\\tfrac{d}{dt}\\langle x,z\\rangle\\ge0$. ' +
      'Corrected Lemma B.2: under $G(z,\\cos R,\\omega)$ with $\\omega\\in\\mathcal B_0=B(z,R)$, tokens outside $\\mathcal B_0$ are fixed and every token of $B(z,R-\\delta)$ enters $\\mathcal B_1=B(\\omega,R/4)$ by the time bound below.',
    hypotheses: 'd ∈ {3, 4}; a, z uniform; τ ∈ [−0.8, 0.8]; 24 uniform tokens; duration ∈ [0.5, 3]; Lemma B.2: R ∈ [0.6, 1.2], d_g(z, ω) ≤ R/2, δ = 0.2R, 16 tokens in B(z, R − δ) and 8 outside B(z, R).',
    verdictRule:
      'Block identity |W(Ux+b)_+ − (⟨a,x⟩−τ)_+ z| ≤ 8u₆₄(1+|τ|); on a grid of 8 checkpoints: gated-off displacement ≤ 4u₆₄ (the spec asks for exactly 0; one renormalisation of an unmoved unit vector is allowed) and ⟨x, z⟩ never decreases between checkpoints by more than 1e-12. ' +
      'B.2: along the geodesic to ω (inside the convex cap B(z₀, R−δ)) the gate is ≥ g_min = cos(R−δ) − cos R and dρ/dt = −g sin ρ, so tan(ρ/2) ≤ tan(ρ₀/2)e^{−g_min t}; ' +
      'after t* = log(tan(ρ₀/2)/tan(r₁/2))/g_min the fraction of B(z₀, R−δ) tokens in 𝓑₁ = B(ω, r₁ = R/4) must be 1 (1e-9 slack on the radius), and tokens outside B(z₀, R) move ≤ 4u₆₄. h = 2e-2.',
    notes: [GATE_ERRATUM, 'The chain version (Lemma B.1, (1 − ε)^K) is the claim interpolation.ball-chain.'],
    requires: ['interpolator'],
  },
  {
    id: 'interpolation.ball-chain',
    family: 'interpolation',
    title: 'Lemma B.1: K gate pieces carry (1 − ε)^K of the mass of a chain of balls into its last ball',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { ...GRR, locator: 'Lemma B.1; Lemma B.2 (B.4) (corrected)', tag: 'paper' },
      { ...SPEC, locator: '§2.1 Lemma B.1; §2.2 erratum 1; §4.2 item 6' },
    ],
    statement:
      'Let $\\mathcal B_0,\\dots,\\mathcal B_K$ be geodesic balls with $\\mathcal B_k\\cap\\mathcal B_{k+1}\\ne\\emptyset$ and $\\mathcal B_k\\cap\\mathcal B_{k\'}=\\emptyset$ for $|k-k\'|\\ge2$. ' +
      'A piecewise-constant $(W,U,b)$ with $K$ pieces, $V\\equiv0$, gives $\\mu(T,\\mathcal B_K)\\ge(1-\\varepsilon)^K\\mu_0(\\bigcup_k\\mathcal B_k)$ and is the identity off $\\bigcup_k\\mathcal B_k$.',
    hypotheses:
      'd ∈ {3, 4}; K ∈ [1, 4]; ε ∈ {0.1, 0.2, 0.3}; radii R_k ∈ [0.4, 0.7], consecutive centres (0.55 … 0.75)(R_k + R_{k+1}) apart on a path bending ≤ ~40° per ball (draws where balls with |k − k′| ≥ 2 come within 0.02 are rejected and counted); ' +
      'μ₀ = uniform empirical measure on 3–8 area-uniform tokens per ball plus 12 uniform tokens on the sphere. ' +
      'Piece k is G(z_k, cos R_k, ω_k) with ω_k midway through the lens 𝓑_k ∩ 𝓑_{k+1} (half-width w_k); δ_k is the largest of ½ min(w_{k−1}, w_k)·2^{−j}, j < 4, such that the tokens piece k may leave behind (first ball 𝓑_k, outside 𝒟_k = B(z_k, R_k − δ_k)) are ≤ ε of those it must carry (as the proof chooses δ from μ₀; draws where no rung qualifies are rejected and counted). h = 0.2/λ.',
    verdictRule:
      'Duration of piece k: t_k = log(tan(ρ₀/2)/tan(r_k/2))/g_min with ρ₀ = (R_k − δ_k) + d(z_k, ω_k), g_min = cos(R_k − δ_k) − cos R_k, r_k = 0.45w_k (tan(ρ/2) ≤ tan(ρ₀/2)e^{−g_min t} along the arc to ω_k, as in Lemma B.2). ' +
      'Pass iff (i) the fraction of the tokens of ⋃𝓑_k in 𝓑_K at T is ≥ (1 − ε)^K (exact counts); (ii) after each piece k every token the analysis puts in the gathered set (𝒟_k tokens, earlier gathers, and tokens whose arc to ω_{k−1} stays in 𝒟_k) is within r_k of ω_k; ' +
      '(iii) no such token is outside 𝓑_K at T (1e-9 slack on radii: RK4 at h ≈ 0.05 on a field of Lipschitz constant ≤ 0.25 errs far below it); (iv) tokens off ⋃𝓑_k (by more than 1e-12 in ⟨z_k, x⟩) move ≤ 4u₆₄.',
    notes: [
      GATE_ERRATUM,
      'The spec notes that the statements of Lemmas B.1/B.2 are too strong as printed (∀μ₀ ∃θ: the proofs choose δ, hence θ, from μ₀); the property follows the proofs: the schedule depends on μ₀ through δ_k only.',
      'Each piece uses the implementation’s own gate(); the schedule, durations and predictions are computed by the property from the geometry, so a wrong gate sign, a gate active outside its ball, or an evolve that applies pieces out of order fails (ii)–(iv).',
      FLOAT64_NOTE,
    ],
    requires: ['interpolator'],
  },
  {
    id: 'interpolation.positive-orthant',
    family: 'interpolation',
    title: 'Lemma 3.2: at most one switch of W moves every measure into the open positive orthant',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { ...GRR, locator: 'Lemma 3.2', tag: 'paper' },
      { ...SPEC, locator: '§3 Phase 0' },
    ],
    statement:
      'If $\\bigcup_i\\operatorname{supp}\\mu_0^i\\subsetneq\\mathbb S^{d-1}$, a piecewise-constant $W$ with at most one switch ($V\\equiv B\\equiv U\\equiv0$, $b\\equiv\\mathbb 1$) gives $\\operatorname{supp}\\mu^i(T)\\subset\\mathbb Q_1^{d-1}$ for all $i$.',
    hypotheses: 'd ∈ {3, 4}; N ∈ [1, 3] clouds of n ∈ [3, 20] tokens in caps of radius ≤ 0.6 with uniform random centres (so the union misses most of the sphere).',
    verdictRule: 'Pieces ≤ 2; V, B, U ≡ 0 and b ≡ 𝟙 exactly; min coordinate of every token after the schedule > 0 (strict; the construction aims at the cap B(α, ½ min arcsin α_k), so the measured margin is reported).',
    notes: ['Durations are closed forms: ⟨x, −ω⟩(t) = tanh(t + atanh⟨x₀, −ω⟩) under the field P⊥_x(−ω).', FLOAT64_NOTE],
    requires: ['interpolator'],
  },
  {
    id: 'interpolation.linear-obstruction',
    family: 'interpolation',
    title: 'Eq. (1.7): a linear continuity equation cannot separate a shared token; attention can',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { ...GRR, locator: 'eq. (1.7); Lemma 3.3', tag: 'paper' },
      { ...SPEC, locator: '§4.2 item 5' },
    ],
    statement:
      'For $V\\equiv0$ the field does not depend on $\\mu$, so a token shared by two measures has one image under both flows: overlapping measures cannot be mapped to disjoint ones (1.7). ' +
      'With attention (Lemma 3.3 rounds) the two copies are separated: the copy in $\\mu^k$ lands near $a_k$ and the bystander copy near its own barycenter direction.',
    hypotheses: 'd = 3; two overlapping clouds (one cap of radius ≤ 0.35 around 𝟙/√3 + 0.1 jitter, n ∈ [5, 15]) sharing one token at distance ≥ 0.2 from a₁; barycenter angle ≥ 0.02. Negative part: K ∈ [1, 3] random V ≡ 0 pieces.',
    verdictRule: 'Negative part: images of the shared token equal to 0 (per-token arithmetic is identical). Positive part (disentangle schedule): the images are ≥ 0.4·θ_min apart (caps of radius 0.3·θ_min around barycenter directions θ_min apart).',
    notes: [INDUCTION_GAP],
    requires: ['interpolator'],
  },
  {
    id: 'interpolation.clustering-rate',
    family: 'interpolation',
    title: 'Prop 2.1: (V, B, W) = (I, βI, 0) clusters a cap to one atom at rate e^{−t}, with nested hulls',
    kind: 'rate',
    role: 'asserted',
    sources: [
      { ...GRR, locator: 'Prop 2.1 (adapting GLPR25 Lemma 6.4; rate from CLPR25 Thm 2.3)', tag: 'paper' },
      { ...SPEC, locator: '§4.2 item 7' },
    ],
    statement:
      'If $\\operatorname{supp}\\mu_0$ lies in an open hemisphere and $(V,B,W)\\equiv(I_d,B,0)$, then $\\mathrm{conv}_g\\operatorname{supp}\\mu(t_2)\\subset\\mathrm{conv}_g\\operatorname{supp}\\mu(t_1)$ for $t_1<t_2$, ' +
      '$\\operatorname{diam}\\to0$, and $\\inf\\{t:W_2(\\mu(t),\\delta_z)\\le\\varepsilon\\}=O(\\log1/\\varepsilon)$.',
    hypotheses: 'd ∈ {3, 4}; n ∈ [5, 30]; caps of radius r ∈ [0.1, π/4] around uniform centres; β ∈ {0, 1, 4}; h = 2e-2; checkpoints every 0.5 up to T = log(1/δ) + 6, δ = 1e-4.',
    verdictRule:
      '(a) cone nesting between checkpoints while diam ≥ 1e-3: NNLS residual ≤ 1e-10 + 64u₆₄/diam² (the cone of generators diam apart, thin in one direction as the cloud collapses, has condition number up to 1/diam²; below diam 1e-3 rounding dominates); (b) max pairwise geodesic distance nonincreasing (1e-12); (c) W2(μ(T), δ_z̄) ≤ δ; (e) z̄(T) ∈ cone(initial tokens) (1e-10). ' +
      'Rate: the exponential rate fitted (OLS of log W2 on t) between W2 = 1e-3 and 1e-6 must lie in [0.8, 1.2] for every instance (linearisation: rate 1 for V = I).',
    notes: ['Prop 2.1’s nesting proof is vacuous for hulls with empty relative interior (aquemy F29); the statement is still true and is what is checked.', FLOAT64_NOTE],
    requires: ['interpolator'],
  },
  {
    id: 'interpolation.disentanglement',
    family: 'interpolation',
    title: 'Prop 3.1: N(2d−1) pieces of (V, W) with B ≡ 0 make overlapping measures’ hulls pairwise disjoint',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { ...GRR, locator: 'Prop 3.1; Lemma 3.3; App. B.2 (B.9)', tag: 'paper' },
      { ...SPEC, locator: '§3 Phase 1; §2.2 gap 3; §4.2 items 8–9' },
    ],
    statement:
      'For $\\mu_0^i\\in\\mathcal P(\\mathbb Q_1^{d-1})$ with pairwise non-colinear barycenters there is a piecewise-constant θ with $O(dN)$ switches and $B\\equiv0$ such that the geodesic hulls of the $\\mu^i(T)$ are pairwise disjoint. ' +
      'Per Lemma 3.3 round k: during Ψ₁ the acted measure is invariant and the bystanders leave the gate; after the round the bystanders are back and $\\mu^k\\subset B(a_k,\\delta)$.',
    hypotheses: 'd ∈ {3, 4}; N ∈ [2, 3] clouds of n ∈ [5, 20] tokens all drawn from one cap (overlapping hulls) of radius ∈ [0.15, 0.35] around 𝟙/√d + 0.1 jitter; rejected when the barycenter angle < 0.02 or a cross-measure token pair is within 1e-3 (spec G1); natural step h = 5e-2 (calibrated: round-trip error 2e-9 at 5e-2, 5e-11 at 2.5e-2).',
    verdictRule:
      'Pieces = N(2d−1), B ≡ 0; caps B(a_k, r_k) around the final barycenter directions pairwise disjoint: d_g(a_i, a_j) − r_i − r_j > 0 (disjoint caps of radius < π/2 ⇒ disjoint hulls); ' +
      'per round: acted-measure motion during Ψ₁ ≤ 1e-10, max bystander ⟨a_k, x⟩ < min acted ⟨a_k, x⟩ after Ψ₁, bystander round-trip error ≤ 1e-6 (spec §4.2 item 8; prototype 2e-13 at T_l = 6).',
    notes: [INDUCTION_GAP, 'Lemma 3.3 as printed writes the index “j” where N is meant (spec §2.1).', FLOAT64_NOTE],
    requires: ['interpolator'],
  },
  {
    id: 'interpolation.point-matching',
    family: 'interpolation',
    title: 'Prop 4.1/4.2: six perceptron pieces per point move M points exactly onto M targets',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { ...GRR, locator: 'Prop 4.1, Prop 4.2, (4.5)–(4.7)', tag: 'paper' },
      { ...SPEC, locator: '§3 Phase 3; §2.2 erratum 2; §4.2 item 11' },
    ],
    statement:
      'For $d\\ge3$ and distinct $(x_0^i,y^i)_{i\\le M}$ with hyperplanes $\\gamma_i\\perp x_0^i,y^i$ (erratum) leaving the other points outside $H^{\\gamma_i}_{\\varepsilon_i}$, a piecewise-constant $(W,U,b)$ ($V\\equiv0$) with ≤ 6M pieces gives $x^i(T)=y^i$ exactly; each Prop 4.2 step leaves the inactive points where they were.',
    hypotheses: 'd ∈ {3, 4}; M ∈ [2, 5] uniform points and targets, pairwise angles ≥ 0.2, d_g(x, y) ≤ π − 0.2; draws whose Prop 4.2 margin falls below 1e-3 are rejected (measure-zero failure of the hypothesis, footnote 6) and counted.',
    verdictRule:
      'Pieces = 6M, V ≡ 0; max_i |x^i(T) − y^i| ≤ 1e-9 and inactive drift per Prop 4.2 step ≤ 1e-9 (spec §4.2 item 11; exact τ₄ by quadrature, RK4 at h = 1e-2 along smooth gates: O((λh)⁴) ≈ 1e-8 relative per unit time on the exactly-integrable 1-D motion); every τ₄ finite and > 0. Inconclusive if more than 25% of the draws are rejected.',
    notes: [ORTHO_ERRATUM, 'The gather threshold is ε̃ = min(ε, 0.6) rather than min(ε, π/4): with ε̃ = π/4, ε̃/2 > ⟨γ, ω±⟩ = sin(π/8) and the gathered points stall before the parking cap.', FLOAT64_NOTE],
    requires: ['interpolator'],
  },
  {
    id: 'interpolation.dirac-targets',
    family: 'interpolation',
    title: 'Theorem 1.1: one shared schedule with O(dN) switches maps N clouds within ε of N Dirac targets',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { ...GRR, locator: 'Theorem 1.1; §5.2', tag: 'paper' },
      { ...SPEC, locator: '§3; §4.2 items 10 and 12' },
    ],
    statement:
      'Let $d\\ge3$, $\\mu_0^1,\\dots,\\mu_0^N$ with some $w_0\\notin\\bigcup\\operatorname{supp}\\mu_0^i$ (1.4), and targets $\\delta_{y^i}$. For all $T,\\varepsilon>0$ there is a piecewise-constant $\\theta$ on $[0,T]$ with $O(dN)$ switches, ' +
      'shared by all measures, such that $W_2(\\mu^i(T),\\delta_{y^i})\\le\\varepsilon$ for every $i$; $\\|\\theta\\|_{L^\\infty}=O(dN/T+\\log1/\\varepsilon)$.',
    hypotheses:
      'd = 3; N ∈ {1, 2, 3} clouds of n ∈ [10, 40] tokens, all from one cap of radius ≤ 0.35 (overlapping hulls) whose centre is 𝟙/√3 + 0.1 jitter (half the draws) or uniform on S² (the orthant phase runs); barycenter angle ≥ 0.02; targets uniform with pairwise angle ≥ 0.2; ε = 1e-4; T log-uniform in [0.5, 10]; natural step h = 5e-2 at the CI budget.',
    verdictRule:
      'Replayed from the raw inputs: max_i W2(μ^i(T), δ_{y^i}) ≤ ε (chordal W2, closed form for Dirac targets); each measure replayed alone equals the joint replay (≤ 1e-12: one shared θ); Σ τ_k = T (1e-12 relative); ' +
      'switches ≤ 2 + N(2d−1) + 1 + 6N − 1 = N(2d+5) + 2, the explicit count of the construction (spec §3), which is O(dN); the ratio switches/(dN) is reported. Draws rejected by the Prop 4.2 margin are counted; more than 25% ⇒ inconclusive.',
    notes: [
      'Pitfall (spec §4.2 item 12): a test that gives each measure its own drift (aquemy E6) does not test Theorem 1.1; the mutant interpolation.schedule-not-shared does this and is caught by the single-measure replay.',
      'The norm bound O(dN/T + log 1/ε) has no explicit constant; ‖θ‖_∞·T is reported, not asserted (spec §4.3).',
      GATE_ERRATUM, ORTHO_ERRATUM, INDUCTION_GAP, FLOAT64_NOTE,
    ],
    requires: ['interpolator'],
  },
  {
    id: 'interpolation.empirical-matching',
    family: 'interpolation',
    title: '§1.4.2 with Prop 4.1: one shared V ≡ 0 schedule of 6Nn pieces maps N n-atom measures exactly onto N n-atom targets',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { ...GRR, locator: '§1.4.2; Prop 4.1, Prop 4.2', tag: 'paper' },
      { ...SPEC, locator: '§3 (empirical → empirical); §4.2 item 13' },
    ],
    statement:
      'For $d\\ge3$ and uniform empirical $\\mu_0^i=\\frac1n\\sum_j\\delta_{x^i_j}$, $\\mu_1^i=\\frac1n\\sum_j\\delta_{y^i_j}$ ($i\\le N$) with all $N\\cdot n$ input atoms distinct and all target atoms distinct, ' +
      'Prop 4.1 applied to the $Nn$ atoms gives one piecewise-constant $(W,U,b)$ ($V\\equiv0$) with $6Nn$ pieces, shared by all measures, such that $\\mu^i(T)=\\mu_1^i$ exactly for every $i$.',
    hypotheses: 'd ∈ {3, 4}; N ∈ [1, 3], n ∈ [1, 4] with 2 ≤ N·n ≤ 8 at the CI budget (6 quick, 12 thorough: the gather times grow like 1/ε with ε the smallest Prop 4.2 hyperplane margin among the N·n atoms); atoms and target atoms uniform on S^{d−1}, pairwise angle ≥ 0.2 among all 2Nn, d_g(x, y) ≤ π − 0.2 (spec G3); draws whose Prop 4.2 margin falls below 1e-3 are rejected and counted; natural step h = 1e-2.',
    verdictRule:
      'Pieces = 6Nn, V ≡ 0; replayed from the inputs, max_i W2(μⁱ(T), μ₁ⁱ) ≤ 1e-8 with W2 by exact assignment (Hungarian, chordal ground metric; spec §4.2 item 13). The matching plan is one coupling, so W2 ≤ max atom error ≤ 1e-9 (item 11); the factor 10 covers up to 12 sequential stages. Inconclusive if more than 25% of the draws are rejected.',
    notes: [
      'Shared input atoms (μ₀ⁱ and μ₀ʲ with a common atom) need the disentanglement of Prop 3.1 first (spec §4.2 item 13); by the linear obstruction (1.7) no V ≡ 0 schedule can separate them. Such draws are excluded by the G3 angle rule, not tested here.',
      ORTHO_ERRATUM, FLOAT64_NOTE,
    ],
    requires: ['interpolator'],
  },
  {
    id: 'interpolation.pushforward-w2-bound',
    family: 'interpolation',
    title: 'Lemma 5.2: W2(T¹#μ, T²#μ) ≤ ‖T¹ − T²‖_{L²(μ)} for flow maps of the model, W2 by exact assignment',
    kind: 'bound',
    role: 'asserted',
    sources: [
      { ...GRR, locator: 'Lemma 5.2', tag: 'paper' },
      { ...SPEC, locator: '§1 note 5; §2.1 (Lemma 5.2); §4.2 item 14' },
    ],
    statement:
      'For $\\mu\\in\\mathcal P(\\mathbb S^{d-1})$ and $T^1,T^2\\in L^2(\\mu;\\mathbb S^{d-1})$ with $T^1$ bijective, $W_2(T^1_\\#\\mu,T^2_\\#\\mu)\\lesssim\\|T^1-T^2\\|_{L^2(\\mu)}$; with the chordal ground metric the constant is 1 (the coupling $(T^1,T^2)_\\#\\mu$).',
    hypotheses: 'd ∈ {3, 4}; μ a uniform empirical measure of n ∈ [2, 20] tokens in a random cap of radius ≤ 0.6 (N ∈ [1, 2] such μ per draw); T¹ the flow map of K ∈ [1, 3] random pieces (attention, gate, perceptron or mixed; durations in [0.2, 3]; natural step 1e-2); T² the flow map of the same schedule with the last piece dropped or with durations halved, the identity, or the inverse flow (reversed schedule, spec §1 note 3b).',
    verdictRule:
      'From one cost matrix C_jk = |T¹x_j − T²x_k|²: W2² − ‖T¹ − T²‖²_{L²(μ)} ≤ 2(n+1)u₆₄‖T¹ − T²‖² + 4n²u₆₄·max C (sums of n nonnegative terms; potentials of the assignment solver), with W2² the exact assignment (Hungarian, spec §1 note 5); for n ≤ 7 the assignment also equals the minimum over the n! permutations within 4n²u₆₄·max C. The ratio W2/‖T¹ − T²‖ is reported.',
    notes: [
      'For equal-size uniform empirical measures the lemma reduces to the feasibility of the identity coupling j ↦ j, so its falsifiable content here is the exactness of the W2 solver (checked against enumeration for n ≤ 7) and that the flow acts as a map on atoms (pushforward); the bijectivity of T¹ is not used. The spec’s additive 1e-12 on the W2 scale is replaced by a bound on the squared scale, since the square root amplifies rounding near W2 = 0.',
      FLOAT64_NOTE,
    ],
    requires: ['interpolator'],
  },
  {
    id: 'interpolation.arcs-example',
    family: 'interpolation',
    title: 'Example 6.1 (d = 2): θ = (I, 0, 0) collapses each symmetric arc onto its midpoint',
    kind: 'limit',
    role: 'exploratory',
    sources: [
      { ...GRR, locator: '§6, Example 6.1', tag: 'paper' },
      { ...SPEC, locator: '§4.2 item 15; generator G4' },
    ],
    statement:
      'On $\\mathbb S^1$ with $(V,B,W)\\equiv(I,0,0)$, a measure whose tokens sit symmetrically at angles $\\theta_i\\pm\\delta_j$ on an arc of half-width $<\\pi/2$ converges to $\\delta_{u_i}$, $u_i$ the arc midpoint; ' +
      '$E=1-\\cos\\vartheta$ ($\\vartheta$ the angle to $u_i$) satisfies $\\dot E=-\\alpha_i\\sin^2\\vartheta\\le0$.',
    hypotheses: 'd = 2; N ∈ [1, 3] arcs with midpoints θ_i uniform in [0, 2π) and 1–4 symmetric token pairs each, half-widths δ ∈ [0.05, 1.45] (< π/2); checkpoints every 0.5 up to T = 30; natural step h = 2e-2; fixed seed.',
    verdictRule:
      'Measured and reported, never failing the run: max angle to u_i at T = 30 ≤ 1e-6 (spec item 15); increase of E = |x − u_i|²/2 per token between checkpoints ≤ 1e-14 (the midpoint is fixed only up to rounding drift ≤ 1e-13); sphere defect ≤ 1e-12. ' +
      'Tables: arcs converged by T = 30 and the first checkpoint at which every token is within 1e-6 of u_i.',
    notes: ['d = 2 is excluded by the paper for matching (particle order on the circle is preserved); Example 6.1 only illustrates the clustering limit.', FLOAT64_NOTE],
    requires: ['interpolator'],
  },
  {
    id: 'interpolation.generic-disentanglement',
    family: 'interpolation',
    title: 'Prop 6.2: one constant θ = (I, βI, 0) disentangles generic discrete inputs (distinct limit points a.s.)',
    kind: 'limit',
    role: 'exploratory',
    sources: [
      { ...GRR, locator: '§6, Prop 6.2', tag: 'paper' },
      { ...SPEC, locator: '§4.2 item 16; generator G5; §4.3 (general inputs, the paper’s Section 6, open)' },
    ],
    statement:
      'For $d\\ge3$ and i.i.d. uniform $n$-atom empirical inputs $\\mu_0^1,\\dots,\\mu_0^N$, with $V\\equiv I$, $B\\equiv\\beta I$, $W\\equiv0$, each $\\mu^i(t)$ converges to a Dirac mass $\\delta_{z^i}$ and the $z^i$ are almost surely pairwise distinct: one constant θ (no switch) disentangles the measures.',
    hypotheses: 'd = 3; N ∈ [2, 4] measures of n ∈ [2, 10] i.i.d. uniform atoms (spec G5); every draw is run under both β = 0 and β = 1 (stratified); checkpoints every 1 up to T_max = 200 (stopping when every diameter is < 1e-3); natural step h = 5e-2; 5 draws (10 runs) at the CI budget (a probability-1 statement).',
    verdictRule:
      'Measured and reported, never failing the run: per draw the first checkpoint at which every measure has geodesic diameter < 1e-3 (non-converged draws by T_max are reported, not failed); for converged draws, the limit points z^i (normalised barycenters) pairwise > 1e-3 apart and d_g(z^i, z^j) − diam_i − diam_j > 0 (disjoint caps, hence disjoint hulls); sphere defect ≤ 1e-12.',
    notes: ['Characterising the limit point for general (non-generic) inputs is open in the paper (spec §4.3); only the generic discrete statement is measured.', FLOAT64_NOTE],
    requires: ['interpolator'],
  },
];
