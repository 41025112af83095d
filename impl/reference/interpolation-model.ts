/**
 * The continuity-equation particle model of Geshkovski, Rigollet & Ruiz-Balet (arXiv 2411.04551, §1,
 * eqs. 1.1–1.3) in float64, built on the shared sphere primitives (impl/reference/sphere.ts):
 *   ẋ = P⊥_x ( V 𝒜_B[μ](x) + W (U x + b)_+ ),
 * one measure at a time, driven by a piecewise-constant schedule and integrated with RK4 +
 * renormalisation (rk4SphereStep / integrateRK4).
 */
import type { ParameterPiece, Schedule } from '../capabilities/interpolator.js';
import { attentionDrift, integrateRK4, tangentProjection, type SphereField } from './sphere.js';

/** True when every entry is exactly 0. */
function isZero(M: ArrayLike<number>): boolean {
  for (let k = 0; k < M.length; k++) if (M[k] !== 0) return false;
  return true;
}

function frobenius(M: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < M.length; k++) s += M[k]! ** 2;
  return Math.sqrt(s);
}

/**
 * Speed scale λ of a piece: ‖V‖_F + ‖W‖_F (‖U‖_F + ‖b‖), an upper bound of the drift on the sphere
 * (|𝒜_B| ≤ 1 since 𝒜_B is a convex combination of unit vectors). Linear in (V, W) jointly, so the
 * step count ⌈τλ/h⌉ is invariant under the time rescaling (cV, cW, τ/c) of spec §1 note 3a.
 */
function speedScale(p: ParameterPiece): number {
  return frobenius(p.V) + frobenius(p.W) * (frobenius(p.U) + frobenius(p.b));
}

/** Number of RK4 steps for a piece at natural step h (at least 1). */
function stepsFor(p: ParameterPiece, h: number): number {
  const s = Math.ceil((p.duration * speedScale(p)) / h);
  return Number.isFinite(s) && s >= 1 ? s : 1;
}

/**
 * The unprojected drift V 𝒜_B[μ](x_i) + W (U x_i + b)_+ for every token of one measure (GRR eq. 1.2).
 * B ≡ 0 takes the exact specialisation 𝒜_0[μ] = E_μ[z] (GRR eq. 3.1), O(n d) instead of O(n² d);
 * otherwise the attention is the shared softmax drift Σ_j A_ij V x_j with A_ij ∝ e^{⟨Bx_i, x_j⟩}.
 */
export function modelDrift(x: Float64Array, n: number, d: number, p: ParameterPiece, attention = true): Float64Array {
  const out = new Float64Array(n * d);
  if (attention && !isZero(p.V)) {
    if (isZero(p.B)) {
      const mean = new Float64Array(d);
      for (let j = 0; j < n; j++) for (let k = 0; k < d; k++) mean[k] = mean[k]! + x[j * d + k]! / n;
      const vm = new Float64Array(d);
      for (let r = 0; r < d; r++) {
        let s = 0;
        for (let c = 0; c < d; c++) s += p.V[r * d + c]! * mean[c]!;
        vm[r] = s;
      }
      for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) out[i * d + k] = vm[k]!;
    } else {
      out.set(attentionDrift(x, n, d, { beta: 1, B: p.B, V: p.V, normalization: 'softmax' }));
    }
  }
  if (!isZero(p.W)) {
    const { W, U, b } = p;
    const h = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      const o = i * d;
      for (let r = 0; r < d; r++) {
        let s = b[r]!;
        for (let c = 0; c < d; c++) s += U[r * d + c]! * x[o + c]!;
        h[r] = s > 0 ? s : 0;
      }
      for (let r = 0; r < d; r++) {
        let s = 0;
        for (let c = 0; c < d; c++) s += W[r * d + c]! * h[c]!;
        out[o + r] = out[o + r]! + s;
      }
    }
  }
  return out;
}

/** The projected velocity field v[μ] of one measure under a constant piece (GRR eq. 1.2). */
export function modelField(n: number, d: number, p: ParameterPiece, attention = true): SphereField {
  return (x) => tangentProjection(x, modelDrift(x, n, d, p, attention), n, d);
}

/** Evolve one measure ([n, d]) through one piece with ⌈τλ/h⌉ RK4 steps. */
export function evolvePiece(x: Float64Array, n: number, d: number, p: ParameterPiece, h: number): Float64Array {
  if (p.duration === 0) return x;
  const steps = stepsFor(p, h);
  return integrateRK4(x, modelField(n, d, p), 0, p.duration / steps, steps, n, d).final;
}

/** A piece with all-zero parameters except those given (copies nothing: pass fresh arrays). */
export function piece(
  d: number,
  parts: Partial<Omit<ParameterPiece, 'duration'>> & { duration: number },
): ParameterPiece {
  return {
    duration: parts.duration,
    V: parts.V ?? new Float64Array(d * d),
    B: parts.B ?? new Float64Array(d * d),
    W: parts.W ?? new Float64Array(d * d),
    U: parts.U ?? new Float64Array(d * d),
    b: parts.b ?? new Float64Array(d),
    ...(parts.label !== undefined ? { label: parts.label } : {}),
  };
}

/** Time rescaling (spec §1 note 3a): (cV, B, cW, U, b) on τ/c has the flow of (V, B, W, U, b) on τ. */
export function rescalePiece(p: ParameterPiece, c: number): ParameterPiece {
  return { ...p, duration: p.duration / c, V: p.V.map((v) => c * v), W: p.W.map((v) => c * v) };
}

/** Reversal (spec §1 note 3b): the pieces in reverse order with (−V, B, −W, U, b) invert the flow. */
export function reverseSchedule(s: Schedule): Schedule {
  return {
    d: s.d,
    pieces: [...s.pieces]
      .reverse()
      .map((p) => ({ ...p, V: p.V.map((v) => -v), W: p.W.map((v) => -v), label: `reverse(${p.label ?? ''})` })),
  };
}

/** Number of switches: jumps of θ between consecutive pieces of positive duration (GRR §1.5). */
export function switchCount(s: Schedule): number {
  const ps = s.pieces.filter((p) => p.duration > 0);
  let k = 0;
  const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  };
  for (let i = 1; i < ps.length; i++) {
    const a = ps[i - 1]!;
    const b = ps[i]!;
    if (!(same(a.V, b.V) && same(a.B, b.B) && same(a.W, b.W) && same(a.U, b.U) && same(a.b, b.b))) k++;
  }
  return k;
}

/** ‖θ‖_{L∞} as max over pieces of the Euclidean norm of (V, B, W, U, b) (Frobenius on matrices). */
export function scheduleNorm(s: Schedule): number {
  let m = 0;
  for (const p of s.pieces) {
    if (p.duration <= 0) continue;
    const v = Math.sqrt([p.V, p.B, p.W, p.U, p.b].reduce((acc, M) => acc + frobenius(M) ** 2, 0));
    m = Math.max(m, v);
  }
  return m;
}

/** Total duration Σ τ_k. */
export function totalDuration(s: Schedule): number {
  return s.pieces.reduce((a, p) => a + p.duration, 0);
}
