/**
 * Parameters and bug hooks of the constructive proof of Theorem 1.1 of Geshkovski, Rigollet & Ruiz-Balet
 * (arXiv 2411.04551 v3), spec measure-interpolation.md §3 fill-ins.
 */
import type { ParameterPiece } from '../../capabilities/interpolator.js';

/** Hooks plant the bugs of impl/mutants/interpolation.ts (the correct construction uses none). */
export interface ConstructionHooks {
  /** −1: the gate as printed in Lemma B.2 (B.4), U = −𝟙aᵀ, b = +τ𝟙, active *outside* the cap (erratum 2.2.1). */
  readonly gateSign?: 1 | -1;
  /** false: Ψ₁ of Lemma 3.3 with V = 0, i.e. a linear continuity equation in the disentangling phase. */
  readonly disentangleAttention?: boolean;
  /** Replaces the matching phase of Theorem 1.1 (used by the "schedule not shared" mutant). */
  readonly matchPhase?: (ctx: {
    d: number;
    atoms: Float64Array;
    targets: Float64Array;
    state: Float64Array[];
  }) => ParameterPiece[];
}

/** Construction parameters (spec §3 fill-ins), gathered so reports can print them. */
export const CONSTRUCTION_DEFAULTS = {
  /** Ψ₁ stage duration T_l with unit-norm V (spec: 6–12; the round-trip error grows like e^{T_l}). */
  psiStage: 6,
  /** Disentangling radius δ = 0.3 · (min angle between barycenter directions). */
  deltaFactor: 0.3,
  /** Cluster target δ' = ε · clusterFactor (matching is Lipschitz; e^{O(NT)}δ propagation, §5.2). */
  clusterFactor: 1e-2,
  /** Cap of the gather threshold ε̃ = min(ε, 0.6): the paper's π/4 puts ε̃/2 above ⟨γ, ω±⟩ = sin(π/8). */
  epsTildeCap: 0.6,
  /** Piece-3 duration τ₃ (any τ₃ > 0 works). */
  tau3: 1,
  /** Natural RK4 step. */
  step: 1e-2,
} as const;

/** Smallest hyperplane margin ε accepted by the matching phase (Prop 4.2). */
export const EPS_MARGIN_MIN = 1e-3;
