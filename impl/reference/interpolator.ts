/**
 * The float64 interpolator (capability impl/capabilities/interpolator.ts) for the measure-interpolation
 * claims of Geshkovski, Rigollet & Ruiz-Balet (arXiv 2411.04551): the model of eqs. 1.1–1.2 integrated with
 * RK4 + renormalisation (impl/reference/interpolation-model.ts) and the construction of Theorem 1.1
 * (impl/reference/interpolation-construction.ts). It is float64 plain TypeScript on purpose: the end-to-end
 * claim needs W2 ≤ 1e-4 after schedules of hundreds of natural time units with exact-hitting durations,
 * out of reach of float32 (unit roundoff 6e-8 amplified by the gather/ungather round trips).
 */
import type { Interpolator, MeasureFamily, ParameterPiece } from '../capabilities/interpolator.js';
import { InputError, NumericalError } from '../errors.js';
import {
  assertOnSphere,
  validateConstructInput,
  validateFamily,
  validateSchedule,
  validateStep,
  validateStepOptions,
} from '../interpolation-input.js';
import { assertDimension, assertFinite, assertOptions } from '../validate.js';
import {
  constructDirac,
  disentanglePieces,
  gateBlock,
  matchPieces,
  orthantPieces,
  type ConstructionHooks,
} from './interpolation-construction/index.js';
import { evolvePiece } from './interpolation-model.js';
import { normalizeRows } from './sphere.js';

export interface InterpolatorHooks extends ConstructionHooks {
  /** The piece measure i actually sees (the correct implementation: the shared piece itself). */
  readonly pieceFor?: (p: ParameterPiece, measureIndex: number) => ParameterPiece;
}

function normalized(family: MeasureFamily): Float64Array[] {
  return family.clouds.map((x) => normalizeRows(x, x.length / family.d, family.d));
}

/** The float64 reference interpolator; `hooks` plant the mutants' bugs. */
export function createReferenceInterpolator(
  name = 'reference-interpolator',
  hooks: InterpolatorHooks = {},
): Interpolator {
  return {
    name,
    precision: 'float64',
    async evolve(family, schedule, options) {
      validateFamily(family);
      validateSchedule(schedule, family.d);
      const h = validateStepOptions(options, '{step?, record?}');
      const d = family.d;
      const boundaries: Float64Array[][] | undefined = options?.record ? schedule.pieces.map(() => []) : undefined;
      const final = normalized(family).map((x0, i) => {
        let x = x0;
        schedule.pieces.forEach((p, k) => {
          x = evolvePiece(x, x.length / d, d, hooks.pieceFor ? hooks.pieceFor(p, i) : p, h);
          boundaries?.[k]!.push(x);
        });
        return x;
      });
      return boundaries ? { final, boundaries } : { final };
    },
    gate(d, a, tau, z) {
      assertDimension('d', d, 2);
      assertFinite('a', a);
      if (a.length !== d) throw new InputError('a', `must have length d = ${d}`);
      assertFinite('tau', [tau]);
      assertFinite('z', z);
      if (z.length !== d) throw new InputError('z', `must have length d = ${d}`);
      return gateBlock(d, a, tau, z, hooks.gateSign ?? 1);
    },
    async toOrthant(family, options) {
      validateFamily(family);
      const h = validateStepOptions(options);
      return { d: family.d, pieces: orthantPieces(normalized(family), family.d, h).pieces };
    },
    async disentangle(family, options) {
      validateFamily(family, 3);
      const h = validateStepOptions(options);
      for (const x of family.clouds)
        for (const v of x)
          if (!(v > 0))
            throw new InputError(
              'clouds',
              'Prop 3.1 needs every token in the open positive orthant (use toOrthant first)',
            );
      return { d: family.d, pieces: disentanglePieces(normalized(family), family.d, h, hooks).pieces };
    },
    async matchPoints(d, points, targets, options) {
      assertDimension('d', d, 3);
      assertOnSphere('points', points, d);
      assertOnSphere('targets', targets, d);
      if (points.length !== targets.length || points.length === 0)
        throw new InputError('targets', `expected ${points.length / d} targets, got ${targets.length / d}`);
      const h = validateStepOptions(options, '{clusterRadius?, step?}');
      const M = points.length / d;
      const groups = [...Array(M).keys()].map((i) => points.slice(i * d, (i + 1) * d));
      const m = matchPieces(d, points.slice(), targets, groups, h, hooks);
      return { d, pieces: m.pieces };
    },
    async construct(family, targets, options) {
      assertOptions(options, '{T, eps, step?}');
      validateConstructInput(family, targets, options.T, options.eps);
      const h = validateStep(options.step);
      try {
        return constructDirac({ d: family.d, clouds: normalized(family) }, targets, options.T, options.eps, h, hooks);
      } catch (e) {
        if (e instanceof NumericalError && /colinear/.test(e.message)) throw new InputError('clouds', e.message);
        throw e;
      }
    },
  };
}
