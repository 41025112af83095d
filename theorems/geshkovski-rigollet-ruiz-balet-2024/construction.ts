/** The building blocks of the interpolation construction: gates, ball chains, the orthant, the linear obstruction. */
import { defineClaim } from '../define-claim.js';
import { GRR, SPEC, FLOAT64_NOTE, GATE_ERRATUM, INDUCTION_GAP } from './common.js';

export const gateExactness = defineClaim({
  id: 'interpolation.gate-exactness',
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
  hypotheses:
    'd ∈ {3, 4}; a, z uniform; τ ∈ [−0.8, 0.8]; 24 uniform tokens; duration ∈ [0.5, 3]; Lemma B.2: R ∈ [0.6, 1.2], d_g(z, ω) ≤ R/2, δ = 0.2R, 16 tokens in B(z, R − δ) and 8 outside B(z, R).',
  verdictRule:
    'Block identity |W(Ux+b)_+ − (⟨a,x⟩−τ)_+ z| ≤ 8u₆₄(1+|τ|); on a grid of 8 checkpoints: gated-off displacement ≤ 4u₆₄ (the spec asks for exactly 0; one renormalisation of an unmoved unit vector is allowed) and ⟨x, z⟩ never decreases between checkpoints by more than 1e-12. ' +
    'B.2: along the geodesic to ω (inside the convex cap B(z₀, R−δ)) the gate is ≥ g_min = cos(R−δ) − cos R and dρ/dt = −g sin ρ, so tan(ρ/2) ≤ tan(ρ₀/2)e^{−g_min t}; ' +
    'after t* = log(tan(ρ₀/2)/tan(r₁/2))/g_min the fraction of B(z₀, R−δ) tokens in 𝓑₁ = B(ω, r₁ = R/4) must be 1 (1e-9 slack on the radius), and tokens outside B(z₀, R) move ≤ 4u₆₄. h = 2e-2.',
  notes: [GATE_ERRATUM, 'The chain version (Lemma B.1, (1 − ε)^K) is the claim interpolation.ball-chain.'],
  requires: ['interpolator'],
});

export const ballChain = defineClaim({
  id: 'interpolation.ball-chain',
  title: 'Lemma B.1: K gate pieces carry (1 − ε)^K of the mass of a chain of balls into its last ball',
  kind: 'bound',
  role: 'asserted',
  sources: [
    { ...GRR, locator: 'Lemma B.1; Lemma B.2 (B.4) (corrected)', tag: 'paper' },
    { ...SPEC, locator: '§2.1 Lemma B.1; §2.2 erratum 1; §4.2 item 6' },
  ],
  statement:
    "Let $\\mathcal B_0,\\dots,\\mathcal B_K$ be geodesic balls with $\\mathcal B_k\\cap\\mathcal B_{k+1}\\ne\\emptyset$ and $\\mathcal B_k\\cap\\mathcal B_{k'}=\\emptyset$ for $|k-k'|\\ge2$. " +
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
});

export const positiveOrthant = defineClaim({
  id: 'interpolation.positive-orthant',
  title: 'Lemma 3.2: at most one switch of W moves every measure into the open positive orthant',
  kind: 'bound',
  role: 'asserted',
  sources: [
    { ...GRR, locator: 'Lemma 3.2', tag: 'paper' },
    { ...SPEC, locator: '§3 Phase 0' },
  ],
  statement:
    'If $\\bigcup_i\\operatorname{supp}\\mu_0^i\\subsetneq\\mathbb S^{d-1}$, a piecewise-constant $W$ with at most one switch ($V\\equiv B\\equiv U\\equiv0$, $b\\equiv\\mathbb 1$) gives $\\operatorname{supp}\\mu^i(T)\\subset\\mathbb Q_1^{d-1}$ for all $i$.',
  hypotheses:
    'd ∈ {3, 4}; N ∈ [1, 3] clouds of n ∈ [3, 20] tokens in caps of radius ≤ 0.6 with uniform random centres (so the union misses most of the sphere).',
  verdictRule:
    'Pieces ≤ 2; V, B, U ≡ 0 and b ≡ 𝟙 exactly; min coordinate of every token after the schedule > 0 (strict; the construction aims at the cap B(α, ½ min arcsin α_k), so the measured margin is reported).',
  notes: ['Durations are closed forms: ⟨x, −ω⟩(t) = tanh(t + atanh⟨x₀, −ω⟩) under the field P⊥_x(−ω).', FLOAT64_NOTE],
  requires: ['interpolator'],
});

export const linearObstruction = defineClaim({
  id: 'interpolation.linear-obstruction',
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
  hypotheses:
    'd = 3; two overlapping clouds (one cap of radius ≤ 0.35 around 𝟙/√3 + 0.1 jitter, n ∈ [5, 15]) sharing one token at distance ≥ 0.2 from a₁; barycenter angle ≥ 0.02. Negative part: K ∈ [1, 3] random V ≡ 0 pieces.',
  verdictRule:
    'Negative part: images of the shared token equal to 0 (per-token arithmetic is identical). Positive part (disentangle schedule): the images are ≥ 0.4·θ_min apart (caps of radius 0.3·θ_min around barycenter directions θ_min apart).',
  notes: [INDUCTION_GAP],
  requires: ['interpolator'],
});
