/** Lemma 3.2 of GRR (arXiv 2411.04551 v3; spec §3 Phase 0): every token into the positive orthant, 2 pieces. */
import type { ParameterPiece } from '../../capabilities/interpolator.js';
import { piece } from '../interpolation-model.js';
import { rowDot } from '../numeric.js';
import { geodesic, unit } from '../sphere-geometry.js';
import { candidateDirections } from './directions.js';
import { outerMatrix } from './gate.js';
import { advance, allTokens, type State } from './tracked-state.js';

function minCoordinate(state: State): number {
  let m = Infinity;
  for (const x of state) for (const v of x) m = Math.min(m, v);
  return m;
}

/** Solution time of ċ = 1 − c² from c0 to c1 (c(t) = tanh(t + atanh c0)). */
function tanhTime(c0: number, c1: number): number {
  return Math.max(0, Math.atanh(Math.min(c1, 1 - 1e-16)) - Math.atanh(Math.max(c0, -1 + 1e-16)));
}

/** min_i ⟨x_i, v⟩ over the n rows of x. */
function minDot(x: Float64Array, n: number, v: Float64Array, d: number): number {
  let m = Infinity;
  for (let i = 0; i < n; i++) m = Math.min(m, rowDot(x, i, v, 0, d));
  return m;
}

/** The candidate direction ω farthest (in min geodesic distance) from every token. */
function farthestDirection(x: Float64Array, n: number, d: number): Float64Array {
  let omega = candidateDirections(d, 512)[0]!;
  let best = -Infinity;
  for (const c of candidateDirections(d, 512)) {
    let m = Infinity;
    for (let i = 0; i < n; i++) m = Math.min(m, geodesic(x, c, d, i, 0));
    if (m > best) {
      best = m;
      omega = c;
    }
  }
  return omega;
}

/**
 * Lemma 3.2 (spec §3 Phase 0): θ = (0, 0, W, 0, 𝟙), field P⊥_x(W𝟙). Piece 1: W𝟙 = −ω with ω the candidate
 * direction farthest from every token, until every token is within π/8 of −ω (closed form
 * ⟨x, −ω⟩(t) = tanh(t + atanh⟨x₀, −ω⟩)). Piece 2: W𝟙 = α ∈ Q₁ with d_g(−ω, −α) > π/8, until every token lies in
 * the cap B(α, ½ min_k arcsin α_k) ⊂ Q₁. No pieces when the tokens already lie in Q₁.
 */
export function orthantPieces(state: State, d: number, h: number): { pieces: ParameterPiece[]; state: State } {
  if (minCoordinate(state) > 0) return { pieces: [], state };
  const { x, n } = allTokens(state, d);
  const omega = farthestDirection(x, n, d);
  const ones = new Float64Array(d).fill(1);
  const minus = omega.map((v) => -v);
  const c0 = minDot(x, n, minus, d);
  const p1 = piece(d, {
    duration: tanhTime(c0, Math.cos((0.9 * Math.PI) / 8)),
    W: outerMatrix(minus, ones, d, 1 / d),
    b: ones.slice(),
    label: 'orthant:1',
  });
  let s = advance(state, d, p1, h);
  // α ∈ Q₁ among 𝟙/√d and normalise(𝟙 + 2e_k), the one farthest from ω
  const alphas = [unit(ones), ...[...Array(d).keys()].map((k) => unit(ones.map((v, r) => v + (r === k ? 2 : 0))))];
  let alpha = alphas[0]!;
  for (const a of alphas) if (geodesic(a, omega) > geodesic(alpha, omega)) alpha = a;
  const rho = 0.5 * Math.min(...Array.from(alpha, (v) => Math.asin(v)));
  const y = allTokens(s, d);
  const c1 = minDot(y.x, y.n, alpha, d);
  const p2 = piece(d, {
    duration: tanhTime(c1, Math.cos(rho)),
    W: outerMatrix(alpha, ones, d, 1 / d),
    b: ones.slice(),
    label: 'orthant:2',
  });
  s = advance(s, d, p2, h);
  return { pieces: [p1, p2], state: s };
}
