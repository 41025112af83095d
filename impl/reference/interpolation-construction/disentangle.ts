/** Prop 3.1 of GRR (arXiv 2411.04551 v3) via Lemma 3.3 (spec §3 Phase 1, App. B.2): disentangle the measures. */
import type { ParameterPiece } from '../../capabilities/interpolator.js';
import { NumericalError } from '../../errors.js';
import { piece } from '../interpolation-model.js';
import { rowDot } from '../numeric.js';
import { barycenter, geodesic, unit } from '../sphere-geometry.js';
import { orthonormalComplement } from './directions.js';
import { gateBlock, gatePiece, inversePiece, outerMatrix } from './gate.js';
import { CONSTRUCTION_DEFAULTS, type ConstructionHooks } from './parameters.js';
import { advance, type State } from './tracked-state.js';

/** Time for ċ = (c − β)(1 − c²) to go from c0 to c1 (β < c0 ≤ c1 < 1), by partial fractions. */
export function gateTime(beta: number, c0: number, c1: number): number {
  if (c0 >= c1) return 0;
  const A = 1 / (1 - beta * beta);
  const B = 1 / (2 * (1 - beta));
  const C = -1 / (2 * (1 + beta));
  const F = (c: number): number => A * Math.log(c - beta) - B * Math.log(1 - c) + C * Math.log(1 + c);
  return F(c1) - F(c0);
}

export interface DisentangleRound {
  readonly k: number;
  readonly a: Float64Array;
  readonly delta: number;
  readonly beta0: number;
  /** max⟨a, x⟩ over bystanders and min⟨a, x⟩ over μ^k after Ψ₁ (a gap exists when the first is smaller). */
  readonly bystanderMax: number;
  readonly actedMin: number;
}

/** The minimum geodesic angle between the barycenter directions of the measures. */
function minBarycenterAngle(state: State, d: number): number {
  const dirs = state.map((x) => unit(barycenter(x, x.length / d, d)));
  let minAngle = Infinity;
  for (let i = 0; i < dirs.length; i++) {
    for (let j = i + 1; j < dirs.length; j++) minAngle = Math.min(minAngle, geodesic(dirs[i]!, dirs[j]!));
  }
  return minAngle;
}

/** max⟨a, x⟩ over the tokens of every measure but k, and min⟨a, x⟩ over those of measure k. */
function separation(s: State, k: number, a: Float64Array, d: number): { byMax: number; actMin: number } {
  let byMax = -Infinity;
  let actMin = Infinity;
  s.forEach((x, i) => {
    const n = x.length / d;
    for (let j = 0; j < n; j++) {
      const c = rowDot(x, j, a, 0, d);
      if (i === k) actMin = Math.min(actMin, c);
      else byMax = Math.max(byMax, c);
    }
  });
  return { byMax, actMin };
}

/**
 * Prop 3.1, generic (non-colinear) branch as a uniformisation round (erratum 2.2.3, aquemy F27): Lemma 3.3
 * applied to each measure k in turn (spec §3 Phase 1, App. B.2): Ψ₁ (d−1 pieces V = α_lα_lᵀ, B = W = 0,
 * α_l an orthonormal basis of m_k^⊥, m_k the barycenter: μ^k is invariant, bystanders are pushed to ±α_l),
 * Ψ₂ (one gate G(a_k, β₀, a_k) with β₀ between the bystanders' max⟨a_k, x⟩ and μ^k's min⟨a_k, x⟩, until
 * supp μ^k ⊂ B(a_k, δ); closed-form duration), then Ψ₁⁻¹ (V = −α_lα_lᵀ in reverse order). B ≡ 0 throughout.
 */
export function disentanglePieces(
  state: State,
  d: number,
  h: number,
  hooks: ConstructionHooks = {},
): { pieces: ParameterPiece[]; state: State; rounds: DisentangleRound[] } {
  const N = state.length;
  if (N < 2) return { pieces: [], state, rounds: [] };
  for (const x of state) {
    for (const v of x) {
      if (!(v > 0)) {
        throw new NumericalError(
          'disentangle needs every token in the open positive orthant Q₁ (apply Lemma 3.2 first)',
        );
      }
    }
  }
  const minAngle = minBarycenterAngle(state, d);
  if (!(minAngle > 1e-6)) {
    throw new NumericalError(
      `barycenter directions are colinear (min angle ${minAngle}): ` +
        'the colinear branch of Prop 3.1 (Lemma 3.4) is not implementable (spec §4.3)',
    );
  }
  const delta = CONSTRUCTION_DEFAULTS.deltaFactor * minAngle;
  const sign = hooks.gateSign ?? 1;
  const useAttention = hooks.disentangleAttention ?? true;
  const pieces: ParameterPiece[] = [];
  const rounds: DisentangleRound[] = [];
  let s = state;
  for (let k = 0; k < N; k++) {
    const nk = s[k]!.length / d;
    const a = unit(barycenter(s[k]!, nk, d));
    const psi1 = orthonormalComplement(a, d).map((al, l) =>
      piece(d, {
        duration: CONSTRUCTION_DEFAULTS.psiStage,
        V: useAttention ? outerMatrix(al, al, d) : new Float64Array(d * d),
        label: `disentangle[${k}]:psi1[${l}]`,
      }),
    );
    for (const p of psi1) s = advance(s, d, p, h);
    const { byMax, actMin } = separation(s, k, a, d);
    // β₀ strictly between the bystanders and μ^k (spec §3 fill-in); without a gap, the paper's small β₀
    // (valid on Q₁ when β₀ < min_i a_i) — which then also gathers the bystanders.
    const beta0 = byMax < actMin ? (byMax + actMin) / 2 : 0.5 * Math.min(actMin, ...a);
    const tau = gateTime(beta0, actMin, Math.cos(0.9 * delta));
    const g = gatePiece(d, gateBlock(d, a, beta0, a, sign), tau, `disentangle[${k}]:psi2`);
    s = advance(s, d, g, h);
    const inv = [...psi1].reverse().map((p) => inversePiece(p, p.label!.replace('psi1', 'psi1inv')));
    for (const p of inv) s = advance(s, d, p, h);
    pieces.push(...psi1, g, ...inv);
    rounds.push({ k, a, delta, beta0, bystanderMax: byMax, actedMin: actMin });
  }
  return { pieces, state: s, rounds };
}
