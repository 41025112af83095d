/** The implementation's capability a property needs (the runner skips implementations without it first). */
import type { CapabilityName, Implementation } from '../impl/capabilities/index.js';
import type { PropertyContext } from './types.js';

/** The named capability of the implementation under test; a clear error when it is missing. */
export function capabilityOf<K extends CapabilityName>(ctx: PropertyContext, name: K): NonNullable<Implementation[K]> {
  const c = ctx.impl[name];
  if (c === undefined || c === null) throw new Error(`implementation '${ctx.impl.name}' has no ${name} capability`);
  return c;
}
