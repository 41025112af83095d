/**
 * The constructive proof of Theorem 1.1 of Geshkovski, Rigollet & Ruiz-Balet (arXiv 2411.04551 v3), in
 * float64, as spec measure-interpolation.md §3 makes it explicit, one module per phase:
 *   Lemma 3.2 (orthant.ts: to the positive orthant, 2 pieces) → Prop 3.1 (disentangle.ts: Lemma 3.3 applied to
 *   every measure in turn, 2d−1 pieces each) → Prop 2.1 (theorem.ts: cluster, 1 piece) → Prop 4.1 (match.ts:
 *   match the atoms to the Dirac targets, 6 pieces per atom via Prop 4.2),
 * with every piece a constant θ = (V, B, W, U, b) shared by all measures (gate.ts builds the gates). Durations
 * come from closed forms where the 1-D dynamics along a geodesic is explicit, and otherwise from stopping rules
 * on the simulated tokens (spec §3 fill-ins); the builder tracks the state with the very integrator a replay
 * uses (tracked-state.ts).
 */
export { orthonormalComplement } from './directions.js';
export { disentanglePieces, gateTime } from './disentangle.js';
export { gateBlock } from './gate.js';
export { matchPieces } from './match.js';
export { orthantPieces } from './orthant.js';
export type { ConstructionHooks } from './parameters.js';
export { constructDirac } from './theorem.js';
