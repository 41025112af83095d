/**
 * Direction choices of the interpolation construction (GRR arXiv 2411.04551, spec §3): orthonormal complements
 * and a fixed candidate set of unit vectors searched for the best margin.
 */
import { rowDot } from '../numeric.js';
import { lcg32 } from '../prng.js';
import { unit } from '../sphere-geometry.js';

/** Seed of the candidate-direction stream: fixed, so the construction is a function of its input alone. */
const CANDIDATE_SEED = 0x2545f491;

/** v − Σ_e ⟨v, e⟩ e over the orthonormal `basis`, in place (modified Gram–Schmidt: each e acts on the updated v). */
export function projectOut(v: Float64Array, basis: readonly Float64Array[], d: number): void {
  for (const e of basis) {
    const c = rowDot(v, 0, e, 0, d);
    for (let r = 0; r < d; r++) v[r] = v[r]! - c * e[r]!;
  }
}

/** v/|v|, or undefined when |v| ≤ 1e-8 (a direction too dependent to keep). */
export function unitOrDrop(v: Float64Array): Float64Array | undefined {
  const nrm = Math.hypot(...v);
  return nrm > 1e-8 ? v.map((x) => x / nrm) : undefined;
}

/** An orthonormal basis of a^⊥ (Gram–Schmidt on e₁..e_d, dropping the most dependent one). */
export function orthonormalComplement(a: ArrayLike<number>, d: number): Float64Array[] {
  const basis: Float64Array[] = [unit(a)];
  const order = [...Array(d).keys()].sort((p, q) => Math.abs(a[p]!) - Math.abs(a[q]!));
  for (const k of order) {
    if (basis.length === d) break;
    const v = new Float64Array(d);
    v[k] = 1;
    projectOut(v, basis, d);
    const e = unitOrDrop(v);
    if (e) basis.push(e);
  }
  return basis.slice(1);
}

/** ±e_k, then `count` deterministic pseudo-random unit vectors (LCG + Box–Muller): candidate directions. */
export function candidateDirections(d: number, count: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let k = 0; k < d; k++) {
    const e = new Float64Array(d);
    e[k] = 1;
    out.push(
      e,
      e.map((x) => -x),
    );
  }
  const rnd = lcg32(CANDIDATE_SEED);
  for (let c = 0; c < count; c++) {
    const g = Float64Array.from({ length: d }, () => Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd()));
    out.push(unit(g));
  }
  return out;
}
