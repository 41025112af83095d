/**
 * The claim registry: one file per paper (or standard source), gathered here. Reports render the
 * statements from this registry, so each claim is written once.
 */
import type { Claim } from './types.js';
import { sinkhornClaims } from './sinkhorn-hilbert/index.js';
import { daneshmandClaims } from './daneshmand-2024/index.js';
import { interpolationClaims } from './geshkovski-rigollet-ruiz-balet-2024/index.js';
import { geshkovskiClaims } from './geshkovski-2023/index.js';
import { heatFlowClaims } from './heat-flow/index.js';

export type { Claim, ClaimKind, ClaimRole, SourceRef, SourceTag } from './types.js';

export const CLAIMS: readonly Claim[] = [
  ...sinkhornClaims,
  ...daneshmandClaims,
  ...geshkovskiClaims,
  ...interpolationClaims,
  ...heatFlowClaims,
];

/** The claim with this id; throws when unknown. */
export function claimById(id: string): Claim {
  const c = CLAIMS.find((x) => x.id === id);
  if (!c) throw new Error(`unknown claim '${id}'`);
  return c;
}
