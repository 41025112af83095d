/** The one constructor of registered properties: a property is declared against its claim record. */
import type { Claim } from '../theorems/types.js';
import type { ClaimProperty, PropertySpec } from './types.js';

/**
 * The property of `claim`. This is the one place where the input type is erased: the runner only ever passes a
 * property's `run` and `describe` what its own `arbitrary` or `examples` produced.
 */
export function defineProperty<I>(claim: Claim, spec: PropertySpec<I>): ClaimProperty {
  return { ...(spec as PropertySpec<unknown>), claim, claimId: claim.id };
}
