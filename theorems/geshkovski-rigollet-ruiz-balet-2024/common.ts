/** Sources and notes shared by the claims of this paper. */

export const GRR = { work: 'Geshkovski, Rigollet & Ruiz-Balet 2024', arxiv: '2411.04551' } as const;
export const SPEC = { work: 'spec measure-interpolation', tag: 'derived' } as const;

export const FLOAT64_NOTE =
  'The implementation under test is the float64 interpolator (impl/reference/interpolator.ts), also registered as the tfjs implementation’s interpolator: the construction needs W2 ≤ 1e-4 after schedules of hundreds of natural time units with exact-hitting durations, beyond float32; a tfjs version would import the attention velocity of impl/tfjs/sphere-field.ts.';

export const GATE_ERRATUM =
  'Erratum (Lemma B.2, eq. B.4; aquemy F1/E1): the printed U = −𝟙zᵀ, b = cos R·𝟙 gives the gate (cos R − ⟨z, x⟩)_+, active *outside* 𝓑₀. The correct block is U = +𝟙zᵀ, b = −cos R·𝟙, i.e. G(z, cos R, ω). The same slip in Lemma 3.4 (B.13) is read as G(a, cos R, x*). The printed sign is catalogued as the mutant interpolation.gate-sign-printed.';

export const ORTHO_ERRATUM =
  'Erratum (Prop 4.2): the hypothesis only asks ⟨γ, x₀ᴹ − yᴹ⟩ = 0, but the gather gates (±⟨γ, x⟩ − ε̃/2)_+ leave x₀ᴹ and yᴹ fixed only if |⟨γ, x₀ᴹ⟩| ≤ ε̃/2, and (4.7)’s “φ(x) = x on H^γ_ε” holds on H^γ_{ε̃/2} only. We take γ ⊥ x₀ᴹ and γ ⊥ yᴹ (possible for d ≥ 3). aquemy commit ba5eb44 gives a counterexample to the printed choice of γ (inactive points on the extended geodesic through the active pair, a measure-zero configuration): such draws are rejected (margin < 1e-3).';

export const INDUCTION_GAP =
  'Gap (Prop 3.1, non-colinear branch): shrinking only μᴺ toward its barycenter direction need not separate it from an earlier hull that contains that direction. We implement the step as a uniformisation round (aquemy F27): Lemma 3.3 applied to every measure in turn, with radius δ = 0.3·(min angle between barycenter directions) < half that angle. The colinear branch (Lemma 3.4) is not implemented (spec §4.3); inputs with colinear barycenters are rejected with an InputError.';
