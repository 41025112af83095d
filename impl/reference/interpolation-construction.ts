/**
 * The constructive proof of Theorem 1.1 of Geshkovski, Rigollet & Ruiz-Balet (arXiv 2411.04551 v3), in
 * float64, as spec measure-interpolation.md §3 makes it explicit:
 *   Lemma 3.2 (to the positive orthant, 2 pieces) → Prop 3.1 (disentangle: Lemma 3.3 applied to every
 *   measure in turn, 2d−1 pieces each) → Prop 2.1 (cluster, 1 piece) → Prop 4.1 (match the atoms to the
 *   Dirac targets, 6 pieces per atom via Prop 4.2),
 * with every piece a constant θ = (V, B, W, U, b) shared by all measures. Durations come from closed forms
 * where the 1-D dynamics along a geodesic is explicit, and otherwise from stopping rules on the simulated
 * tokens (spec §3 fill-ins); the builder tracks the state with the very integrator a replay uses.
 *
 * Hooks plant the bugs of impl/mutants/interpolation.ts (the correct construction uses none).
 */
import type { Construction, MeasureFamily, ParameterPiece, Phase, PerceptronBlock, Schedule } from '../capabilities/interpolator.js';
import { NumericalError } from '../errors.js';
import { evolvePiece, piece, rescalePiece, totalDuration } from './interpolation-model.js';
import { barycenter, capRadius, geodesic, unit, w2ToDirac } from './sphere-geometry.js';

export interface ConstructionHooks {
  /** −1: the gate as printed in Lemma B.2 (B.4), U = −𝟙aᵀ, b = +τ𝟙, active *outside* the cap (erratum 2.2.1). */
  readonly gateSign?: 1 | -1;
  /** false: Ψ₁ of Lemma 3.3 with V = 0, i.e. a linear continuity equation in the disentangling phase. */
  readonly disentangleAttention?: boolean;
  /** Replaces the matching phase of Theorem 1.1 (used by the "schedule not shared" mutant). */
  readonly matchPhase?: (ctx: { d: number; atoms: Float64Array; targets: Float64Array; state: Float64Array[] }) => ParameterPiece[];
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

const EPS_MARGIN_MIN = 1e-3;

// ---------------------------------------------------------------- the gate block

/**
 * G(a, τ, z) (spec §1 note 4): U = e₁aᵀ, b = −τe₁, W = z e₁ᵀ, so W(Ux + b)_+ = (⟨a, x⟩ − τ)_+ z. Its field
 * vanishes exactly on the cap {⟨a, x⟩ ≤ τ}, elsewhere it pushes along the geodesic toward z. With
 * sign = −1 it is the printed Lemma B.2 (B.4) form U = −e₁aᵀ, b = +τe₁: gate (τ − ⟨a, x⟩)_+ (erratum).
 */
export function gateBlock(d: number, a: ArrayLike<number>, tau: number, z: ArrayLike<number>, sign: 1 | -1 = 1): PerceptronBlock {
  const U = new Float64Array(d * d);
  const b = new Float64Array(d);
  const W = new Float64Array(d * d);
  for (let c = 0; c < d; c++) U[c] = sign * a[c]!;
  b[0] = -sign * tau;
  for (let r = 0; r < d; r++) W[r * d] = z[r]!;
  return { W, U, b };
}

// ---------------------------------------------------------------- small linear algebra

function dot(x: ArrayLike<number>, y: ArrayLike<number>, d: number, ix = 0, iy = 0): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += x[ix * d + k]! * y[iy * d + k]!;
  return s;
}

function row(x: Float64Array, i: number, d: number): Float64Array {
  return x.slice(i * d, (i + 1) * d);
}

/** An orthonormal basis of a^⊥ (Gram–Schmidt on e₁..e_d, dropping the most dependent one). */
export function orthonormalComplement(a: ArrayLike<number>, d: number): Float64Array[] {
  const basis: Float64Array[] = [unit(a)];
  const order = [...Array(d).keys()].sort((p, q) => Math.abs(a[p]!) - Math.abs(a[q]!));
  for (const k of order) {
    if (basis.length === d) break;
    const v = new Float64Array(d);
    v[k] = 1;
    for (const e of basis) {
      const c = dot(v, e, d);
      for (let r = 0; r < d; r++) v[r] = v[r]! - c * e[r]!;
    }
    const nrm = Math.hypot(...v);
    if (nrm > 1e-8) basis.push(v.map((x) => x / nrm));
  }
  return basis.slice(1);
}

/** Deterministic pseudo-random unit vectors (LCG + Box–Muller) plus ±e_k: candidate directions. */
function candidateDirections(d: number, count: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let k = 0; k < d; k++) {
    const e = new Float64Array(d);
    e[k] = 1;
    out.push(e, e.map((x) => -x));
  }
  let s = 0x2545f491;
  const rnd = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s + 0.5) / 4294967296;
  };
  for (let c = 0; c < count; c++) {
    const g = Float64Array.from({ length: d }, () => Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd()));
    out.push(unit(g));
  }
  return out;
}

// ---------------------------------------------------------------- tracked state

type State = Float64Array[];

function advance(state: State, d: number, p: ParameterPiece, h: number): State {
  return state.map((x) => evolvePiece(x, x.length / d, d, p, h));
}

function allTokens(state: State, d: number): { x: Float64Array; n: number } {
  const len = state.reduce((a, x) => a + x.length, 0);
  const n = len / d;
  const x = new Float64Array(len);
  let o = 0;
  for (const c of state) {
    x.set(c, o);
    o += c.length;
  }
  return { x, n };
}

function matrixFromOuter(u: ArrayLike<number>, v: ArrayLike<number>, d: number, scale = 1): Float64Array {
  const M = new Float64Array(d * d);
  for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) M[r * d + c] = scale * u[r]! * v[c]!;
  return M;
}

function gatePiece(d: number, g: PerceptronBlock, duration: number, label: string): ParameterPiece {
  return piece(d, { duration, W: g.W, U: g.U, b: g.b, label });
}

function inversePiece(p: ParameterPiece, label: string): ParameterPiece {
  return { ...p, V: p.V.map((v) => -v), W: p.W.map((v) => -v), label };
}

/**
 * Advance `state` through a piece of unknown duration until `done(state)` (chunks of `chunk`, at most
 * `cap` time units), then re-integrate once from the start so the tracked state equals a replay's.
 */
function runUntil(state: State, d: number, make: (duration: number) => ParameterPiece, done: (s: State) => boolean, h: number, chunk: number, cap: number): { duration: number; state: State } {
  if (done(state)) return { duration: 0, state };
  let t = 0;
  let s = state;
  while (t < cap) {
    s = advance(s, d, make(chunk), h);
    t += chunk;
    if (done(s)) break;
  }
  return { duration: t, state: advance(state, d, make(t), h) };
}

// ---------------------------------------------------------------- Lemma 3.2: to the positive orthant

function minCoordinate(state: State): number {
  let m = Infinity;
  for (const x of state) for (const v of x) m = Math.min(m, v);
  return m;
}

/** t ↦ atanh solution time of ċ = 1 − c² from c0 to c1 (c(t) = tanh(t + atanh c0)). */
function tanhTime(c0: number, c1: number): number {
  return Math.max(0, Math.atanh(Math.min(c1, 1 - 1e-16)) - Math.atanh(Math.max(c0, -1 + 1e-16)));
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
  const ones = new Float64Array(d).fill(1);
  const minus = omega.map((v) => -v);
  let c0 = Infinity;
  for (let i = 0; i < n; i++) c0 = Math.min(c0, dot(x, minus, d, i, 0));
  const p1 = piece(d, { duration: tanhTime(c0, Math.cos((0.9 * Math.PI) / 8)), W: matrixFromOuter(minus, ones, d, 1 / d), b: ones.slice(), label: 'orthant:1' });
  let s = advance(state, d, p1, h);
  // α ∈ Q₁ among 𝟙/√d and normalise(𝟙 + 2e_k), the one farthest from ω
  const alphas = [unit(ones), ...[...Array(d).keys()].map((k) => unit(ones.map((v, r) => v + (r === k ? 2 : 0))))];
  let alpha = alphas[0]!;
  for (const a of alphas) if (geodesic(a, omega) > geodesic(alpha, omega)) alpha = a;
  const rho = 0.5 * Math.min(...Array.from(alpha, (v) => Math.asin(v)));
  const y = allTokens(s, d);
  let c1 = Infinity;
  for (let i = 0; i < y.n; i++) c1 = Math.min(c1, dot(y.x, alpha, d, i, 0));
  const p2 = piece(d, { duration: tanhTime(c1, Math.cos(rho)), W: matrixFromOuter(alpha, ones, d, 1 / d), b: ones.slice(), label: 'orthant:2' });
  s = advance(s, d, p2, h);
  return { pieces: [p1, p2], state: s };
}

// ---------------------------------------------------------------- Prop 3.1 via Lemma 3.3

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

/**
 * Prop 3.1, generic (non-colinear) branch as a uniformisation round (erratum 2.2.3, aquemy F27): Lemma 3.3
 * applied to each measure k in turn (spec §3 Phase 1, App. B.2): Ψ₁ (d−1 pieces V = α_lα_lᵀ, B = W = 0,
 * α_l an orthonormal basis of m_k^⊥, m_k the barycenter: μ^k is invariant, bystanders are pushed to ±α_l),
 * Ψ₂ (one gate G(a_k, β₀, a_k) with β₀ between the bystanders' max⟨a_k, x⟩ and μ^k's min⟨a_k, x⟩, until
 * supp μ^k ⊂ B(a_k, δ); closed-form duration), then Ψ₁⁻¹ (V = −α_lα_lᵀ in reverse order). B ≡ 0 throughout.
 */
export function disentanglePieces(state: State, d: number, h: number, hooks: ConstructionHooks = {}): { pieces: ParameterPiece[]; state: State; rounds: DisentangleRound[] } {
  const N = state.length;
  if (N < 2) return { pieces: [], state, rounds: [] };
  for (const x of state) {
    for (const v of x) if (!(v > 0)) throw new NumericalError('disentangle needs every token in the open positive orthant Q₁ (apply Lemma 3.2 first)');
  }
  const dirs = state.map((x) => unit(barycenter(x, x.length / d, d)));
  let minAngle = Infinity;
  for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) minAngle = Math.min(minAngle, geodesic(dirs[i]!, dirs[j]!));
  if (!(minAngle > 1e-6)) {
    throw new NumericalError(`barycenter directions are colinear (min angle ${minAngle}): the colinear branch of Prop 3.1 (Lemma 3.4) is not implementable (spec §4.3)`);
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
    const alphas = orthonormalComplement(a, d);
    const psi1 = alphas.map((al, l) =>
      piece(d, { duration: CONSTRUCTION_DEFAULTS.psiStage, V: useAttention ? matrixFromOuter(al, al, d) : new Float64Array(d * d), label: `disentangle[${k}]:psi1[${l}]` }),
    );
    for (const p of psi1) s = advance(s, d, p, h);
    let byMax = -Infinity;
    let actMin = Infinity;
    s.forEach((x, i) => {
      const n = x.length / d;
      for (let j = 0; j < n; j++) {
        const c = dot(x, a, d, j, 0);
        if (i === k) actMin = Math.min(actMin, c);
        else byMax = Math.max(byMax, c);
      }
    });
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

// ---------------------------------------------------------------- Prop 4.1 / 4.2: exact point matching

/** A unit γ ⊥ span{x, y} maximising min_p |⟨γ, p⟩| − r_p over a candidate set (x × y when d = 3). */
function hyperplaneNormal(x: Float64Array, y: Float64Array, d: number, others: readonly { p: Float64Array; r: number }[]): Float64Array {
  const basis = orthonormalComplement(x, d);
  // complement of span{x, y}: project y out of the complement of x
  const yPerp = unit(basis.map((e) => dot(e, y, d)).reduce((acc, c, i) => acc.map((v, r) => v + c * basis[i]![r]!), new Float64Array(d)));
  const comp: Float64Array[] = [];
  for (const e of orthonormalComplement(x, d)) {
    const v = e.slice();
    for (const f of [yPerp]) {
      const c = dot(v, f, d);
      for (let r = 0; r < d; r++) v[r] = v[r]! - c * f[r]!;
    }
    for (const f of comp) {
      const c = dot(v, f, d);
      for (let r = 0; r < d; r++) v[r] = v[r]! - c * f[r]!;
    }
    const nrm = Math.hypot(...v);
    if (nrm > 1e-8 && comp.length < d - 2) comp.push(v.map((t) => t / nrm));
  }
  const candidates: Float64Array[] = [...comp];
  if (comp.length > 1) {
    for (const o of others) {
      const v = new Float64Array(d);
      for (const f of comp) {
        const c = dot(o.p, f, d);
        for (let r = 0; r < d; r++) v[r] = v[r]! + c * f[r]!;
      }
      const nrm = Math.hypot(...v);
      if (nrm > 1e-8) candidates.push(v.map((t) => t / nrm));
    }
    for (const c of candidateDirections(comp.length, 64)) {
      const v = new Float64Array(d);
      comp.forEach((f, i) => {
        for (let r = 0; r < d; r++) v[r] = v[r]! + c[i]! * f[r]!;
      });
      candidates.push(v);
    }
  }
  let best = candidates[0]!;
  let bestMargin = -Infinity;
  for (const g of candidates) {
    const m = others.length ? Math.min(...others.map((o) => Math.abs(dot(g, o.p, d)) - o.r)) : Infinity;
    if (m > bestMargin) {
      bestMargin = m;
      best = g;
    }
  }
  return best;
}

/** ∫_{s0}^{s1} f by composite 10-point Gauss–Legendre on `panels` panels (smooth positive integrands). */
function gaussLegendre(f: (s: number) => number, s0: number, s1: number, panels = 64): number {
  const X = [0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717];
  const Wt = [0.2955242247147529, 0.2692667193099963, 0.2190863625159820, 0.1494513491505806, 0.0666713443086881];
  const hp = (s1 - s0) / panels;
  let sum = 0;
  for (let p = 0; p < panels; p++) {
    const c = s0 + (p + 0.5) * hp;
    for (let q = 0; q < 5; q++) sum += Wt[q]! * (f(c - (X[q]! * hp) / 2) + f(c + (X[q]! * hp) / 2));
  }
  return (sum * hp) / 2;
}

export interface MatchStep {
  readonly index: number;
  /** The hyperplane margin ε of Prop 4.2 and the gather threshold ε̃. */
  readonly eps: number;
  readonly epsTilde: number;
  readonly tau: readonly number[];
}

/**
 * Prop 4.1 by induction over Prop 4.2 (spec §3 Phase 3), V ≡ 0. For the active atom x → y with the others
 * (clusters of radius r_j around atoms p_j) inactive: γ ⊥ x, y (erratum 2.2.2: γ must be orthogonal to both),
 * ε = 0.9 min_j(|⟨γ, p_j⟩| − r_j), ε̃ = min(ε, 0.6), ω = −(x+y)/|x+y|, ω± = cos(π/8)ω ± sin(π/8)γ, and six pieces:
 * G(γ, ε̃/2, ω₊), G(−γ, ε̃/2, ω₋) (gather; durations by the stopping rule "within π/16 of ω±"),
 * G(−ω, −cos 3π/16, z₁) for τ₃ = 1, G(−ω, −cos 3π/16, z₂) for the exact τ₄ = ∫_{s₃}^{φ} ds / (g(s) sin(φ+Δ−s))
 * (Gauss–Legendre), then the inverses of pieces 2 and 1. The order of the induction is greedy on the margin.
 * `groups[j]` are the tokens that travel with atom j (a cluster, or the atom itself); they are tracked.
 */
export function matchPieces(
  d: number, atoms: Float64Array, targets: Float64Array, groups: State, h: number, hooks: ConstructionHooks = {},
): { pieces: ParameterPiece[]; atoms: Float64Array; groups: State; steps: MatchStep[] } {
  const M = atoms.length / d;
  const sign = hooks.gateSign ?? 1;
  let pos: Float64Array = atoms.slice();
  let g = groups;
  const done = new Set<number>();
  const pieces: ParameterPiece[] = [];
  const steps: MatchStep[] = [];
  const radius = (j: number): number => capRadius(g[j]!, g[j]!.length / d, d, row(pos, j, d));
  const cos3 = Math.cos((3 * Math.PI) / 16);
  for (let round = 0; round < M; round++) {
    // greedy order: the remaining atom with the largest hyperplane margin
    let pick = -1;
    let pickGamma: Float64Array = new Float64Array(d);
    let pickMargin = -Infinity;
    for (let i = 0; i < M; i++) {
      if (done.has(i)) continue;
      const others = [...Array(M).keys()].filter((j) => j !== i).map((j) => ({ p: row(pos, j, d), r: radius(j) }));
      const x = row(pos, i, d);
      const y = row(targets, i, d);
      const gamma = hyperplaneNormal(x, y, d, others);
      const margin = others.length ? Math.min(...others.map((o) => Math.abs(dot(gamma, o.p, d)) - o.r)) : Infinity;
      if (margin > pickMargin) {
        pickMargin = margin;
        pick = i;
        pickGamma = gamma;
      }
    }
    const i = pick;
    const gamma = pickGamma;
    const x = row(pos, i, d);
    const y = row(targets, i, d);
    const phi = geodesic(x, y);
    const rActive = radius(i);
    const eps = Number.isFinite(pickMargin) ? 0.9 * pickMargin : Math.PI / 4;
    const epsTilde = Math.min(eps, CONSTRUCTION_DEFAULTS.epsTildeCap);
    if (!(eps >= EPS_MARGIN_MIN) || !(rActive < epsTilde / 4) || !(phi < Math.PI - 1e-3)) {
      throw new NumericalError(
        `Prop 4.2 hypotheses fail for atom ${i}: margin ε = ${eps} (needs ≥ ${EPS_MARGIN_MIN}), active radius ${rActive} (needs < ε̃/4 = ${epsTilde / 4}), d_g(x, y) = ${phi} (needs < π); footnote 6: perturb the targets`,
      );
    }
    const label = `match[${i}]`;
    if (phi === 0) {
      done.add(i);
      continue;
    }
    const omega = unit(x.map((v, r) => -(v + y[r]!)));
    const sp = Math.sin(Math.PI / 8);
    const cp = Math.cos(Math.PI / 8);
    const omegaP = omega.map((v, r) => cp * v + sp * gamma[r]!);
    const omegaM = omega.map((v, r) => cp * v - sp * gamma[r]!);
    const u = unit(y.map((v, r) => v - Math.cos(phi) * x[r]!));
    const cAt = (s: number): Float64Array => x.map((v, r) => Math.cos(s) * v + Math.sin(s) * u[r]!);
    const Delta = Math.min(0.3, (Math.PI - phi) / 2);
    const z1 = cAt(phi / 2);
    const z2 = cAt(phi + Delta);
    const negGamma = gamma.map((v) => -v);
    const inactive = [...Array(M).keys()].filter((j) => j !== i);
    // state: the groups plus the atoms as one extra measure of M single tokens (V ≡ 0: tokens are independent)
    const gatherDone = (target: Float64Array, side: 1 | -1) => (st: State): boolean => {
      for (const j of inactive) {
        const xs = st[j]!;
        for (let t = 0; t < xs.length / d; t++) {
          if (side * dot(xs, gamma, d, t, 0) > epsTilde / 2 && geodesic(xs, target, d, t, 0) > (0.9 * Math.PI) / 16) return false;
        }
      }
      return true;
    };
    const st0: State = [...g, pos];
    const mk = (blk: PerceptronBlock, lab: string) => (duration: number) => gatePiece(d, blk, duration, lab);
    const g1 = gateBlock(d, gamma, epsTilde / 2, omegaP, sign);
    // (4.5): d/dt⟨x, ω±⟩ ≥ (ε̃/2)(1 − cos²(π/16)) on the gathered set, and ⟨x, ω±⟩ rises by ≤ 2: the stopping
    // rule must fire before 4/(ε̃ sin²(π/16)) (a cap, so a broken gate cannot loop forever)
    const gatherCap = 4 / (epsTilde * Math.sin(Math.PI / 16) ** 2);
    const r1 = runUntil(st0, d, mk(g1, `${label}:gather+`), gatherDone(omegaP, 1), h, 0.5, gatherCap);
    const p1 = gatePiece(d, g1, r1.duration, `${label}:gather+`);
    const g2 = gateBlock(d, negGamma, epsTilde / 2, omegaM, sign);
    const r2 = runUntil(r1.state, d, mk(g2, `${label}:gather-`), gatherDone(omegaM, -1), h, 0.5, gatherCap);
    const p2 = gatePiece(d, g2, r2.duration, `${label}:gather-`);
    const negOmega = omega.map((v) => -v);
    const p3 = gatePiece(d, gateBlock(d, negOmega, -cos3, z1, sign), CONSTRUCTION_DEFAULTS.tau3, `${label}:corridor-1`);
    let st = advance(r2.state, d, p3, h);
    const xa = row(st[M]!, i, d);
    const s3 = Math.atan2(dot(xa, u, d), dot(xa, x, d));
    const gS = (s: number): number => cos3 + Math.cos(s - phi / 2);
    const tau4 = s3 < phi ? gaussLegendre((s) => 1 / (gS(s) * Math.sin(phi + Delta - s)), s3, phi) : 0;
    const p4 = gatePiece(d, gateBlock(d, negOmega, -cos3, z2, sign), tau4, `${label}:corridor-2`);
    const p5 = inversePiece(p2, `${label}:ungather-`);
    const p6 = inversePiece(p1, `${label}:ungather+`);
    for (const p of [p4, p5, p6]) st = advance(st, d, p, h);
    g = st.slice(0, M);
    pos = st[M]!;
    pieces.push(p1, p2, p3, p4, p5, p6);
    steps.push({ index: i, eps, epsTilde, tau: [p1.duration, p2.duration, p3.duration, tau4, p5.duration, p6.duration] });
    done.add(i);
  }
  return { pieces, atoms: pos, groups: g, steps };
}

// ---------------------------------------------------------------- Theorem 1.1

/**
 * Theorem 1.1 (Dirac targets), constructively (spec §3; §5.2 of the paper): Lemma 3.2 → Prop 3.1 →
 * Prop 2.1 ((V, B, W) = (I, 0, 0) until max_i W2(μ^i, δ_{z̄_i}) ≤ δ' = ε/100) → Prop 4.1 on the atoms
 * z̄_i (normalised means). The natural-time schedule is then rescaled to total duration T (time rescaling).
 * If the tracked end state misses ε/2, the clustering is tightened by 100× (at most twice).
 */
export function constructDirac(family: MeasureFamily, targets: Float64Array, T: number, eps: number, h: number, hooks: ConstructionHooks = {}): Construction {
  const d = family.d;
  const N = family.clouds.length;
  const diagnostics: Record<string, number> = {};
  const phases: Phase[] = [];
  const pieces: ParameterPiece[] = [];
  let s: State = family.clouds.map((x) => x.slice());
  const o = orthantPieces(s, d, h);
  phases.push({ name: 'orthant', start: 0, end: o.pieces.length });
  pieces.push(...o.pieces);
  s = o.state;
  const dis = disentanglePieces(s, d, h, hooks);
  phases.push({ name: 'disentangle', start: pieces.length, end: pieces.length + dis.pieces.length });
  pieces.push(...dis.pieces);
  s = dis.state;
  dis.rounds.forEach((r) => {
    diagnostics[`disentangle[${r.k}].beta0`] = r.beta0;
    diagnostics[`disentangle[${r.k}].gap`] = r.actedMin - r.bystanderMax;
  });
  if (dis.rounds[0]) diagnostics['disentangle.delta'] = dis.rounds[0].delta;
  const afterDis = s;
  let factor: number = CONSTRUCTION_DEFAULTS.clusterFactor;
  let best: { cluster: ParameterPiece; match: ParameterPiece[]; atoms: Float64Array; final: number; steps: MatchStep[] } | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const deltaC = eps * factor;
    const V = new Float64Array(d * d);
    for (let k = 0; k < d; k++) V[k * d + k] = 1;
    const make = (duration: number) => piece(d, { duration, V: V.slice(), label: 'cluster' });
    const w2Max = (st: State): number => Math.max(...st.map((x) => w2ToDirac(x, x.length / d, d, unit(barycenter(x, x.length / d, d)))));
    const rc = runUntil(afterDis, d, make, (st) => w2Max(st) <= deltaC, h, 1, 120);
    const atoms = new Float64Array(N * d);
    rc.state.forEach((x, i) => atoms.set(unit(barycenter(x, x.length / d, d)), i * d));
    let match: ParameterPiece[];
    let finalW2 = NaN;
    let steps: MatchStep[] = [];
    if (hooks.matchPhase) {
      match = hooks.matchPhase({ d, atoms, targets, state: rc.state });
    } else {
      const m = matchPieces(d, atoms, targets, rc.state, h, hooks);
      match = m.pieces;
      steps = m.steps;
      finalW2 = Math.max(...m.groups.map((x, i) => w2ToDirac(x, x.length / d, d, row(targets, i, d))));
    }
    best = { cluster: make(rc.duration), match, atoms, final: finalW2, steps };
    diagnostics['cluster.duration'] = rc.duration;
    diagnostics['cluster.deltaPrime'] = deltaC;
    if (hooks.matchPhase || finalW2 <= eps / 2) break;
    factor *= 1e-2;
  }
  const b = best!;
  phases.push({ name: 'cluster', start: pieces.length, end: pieces.length + 1 });
  pieces.push(b.cluster);
  phases.push({ name: 'match', start: pieces.length, end: pieces.length + b.match.length });
  pieces.push(...b.match);
  b.steps.forEach((st) => {
    diagnostics[`match[${st.index}].eps`] = st.eps;
  });
  diagnostics['trackedFinalW2'] = b.final;
  const natural = totalDuration({ d, pieces });
  diagnostics['naturalDuration'] = natural;
  const c = natural / T;
  const schedule: Schedule = { d, pieces: pieces.map((p) => rescalePiece(p, c)) };
  return { schedule, phases, atoms: b.atoms, diagnostics };
}
