/**
 * transformer-ot-verify: the package entry point. Plug-in authors import the capability types from here
 * (API version CAPABILITY_API_VERSION); tools embedding the suite import the registry, the runner and the
 * report writer.
 */
export { CAPABILITY_API_VERSION, missingCapability } from './impl/capabilities/index.js';
export type * from './impl/capabilities/index.js';
export type {
  SinkhornBatch,
  SinkhornDomain,
  SinkhornOptions,
  SinkhornSolver,
  SinkhornTrace,
} from './impl/capabilities/sinkhorn.js';
export { CLAIMS, claimById } from './theorems/index.js';
export type { Claim, ClaimKind, ClaimRole, SourceRef, SourceTag } from './theorems/index.js';
export { PROPERTIES, propertyFor } from './properties/index.js';
export type { ClaimProperty, Measurement, BatchOutcome, Status } from './properties/types.js';
export { runClaim, type ClaimResult } from './properties/runner/run-claim.js';
export type { RunOptions } from './properties/runner/options.js';
export { initBackend, type BackendInfo } from './impl/backend.js';
export { tfjsImplementation, referenceImplementation } from './impl/implementations.js';
export { MUTANTS, type Mutant } from './impl/mutants/index.js';
export { InputError, NumericalError, UsageError } from './impl/errors.js';
