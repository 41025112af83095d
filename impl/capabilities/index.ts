/**
 * Capability interfaces of implementations under test (docs/architecture.md, "Implementation under test").
 * An implementation is a bag of optional capabilities; a claim lists the capabilities it needs
 * and is skipped, with the reason in the report, when the implementation lacks one.
 *
 * Validation (impl/output-validation.ts, impl/*-input.ts): every entry point rejects a missing or malformed
 * argument — the options object included — with an InputError naming it; every result is checked before a
 * claim reads it, and a malformed one is an OutputError naming the field, expected and actual value. Arrays
 * must be the exact typed array declared (Float64Array, Int32Array): a plain number[] or a Float32Array is
 * rejected with the conversion to apply (the claims use typed-array methods on them). Lengths follow the
 * declared shapes from the call's arguments; entries are finite unless a field's doc says otherwise (NaN
 * never, except where a doc defines it). A float32 implementation given valid float64 input outside the
 * float32 range throws a NumericalError naming the argument and the limit (impl/float32-range.ts) rather
 * than returning NaN or ±∞.
 */
import type { SinkhornSolver } from './sinkhorn.js';
import type { Interpolator } from './interpolator.js';
import type { SphereDynamics } from './sphere-dynamics.js';
import type { OTTransformer } from './ot-transformer.js';
import type { SBAttention } from './sb-attention.js';

export type { ArithmeticName } from './arithmetic.js';
export type { SinkhornBatch, SinkhornDomain, SinkhornOptions, SinkhornSolver, SinkhornTrace } from './sinkhorn.js';
export type {
  Construction,
  ConstructOptions,
  EvolveOptions,
  EvolveResult,
  Interpolator,
  MatchOptions,
  MeasureFamily,
  ParameterPiece,
  PerceptronBlock,
  Phase,
  PhaseName,
  Schedule,
} from './interpolator.js';
export type {
  AttentionNormalization,
  EnergyNormalization,
  SimulateOptions,
  SphereBatch,
  SphereDynamics,
  SphereIntegrator,
  SphereTrajectory,
} from './sphere-dynamics.js';
export type { OTTransformer, OTTransformerBatch, OTTransformerOptions, OTTransformerTrace } from './ot-transformer.js';
export type {
  ParticleBatch,
  SBAttention,
  SBIterateOptions,
  SBPlan,
  SBSolveOptions,
  SBStepResult,
  SBTrajectory,
  SinkformerBatch,
  SinkformerOptions,
  SinkformerOutput,
} from './sb-attention.js';

/** Version of the plug-in interface; bumped on any breaking change of a capability. */
export const CAPABILITY_API_VERSION = 1;

/** Every capability an implementation may provide (the claims' `requires`). */
export const CAPABILITY_NAMES = ['sinkhorn', 'otTransformer', 'sphereDynamics', 'sbAttention', 'interpolator'] as const;

export type CapabilityName = (typeof CAPABILITY_NAMES)[number];

export interface Implementation {
  /** Short name shown in reports ("tfjs", "reference", a mutant id, a plug-in file). */
  readonly name: string;
  readonly description?: string;
  readonly sinkhorn?: SinkhornSolver;
  readonly sbAttention?: SBAttention;
  readonly interpolator?: Interpolator;
  readonly sphereDynamics?: SphereDynamics;
  readonly otTransformer?: OTTransformer;
  // One field per capability (impl/capabilities/*.ts); plug-ins may carry extra fields.
  readonly [capability: string]: unknown;
}

/** The capability an implementation lacks among those required, or undefined when it has them all. */
export function missingCapability(
  impl: Implementation,
  required: readonly CapabilityName[],
): CapabilityName | undefined {
  return required.find((c) => impl[c] === undefined || impl[c] === null);
}
