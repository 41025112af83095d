/**
 * The state the interpolation construction tracks: one token cloud per measure, advanced with the very RK4
 * integrator a replay of the schedule uses (GRR arXiv 2411.04551, spec §3), so durations read off it hold.
 */
import type { ParameterPiece } from '../../capabilities/interpolator.js';
import { evolvePiece } from '../interpolation-model.js';

/** One row-major [n_k, d] cloud per measure. */
export type State = Float64Array[];

/** Every cloud of `state` evolved through the piece `p` with step h. */
export function advance(state: State, d: number, p: ParameterPiece, h: number): State {
  return state.map((x) => evolvePiece(x, x.length / d, d, p, h));
}

/** All tokens of all clouds as one row-major [n, d] array. */
export function allTokens(state: State, d: number): { x: Float64Array; n: number } {
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

/**
 * Advance `state` through a piece of unknown duration until `done(state)` (chunks of `chunk`, at most
 * `cap` time units), then re-integrate once from the start so the tracked state equals a replay's.
 */
export function runUntil(
  state: State,
  d: number,
  make: (duration: number) => ParameterPiece,
  done: (s: State) => boolean,
  h: number,
  chunk: number,
  cap: number,
): { duration: number; state: State } {
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
