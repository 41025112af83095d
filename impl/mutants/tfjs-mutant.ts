/** The shape every mutant of the catalogue shares: the tfjs implementation with some capabilities replaced. */
import type { Implementation } from '../capabilities/index.js';
import { tfjsImplementation } from '../implementations.js';
import type { Mutant } from './index.js';

/**
 * A mutant named `id` whose implementation is the correct tfjs one with the capabilities `replaced(id)`
 * returns in place of the correct ones (built afresh at every `build`).
 */
export function tfjsMutant(
  id: string,
  description: string,
  expectedKillers: readonly string[],
  replaced: () => Partial<Implementation>,
): Mutant {
  return { id, description, expectedKillers, build: () => ({ ...tfjsImplementation(), name: id, ...replaced() }) };
}
