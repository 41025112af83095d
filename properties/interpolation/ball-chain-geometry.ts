/**
 * The geodesic-ball chains of interpolation.ball-chain (GRR Lemma B.1 with the corrected gate of Lemma B.2;
 * spec §2.1, §4.2 item 6): a chain drawn from a block of unit floats, and the proof's plan for its tokens.
 */
import { geodesic, geodesicPoint, tangentDirection } from '../../impl/reference/sphere-geometry.js';
import { rowDot } from '../../impl/reference/numeric.js';
import { capPoints, capRawLength } from '../arbitraries/sphere-caps.js';
import { uniformSpherePoints, unitVector } from '../arbitraries/sphere.js';

const D_MAX = 4;
export const K_MAX = 4;
/** Tokens drawn in each ball (the first n_k of them are used) and uniform tokens on the whole sphere. */
const N_BALL = 8;
const N_UNIFORM = 12;
/** Natural-time RK4 step: the gate field has speed ≤ 1 − cos R ≤ 0.25 and is smooth on every ball the tokens cross. */
export const STEP = 0.2;
/** δ_k is the largest of cap_k · 2^{−j}, j < LADDER, meeting the ε budget. */
const LADDER = 4;
/** Slack on a radius in the position checks: RK4 at h ≈ 0.05 on a field of Lipschitz constant ≤ 0.25 errs ≪ 1e-9. */
export const RADIUS_SLACK = 1e-9;
/** Tokens within this of a ball's rim (in ⟨z, x⟩, outside it) are left out of the identity check: the implementation's gate may round to +ulp there. */
const RIM = 1e-12;

/** Unit floats consumed per ball: radius, spacing, token count, bend direction, tokens. */
const BALL_RAW = 3 + 2 * D_MAX + capRawLength(N_BALL, D_MAX);
export const RAW_LENGTH = 4 * D_MAX + (K_MAX + 1) * BALL_RAW + 2 * N_UNIFORM * D_MAX;

export interface ChainCase {
  readonly d: number;
  /** Number of gate pieces: the chain has K + 1 balls. */
  readonly K: number;
  readonly eps: number;
  readonly raw: readonly number[];
}

/** The chain, the tokens and the proof's parameters for one draw. */
interface Chain {
  readonly d: number;
  readonly K: number;
  readonly centres: Float64Array[];
  readonly radii: number[];
  /** ω_k on the segment z_k z_{k+1}, midway through the lens 𝓑_k ∩ 𝓑_{k+1}; w_k is the lens half-width. */
  readonly omegas: Float64Array[];
  readonly halfWidths: number[];
  readonly tokens: Float64Array;
  readonly n: number;
}

/**
 * The chain of a draw, or undefined when two balls with |k − k'| ≥ 2 are not disjoint (0.02 margin).
 * Radii R_k ∈ [0.4, 0.7]; consecutive centres (0.55 … 0.75)(R_k + R_{k+1}) apart along a path that bends by at most
 * ~40° per ball; n_k ∈ [3, 8] tokens area-uniform in each ball plus 12 uniform tokens on the sphere.
 */
export function chainOf(c: ChainCase): Chain | undefined {
  const { d, K, raw } = c;
  let o = 0;
  const take = (len: number): number[] => {
    const s = raw.slice(o, o + len);
    o += len;
    return s;
  };
  const centres = [unitVector(take(2 * D_MAX), d)];
  let heading = tangentDirection(centres[0]!, unitVector(take(2 * D_MAX), d));
  const radii: number[] = [];
  const omegas: Float64Array[] = [];
  const halfWidths: number[] = [];
  const blocks: number[][] = [];
  for (let k = 0; k <= K; k++) {
    const [uR, uS, uN] = take(3) as [number, number, number];
    const bend = unitVector(take(2 * D_MAX), d);
    blocks.push([uN, ...take(capRawLength(N_BALL, D_MAX))]);
    radii.push(0.4 + 0.3 * uR);
    if (k === 0) continue;
    const z = centres[k - 1]!;
    const [Ra, Rb] = [radii[k - 1]!, radii[k]!];
    const s = (0.55 + 0.2 * uS) * (Ra + Rb);
    const w = (Ra + Rb - s) / 2;
    centres.push(geodesicPoint(z, heading, s));
    omegas.push(geodesicPoint(z, heading, Ra - w));
    halfWidths.push(w);
    // parallel-transported heading, bent towards a random tangent direction
    const moved = heading.map((t, i) => -Math.sin(s) * z[i]! + Math.cos(s) * t + 0.6 * bend[i]!);
    heading = tangentDirection(centres[k]!, moved);
  }
  for (let k = 0; k <= K; k++) {
    for (let l = k + 2; l <= K; l++)
      if (geodesic(centres[k]!, centres[l]!, d) <= radii[k]! + radii[l]! + 0.02) return undefined;
  }
  const parts = blocks.map((b, k) =>
    capPoints(b.slice(1), 3 + Math.floor(6 * b[0]!), d, D_MAX, centres[k]!, radii[k]!, N_BALL),
  );
  parts.push(uniformSpherePoints(take(2 * N_UNIFORM * D_MAX), N_UNIFORM, d, D_MAX));
  const tokens = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    tokens.set(p, at);
    at += p.length;
  }
  return { d, K, centres, radii, omegas, halfWidths, tokens, n: tokens.length / d };
}

/** The proof's choices for the chain: δ_k, r_k, durations, and which step each token must join the gathered set at. */
interface Plan {
  readonly deltas: number[];
  readonly targetRadii: number[];
  readonly durations: number[];
  /** entry[i] = the step whose gather must hold token i (K: untouched in 𝓑_K); −1: not predicted. */
  readonly entry: number[];
  readonly inUnion: boolean[];
  readonly clearlyOff: boolean[];
}

/**
 * δ_k: the largest cap_k·2^{−j} (cap_k = ½ min(w_{k−1}, w_k), so that ω_k ∈ 𝒟_k, ω_k ∈ 𝒟_{k+1} and
 * B(ω_{k−1}, r_{k−1} = 0.45 w_{k−1}) ⊂ 𝒟_k) for which the tokens piece k may lose (first ball 𝓑_k, outside 𝒟_k and
 * not carried on into 𝒟_{k+1}) are at most ε·M_k, M_k = (tokens handed to step k by the analysis) + (tokens whose first
 * ball is 𝓑_k). Everything else of M_k is in 𝒟_{k+1} at the start of step k + 1, so M_{k+1} ≥ (1 − ε)M_k + fresh_{k+1},
 * which telescopes to (1 − ε)^K μ₀(⋃𝓑_k) in 𝓑_K. Undefined when no rung meets the budget.
 */
export function planOf(ch: Chain, x0: Float64Array, eps: number): Plan | undefined {
  const { d, K, centres, radii, halfWidths } = ch;
  // ⟨x_i, z_k⟩ of every token and centre; x_i ∈ 𝓑_k iff it is ≥ cos R_k
  const dots = Array.from({ length: ch.n }, (_, i) => centres.map((z) => rowDot(x0, i, z, 0, d)));
  const first = dots.map((g) => g.findIndex((v, k) => v >= Math.cos(radii[k]!)));
  const caps = Array.from(
    { length: K },
    (_, k) => 0.5 * Math.min(halfWidths[k]!, k > 0 ? halfWidths[k - 1]! : Infinity),
  );
  // a token that piece k may leave in 𝓑_k \ 𝒟_k still reaches 𝓑_K when it lies in 𝒟_{k+1} ⊇ B(z_{k+1}, R_{k+1} − cap_{k+1})
  // (whatever δ_{k+1} ≤ cap_{k+1} is chosen next; 𝒟_K = 𝓑_K): it is carried into step k + 1, not lost
  const carriedOn = (i: number, k: number): boolean =>
    k + 1 === K ? dots[i]![K]! >= Math.cos(radii[K]!) : dots[i]![k + 1]! > Math.cos(radii[k + 1]! - caps[k + 1]!);
  const deltas: number[] = [];
  let carried = 0;
  for (let k = 0; k < K; k++) {
    const fresh = first.filter((f) => f === k).length;
    const M = carried + fresh;
    let chosen: number | undefined;
    let lost = 0;
    for (let j = 0; j < LADDER && chosen === undefined; j++) {
      const delta = caps[k]! * 2 ** -j;
      const inner = Math.cos(radii[k]! - delta);
      lost = first.filter((f, i) => f === k && !(dots[i]![k]! > inner) && !carriedOn(i, k)).length;
      if (lost <= eps * M) chosen = delta;
    }
    if (chosen === undefined) return undefined;
    deltas.push(chosen);
    carried = M - lost;
  }
  deltas.push(0); // 𝒟_K = 𝓑_K: the last gather only has to land in 𝓑_K
  const inD = (i: number, k: number): boolean =>
    dots[i]![k]! > Math.cos(radii[k]! - deltas[k]!) || (k === K && dots[i]![K]! >= Math.cos(radii[K]!));
  // a token in 𝒟_f is gathered at its first step f; one in 𝓑_f \ 𝒟_f but in 𝒟_{f+1} moves on the arc towards
  // ω_f ∈ 𝒟_{f+1} (the gate field is g(x)P⊥_x ω), stays in the convex 𝒟_{f+1} and is gathered at step f + 1
  const entry = first.map((f, i) => (f < 0 ? -1 : f === K || inD(i, f) ? f : inD(i, f + 1) ? f + 1 : -1));
  const targetRadii = halfWidths.map((w) => 0.45 * w);
  const durations = deltas.slice(0, K).map((delta, k) => {
    const R = radii[k]!;
    // every point of 𝒟_k is within ρ₀ = (R − δ) + d(z_k, ω_k) of ω_k; along the arc to ω_k the gate is
    // ≥ g_min = cos(R − δ) − cos R and dρ/dt = −g sin ρ, so tan(ρ/2) ≤ tan(ρ₀/2)e^{−g_min t}
    const rho0 = R - delta + (R - halfWidths[k]!);
    const gMin = Math.cos(R - delta) - Math.cos(R);
    return Math.max(0, Math.log(Math.tan(rho0 / 2) / Math.tan(targetRadii[k]! / 2)) / gMin);
  });
  return {
    deltas,
    targetRadii,
    durations,
    entry,
    inUnion: first.map((f) => f >= 0),
    clearlyOff: dots.map((g) => g.every((v, k) => v - Math.cos(radii[k]!) < -RIM)),
  };
}
