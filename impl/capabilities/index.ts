/**
 * Capability interfaces of implementations under test (DESIGN.md, "Implementation under test").
 * An implementation is a bag of optional capabilities; a claim lists the capabilities it needs
 * and is skipped, with the reason in the report, when the implementation lacks one.
 */
import type { SinkhornSolver } from './sinkhorn.js';

export type { SinkhornBatch, SinkhornDomain, SinkhornOptions, SinkhornSolver, SinkhornTrace } from './sinkhorn.js';

/** Version of the plug-in interface; bumped on any breaking change of a capability. */
export const CAPABILITY_API_VERSION = 1;

export type CapabilityName = 'sinkhorn' | 'otTransformer' | 'sphereDynamics' | 'sbAttention' | 'interpolator';

export interface Implementation {
  /** Short name shown in reports ("tfjs", "reference", a mutant id, a plug-in file). */
  readonly name: string;
  readonly description?: string;
  readonly sinkhorn?: SinkhornSolver;
  // Further capabilities (otTransformer, sphereDynamics, sbAttention, interpolator) are added
  // by their claim families; see impl/capabilities/*.ts.
  readonly [capability: string]: unknown;
}

/** The capability an implementation lacks among those required, or undefined when it has them all. */
export function missingCapability(impl: Implementation, required: readonly CapabilityName[]): CapabilityName | undefined {
  return required.find((c) => impl[c] === undefined || impl[c] === null);
}
