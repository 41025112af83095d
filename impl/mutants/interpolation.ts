/**
 * Measure-interpolation mutants (GRR arXiv 2411.04551): planted bugs in the float64 interpolator, built from
 * its hooks (impl/reference/interpolator.ts, interpolation-construction/) rather than copies.
 */
import { tfjsImplementation } from '../implementations.js';
import { piece } from '../reference/interpolation-model.js';
import { createReferenceInterpolator } from '../reference/interpolator.js';
import type { Mutant } from './index.js';

/**
 * "Each measure with its own drift" (the aquemy E6 experiment, spec §4.2 item 12 pitfall): the matching phase is
 * one placeholder piece in the returned schedule, and evolve secretly gives measure i the field P⊥_x(y_i)
 * (W𝟙 = y_i, b = 𝟙) there. Every measure reaches its own target when they are evolved together, but the
 * schedule is not a shared θ: a measure evolved alone (index 0) is sent to y_0.
 */
function perMeasureDrift(): Mutant {
  const NATURAL = 30;
  const own = new Map<string, Float64Array>();
  const build = () => ({
    ...tfjsImplementation(),
    name: 'interpolation.schedule-not-shared',
    interpolator: createReferenceInterpolator('interpolation.schedule-not-shared', {
      matchPhase: ({ d, targets }) => {
        const label = `match:per-measure#${own.size}`;
        own.set(label, targets.slice());
        return [piece(d, { duration: NATURAL, label })];
      },
      pieceFor: (p, i) => {
        const targets = p.label === undefined ? undefined : own.get(p.label);
        if (!targets) return p;
        // the piece may have been rescaled to [0, T]: keep the natural speed × (NATURAL / duration)
        const d = p.b.length;
        const c = NATURAL / p.duration;
        const k = i % (targets.length / d);
        const W = new Float64Array(d * d);
        for (let r = 0; r < d; r++) for (let q = 0; q < d; q++) W[r * d + q] = (c * targets[k * d + r]!) / d;
        return { ...p, W, b: new Float64Array(d).fill(1) };
      },
    }),
  });
  return {
    id: 'interpolation.schedule-not-shared',
    description: 'matching phase gives each measure its own drift toward its own target (aquemy E6), not one shared θ',
    expectedKillers: ['interpolation.dirac-targets'],
    build,
  };
}

export const interpolationMutants: Mutant[] = [
  {
    id: 'interpolation.gate-sign-printed',
    description:
      'gate block with the printed Lemma B.2 sign U = −𝟙aᵀ, b = +τ𝟙: active outside the cap instead of inside',
    expectedKillers: ['interpolation.gate-exactness', 'interpolation.ball-chain', 'interpolation.dirac-targets'],
    build: () => ({
      ...tfjsImplementation(),
      name: 'interpolation.gate-sign-printed',
      interpolator: createReferenceInterpolator('interpolation.gate-sign-printed', { gateSign: -1 }),
    }),
  },
  perMeasureDrift(),
  {
    id: 'interpolation.disentangle-without-attention',
    description: 'Ψ₁ of Lemma 3.3 with V = 0: the disentangling phase is a linear continuity equation (eq. 1.7)',
    expectedKillers: ['interpolation.linear-obstruction', 'interpolation.disentanglement'],
    build: () => ({
      ...tfjsImplementation(),
      name: 'interpolation.disentangle-without-attention',
      interpolator: createReferenceInterpolator('interpolation.disentangle-without-attention', {
        disentangleAttention: false,
      }),
    }),
  },
  {
    id: 'interpolation.pieces-reversed',
    description:
      'evolve composes the pieces last to first (φ₁∘…∘φ_K instead of φ_K∘…∘φ₁); forward + reversed schedules still cancel',
    expectedKillers: ['interpolation.ball-chain', 'interpolation.dirac-targets'],
    build: () => {
      const inner = createReferenceInterpolator('interpolation.pieces-reversed');
      return {
        ...tfjsImplementation(),
        name: 'interpolation.pieces-reversed',
        interpolator: {
          ...inner,
          evolve: (family, schedule, options) =>
            inner.evolve(family, { ...schedule, pieces: [...schedule.pieces].reverse() }, options),
        },
      };
    },
  },
];
