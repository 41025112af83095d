/**
 * Capability interfaces of implementations under test (DESIGN.md, "Implementation under test").
 * An implementation is a bag of optional capabilities; a claim lists the capabilities it needs
 * and is skipped, with the reason in the report, when the implementation lacks one.
 */
import type { SinkhornSolver } from './sinkhorn.js';
import type { Interpolator } from './interpolator.js';
import type { SphereDynamics } from './sphere-dynamics.js';
import type { OTTransformer } from './ot-transformer.js';
import type { SBAttention } from './sb-attention.js';

export type { SinkhornBatch, SinkhornDomain, SinkhornOptions, SinkhornSolver, SinkhornTrace } from './sinkhorn.js';
export type {
  Construction, ConstructOptions, EvolveOptions, EvolveResult, Interpolator, MatchOptions, MeasureFamily, ParameterPiece,
  PerceptronBlock, Phase, PhaseName, Schedule,
} from './interpolator.js';
export type {
  AttentionNormalization, EnergyNormalization, SimulateOptions, SphereBatch, SphereDynamics, SphereIntegrator, SphereTrajectory,
} from './sphere-dynamics.js';
export type { OTTransformer, OTTransformerBatch, OTTransformerOptions, OTTransformerTrace } from './ot-transformer.js';
export type {
  ParticleBatch, SBAttention, SBIterateOptions, SBPlan, SBSolveOptions, SBStepResult, SBTrajectory, SinkformerBatch, SinkformerOptions, SinkformerOutput,
} from './sb-attention.js';

/** Version of the plug-in interface; bumped on any breaking change of a capability. */
export const CAPABILITY_API_VERSION = 1;

export type CapabilityName = 'sinkhorn' | 'otTransformer' | 'sphereDynamics' | 'sbAttention' | 'interpolator';

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
export function missingCapability(impl: Implementation, required: readonly CapabilityName[]): CapabilityName | undefined {
  return required.find((c) => impl[c] === undefined || impl[c] === null);
}
