/** Prop 4.1 by induction over Prop 4.2 of GRR (arXiv 2411.04551 v3; spec §3 Phase 3): exact point matching. */
import type { ParameterPiece, PerceptronBlock } from '../../capabilities/interpolator.js';
import { NumericalError } from '../../errors.js';
import { gaussLegendre } from '../gauss-legendre.js';
import { row, rowDot } from '../numeric.js';
import { capRadius, geodesic, unit } from '../sphere-geometry.js';
import { gateBlock, gatePiece, inversePiece } from './gate.js';
import { hyperplaneMargin, hyperplaneNormal } from './hyperplane.js';
import { CONSTRUCTION_DEFAULTS, EPS_MARGIN_MIN, type ConstructionHooks } from './parameters.js';
import { advance, runUntil, type State } from './tracked-state.js';

export interface MatchStep {
  readonly index: number;
  /** The hyperplane margin ε of Prop 4.2 and the gather threshold ε̃. */
  readonly eps: number;
  readonly epsTilde: number;
  readonly tau: readonly number[];
}

const COS3 = Math.cos((3 * Math.PI) / 16);

/** The remaining atom with the largest hyperplane margin (the greedy order of the induction) and its γ. */
function pickAtom(
  pos: Float64Array,
  targets: Float64Array,
  M: number,
  d: number,
  done: ReadonlySet<number>,
  radius: (j: number) => number,
): { i: number; gamma: Float64Array; margin: number } {
  let pick = -1;
  let pickGamma: Float64Array = new Float64Array(d);
  let pickMargin = -Infinity;
  for (let i = 0; i < M; i++) {
    if (done.has(i)) continue;
    const others = [...Array(M).keys()].filter((j) => j !== i).map((j) => ({ p: row(pos, j, d), r: radius(j) }));
    const gamma = hyperplaneNormal(row(pos, i, d), row(targets, i, d), d, others);
    const margin = hyperplaneMargin(gamma, others, d);
    if (margin > pickMargin) {
      pickMargin = margin;
      pick = i;
      pickGamma = gamma;
    }
  }
  return { i: pick, gamma: pickGamma, margin: pickMargin };
}

/**
 * The six pieces of Prop 4.2 moving atom i from x to y (the other groups inactive), applied to the tracked
 * state `[...groups, atoms]` (V ≡ 0: tokens are independent, so the atoms travel as one extra measure).
 */
function matchAtom(
  st0: State,
  i: number,
  x: Float64Array,
  y: Float64Array,
  gamma: Float64Array,
  epsTilde: number,
  d: number,
  h: number,
  sign: 1 | -1,
): { pieces: ParameterPiece[]; state: State } {
  const M = st0.length - 1;
  const label = `match[${i}]`;
  const phi = geodesic(x, y);
  const omega = unit(x.map((v, r) => -(v + y[r]!)));
  const sp = Math.sin(Math.PI / 8);
  const cp = Math.cos(Math.PI / 8);
  const omegaP = omega.map((v, r) => cp * v + sp * gamma[r]!);
  const omegaM = omega.map((v, r) => cp * v - sp * gamma[r]!);
  const u = unit(y.map((v, r) => v - Math.cos(phi) * x[r]!));
  const cAt = (s: number): Float64Array => x.map((v, r) => Math.cos(s) * v + Math.sin(s) * u[r]!);
  const Delta = Math.min(0.3, (Math.PI - phi) / 2);
  const inactive = [...Array(M).keys()].filter((j) => j !== i);
  const gatherDone =
    (target: Float64Array, side: 1 | -1) =>
    (st: State): boolean => {
      for (const j of inactive) {
        const xs = st[j]!;
        for (let t = 0; t < xs.length / d; t++) {
          const inside = side * rowDot(xs, t, gamma, 0, d) > epsTilde / 2;
          if (inside && geodesic(xs, target, d, t, 0) > (0.9 * Math.PI) / 16) return false;
        }
      }
      return true;
    };
  const mk = (blk: PerceptronBlock, lab: string) => (duration: number) => gatePiece(d, blk, duration, lab);
  const g1 = gateBlock(d, gamma, epsTilde / 2, omegaP, sign);
  // (4.5): d/dt⟨x, ω±⟩ ≥ (ε̃/2)(1 − cos²(π/16)) on the gathered set, and ⟨x, ω±⟩ rises by ≤ 2: the stopping
  // rule must fire before 4/(ε̃ sin²(π/16)) (a cap, so a broken gate cannot loop forever)
  const gatherCap = 4 / (epsTilde * Math.sin(Math.PI / 16) ** 2);
  const r1 = runUntil(st0, d, mk(g1, `${label}:gather+`), gatherDone(omegaP, 1), h, 0.5, gatherCap);
  const p1 = gatePiece(d, g1, r1.duration, `${label}:gather+`);
  const g2 = gateBlock(
    d,
    gamma.map((v) => -v),
    epsTilde / 2,
    omegaM,
    sign,
  );
  const r2 = runUntil(r1.state, d, mk(g2, `${label}:gather-`), gatherDone(omegaM, -1), h, 0.5, gatherCap);
  const p2 = gatePiece(d, g2, r2.duration, `${label}:gather-`);
  const negOmega = omega.map((v) => -v);
  const corridor1 = gateBlock(d, negOmega, -COS3, cAt(phi / 2), sign);
  const p3 = gatePiece(d, corridor1, CONSTRUCTION_DEFAULTS.tau3, `${label}:corridor-1`);
  let st = advance(r2.state, d, p3, h);
  const xa = row(st[M]!, i, d);
  const s3 = Math.atan2(rowDot(xa, 0, u, 0, d), rowDot(xa, 0, x, 0, d));
  const gS = (s: number): number => COS3 + Math.cos(s - phi / 2);
  const tau4 = s3 < phi ? gaussLegendre((s) => 1 / (gS(s) * Math.sin(phi + Delta - s)), s3, phi) : 0;
  const p4 = gatePiece(d, gateBlock(d, negOmega, -COS3, cAt(phi + Delta), sign), tau4, `${label}:corridor-2`);
  const p5 = inversePiece(p2, `${label}:ungather-`);
  const p6 = inversePiece(p1, `${label}:ungather+`);
  for (const p of [p4, p5, p6]) st = advance(st, d, p, h);
  return { pieces: [p1, p2, p3, p4, p5, p6], state: st };
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
  d: number,
  atoms: Float64Array,
  targets: Float64Array,
  groups: State,
  h: number,
  hooks: ConstructionHooks = {},
): { pieces: ParameterPiece[]; atoms: Float64Array; groups: State; steps: MatchStep[] } {
  const M = atoms.length / d;
  const sign = hooks.gateSign ?? 1;
  let pos: Float64Array = atoms.slice();
  let g = groups;
  const done = new Set<number>();
  const pieces: ParameterPiece[] = [];
  const steps: MatchStep[] = [];
  const radius = (j: number): number => capRadius(g[j]!, g[j]!.length / d, d, row(pos, j, d));
  for (let round = 0; round < M; round++) {
    const { i, gamma, margin } = pickAtom(pos, targets, M, d, done, radius);
    const x = row(pos, i, d);
    const y = row(targets, i, d);
    const phi = geodesic(x, y);
    const rActive = radius(i);
    const eps = Number.isFinite(margin) ? 0.9 * margin : Math.PI / 4;
    const epsTilde = Math.min(eps, CONSTRUCTION_DEFAULTS.epsTildeCap);
    if (!(eps >= EPS_MARGIN_MIN) || !(rActive < epsTilde / 4) || !(phi < Math.PI - 1e-3)) {
      throw new NumericalError(
        `Prop 4.2 hypotheses fail for atom ${i}: margin ε = ${eps} (needs ≥ ${EPS_MARGIN_MIN}), ` +
          `active radius ${rActive} (needs < ε̃/4 = ${epsTilde / 4}), d_g(x, y) = ${phi} (needs < π); ` +
          'footnote 6: perturb the targets',
      );
    }
    if (phi === 0) {
      done.add(i);
      continue;
    }
    const m = matchAtom([...g, pos], i, x, y, gamma, epsTilde, d, h, sign);
    g = m.state.slice(0, M);
    pos = m.state[M]!;
    pieces.push(...m.pieces);
    steps.push({ index: i, eps, epsTilde, tau: m.pieces.map((p) => p.duration) });
    done.add(i);
  }
  return { pieces, atoms: pos, groups: g, steps };
}
