/** The series and figures of the fixture report: every figure type, with empty, non-finite and unknown data. */
import type { Series } from '../../properties/types.js';

const geometric = (r: number, n: number, c = 1): Array<[number, number]> =>
  Array.from({ length: n }, (_, l) => [l, c * r ** l]);

/** Convergence of three instances: two measured curves (one ending in 0) and a theory curve. */
export const convergenceSeries: Series[] = [
  {
    name: 'd_H(v_ℓ, v*) — n=2, ε=1',
    x: 'iteration ℓ',
    y: 'd_H',
    points: geometric(0.4, 12),
    role: 'measured',
    logY: true,
    group: 'convergence',
  },
  {
    name: 'κ^{2ℓ}·d_H(v_0, v*) — n=2, ε=1',
    x: 'iteration ℓ',
    y: 'd_H',
    points: geometric(0.5, 12),
    role: 'theory',
    logY: true,
    group: 'convergence',
  },
  {
    name: 'd_H(v_ℓ, v*) — n=4, ε=0.5',
    x: 'iteration ℓ',
    y: 'd_H',
    points: [...geometric(0.7, 20, 2), [20, 0]],
    role: 'measured',
    logY: true,
    group: 'convergence',
  },
];

/** Γ∞-like curve and a logistic P(t, β) around it. */
export function phaseFigure(): Record<string, unknown> {
  const ts = Array.from({ length: 31 }, (_, k) => k * 0.5);
  const betas = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  const tStar = (b: number): number => 1 + 0.9 * b;
  const cells = betas.flatMap((b) => ts.map((t) => ({ x: t, y: b, value: 1 / (1 + Math.exp(-3 * (t - tStar(b)))) })));
  return {
    type: 'phase-diagram',
    x: 'time t',
    y: 'β',
    value: 'P(⟨x₁,x₂⟩ ≥ 1−δ)',
    cells,
    curve: { name: 'Γ∞ from (6.9)', points: betas.map((b) => [tStar(b), b]) },
    measured: { name: '0.5-crossing', points: betas.map((b) => [tStar(b) + 0.1, b]) },
    caption: 'The estimate should switch from 0 to 1 across the red curve.',
  };
}

/** The figures of the heat claim: a log–log fit, a convergence curve against theory, and an unknown type. */
export function heatFigures(): Record<string, unknown> {
  return {
    w2: {
      type: 'loglog-fit',
      x: 'ε',
      y: 'W2(SB^n_ε ρ₀, ρ(nε))',
      points: [
        [0.05, 0.04],
        [0.1, 0.09],
        [0.2, 0.15],
        [0.4, 0.33],
      ],
      slope: 0.96,
      intercept: Math.log(0.8),
      ci95: [0.8, 1.1],
      theorySlope: 1,
    },
    variance: {
      type: 'convergence',
      x: 'iterate k',
      y: 'variance',
      logY: false,
      curves: [
        {
          name: 'measured',
          points: [
            [0, 1],
            [1, 1.1],
            [2, 1.2],
          ],
        },
        {
          name: 'σ² + t',
          role: 'theory',
          points: [
            [0, 1],
            [1, 1.1],
            [2, 1.2],
          ],
        },
      ],
    },
    broken: { type: 'sparkle', x: 'a', y: 'b' },
  };
}
