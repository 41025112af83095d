/** Planted-bug hooks of the tfjs sphere dynamics (field, integrators, energy), for the mutant catalogue. */

/**
 * Planted bugs for impl/mutants/dynamics.ts (the correct implementation uses none):
 *  - skipProjection: ẋ = Σ_j A_ij V x_j without P⊥ (the ODE leaves the sphere's tangent space);
 *  - softmaxAxis 1: attention normalised over the query axis i instead of the key axis j;
 *  - betaPower 2: logits β²⟨Bx_i, x_j⟩ (β applied twice);
 *  - energyPairCount 'n': mean-field energy divided by 2βn instead of 2βn².
 */
export interface SphereDynamicsHooks {
  readonly skipProjection?: boolean;
  readonly softmaxAxis?: 1 | 2;
  readonly betaPower?: number;
  readonly energyPairCount?: 'n' | 'n2';
  /** RK4's third stage evaluated from k₁ instead of k₂ (a copy-paste slip: the method drops to second order). */
  readonly rk4StageSlip?: boolean;
}
