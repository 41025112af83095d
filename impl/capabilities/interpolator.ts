/**
 * The interpolator capability: what an implementation under test must provide for the
 * `interpolation.*` claims (Geshkovski, Rigollet & Ruiz-Balet, "Measure-to-measure interpolation using
 * Transformers", arXiv 2411.04551, v3). Plain typed arrays only, so a user's implementation need not use tfjs.
 *
 * The model (GRR eqs. 1.1–1.2): tokens x ∈ S^{d−1} of one measure μ move by
 *   ẋ = P⊥_x ( V 𝒜_B[μ](x) + W (U x + b)_+ ),   𝒜_B[μ](x) = ∫ e^{⟨Bx,x'⟩} x' μ(dx') / ∫ e^{⟨Bx,ζ⟩} μ(dζ),
 * with θ(t) = (V, B, W, U, b) piecewise constant. N measures are evolved *independently* under one
 * shared θ: the attention term of measure i sees only the tokens of measure i (spec §1, note 1).
 *
 * Validation: an options argument, when given, must be an object (construct's {T, eps} is required).
 * Evolved clouds keep each measure's [n_i, d] (boundaries: one list per piece when recorded); schedules are
 * in the call's dimension d with finite durations ≥ 0 and finite d×d matrices and d-vectors; a
 * construction's phases are named ranges of its pieces, its atoms [N, d]; all entries finite.
 */
import type { NumericCapability } from './arithmetic.js';

/** One constant piece θ_k = (V, B, W, U, b) held for `duration` time units. Matrices are row-major d×d. */
export interface ParameterPiece {
  /** Duration τ_k ≥ 0. */
  readonly duration: number;
  /** Value matrix V (d×d). */
  readonly V: Float64Array;
  /** Attention bilinear form B = KᵀQ (d×d). */
  readonly B: Float64Array;
  /** Perceptron output matrix W (d×d). */
  readonly W: Float64Array;
  /** Perceptron input matrix U (d×d). */
  readonly U: Float64Array;
  /** Perceptron bias b (d). */
  readonly b: Float64Array;
  /** Free-form label naming the construction step ("disentangle[1]:psi1[2]", "match[0]:gather+", …). */
  readonly label?: string;
}

/** A piecewise-constant control θ on [0, Σ τ_k]. A *switch* is a jump between consecutive pieces. */
export interface Schedule {
  readonly d: number;
  readonly pieces: readonly ParameterPiece[];
}

/** N empirical measures (uniform weights) on S^{d−1}: cloud i is row-major [n_i, d], n_i ≥ 1. */
export interface MeasureFamily {
  readonly d: number;
  readonly clouds: readonly Float64Array[];
}

export interface EvolveOptions {
  /**
   * Step size in *natural* time: a piece of duration τ whose field has speed scale λ (Frobenius bound
   * ‖V‖ + ‖W‖(‖U‖ + ‖b‖)) is integrated with ⌈τλ/step⌉ RK4 steps. Time rescaling (cV, cW, τ/c) therefore
   * leaves the step sequence unchanged. Default 1e-2.
   */
  readonly step?: number;
  /** Keep the state of every measure after every piece. */
  readonly record?: boolean;
}

export interface EvolveResult {
  /** The final cloud of each measure, [n_i, d]. */
  readonly final: Float64Array[];
  /** When recorded: boundaries[k][i] is measure i after piece k. */
  readonly boundaries?: Float64Array[][];
}

/** The perceptron block (W, U, b) of one piece. */
export interface PerceptronBlock {
  readonly W: Float64Array;
  readonly U: Float64Array;
  readonly b: Float64Array;
}

export interface ConstructOptions {
  /** Horizon T > 0: the returned schedule has total duration T (time rescaling, spec §1 note 3a). */
  readonly T: number;
  /** Target accuracy ε > 0 in W2 (chordal ground metric). */
  readonly eps: number;
  /** Natural-time RK4 step used by the construction's internal simulations (default 1e-2). */
  readonly step?: number;
}

export type PhaseName = 'orthant' | 'disentangle' | 'cluster' | 'match';

/** Pieces [start, end) of the schedule belong to the phase. */
export interface Phase {
  readonly name: PhaseName;
  readonly start: number;
  readonly end: number;
}

/** The output of the Theorem 1.1 construction. */
export interface Construction {
  /** One schedule shared by all measures, total duration T. */
  readonly schedule: Schedule;
  readonly phases: readonly Phase[];
  /** The cluster points x_0^i (row-major [N, d]) that the matching phase moves onto the targets. */
  readonly atoms: Float64Array;
  /** The construction's own parameters (δ, β₀ per round, cluster time, ε per matching step, …), for reports. */
  readonly diagnostics: Readonly<Record<string, number>>;
}

export interface MatchOptions {
  /** Radius (geodesic) of the clusters around the points: the hyperplane margins are reduced by it. */
  readonly clusterRadius?: number;
  readonly step?: number;
}

/** A batched measure interpolator under test. */
export interface Interpolator extends NumericCapability {
  /** Evolve every measure independently under the shared schedule (GRR eq. 1.3 for empirical measures). */
  evolve(family: MeasureFamily, schedule: Schedule, options?: EvolveOptions): Promise<EvolveResult>;
  /** The gate block G(a, τ, z): W(Ux + b)_+ = (⟨a, x⟩ − τ)_+ z (spec §1 note 4; corrected Lemma B.2). */
  gate(d: number, a: ArrayLike<number>, tau: number, z: ArrayLike<number>): PerceptronBlock;
  /** Lemma 3.2: a schedule (≤ 2 pieces, V ≡ B ≡ U ≡ 0) that moves every token into the open positive orthant. */
  toOrthant(family: MeasureFamily, options?: { readonly step?: number }): Promise<Schedule>;
  /** Prop 3.1 (generic branch, uniformisation round of Lemma 3.3 applied to each measure): pairwise disjoint hulls. */
  disentangle(family: MeasureFamily, options?: { readonly step?: number }): Promise<Schedule>;
  /** Prop 4.1 via Prop 4.2 (6 pieces per point, V ≡ 0): moves points[i] exactly onto targets[i]. Both [M, d]. */
  matchPoints(d: number, points: Float64Array, targets: Float64Array, options?: MatchOptions): Promise<Schedule>;
  /** Theorem 1.1: one shared schedule on [0, T] taking cloud i within ε (W2) of δ_{targets[i]}. Targets [N, d]. */
  construct(family: MeasureFamily, targets: Float64Array, options: ConstructOptions): Promise<Construction>;
}
