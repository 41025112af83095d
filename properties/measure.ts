/**
 * Shared checkers: every comparison of a measured quantity with its theoretical value goes through
 * {@link measure}, so the pass rule (and its NaN handling) is written once.
 */
import type { Measurement, Relation } from './types.js';

/**
 * Compare `measured` with `bound` under `relation`, allowing `tolerance`:
 *   '<=': measured ≤ bound + tol;  '>=': measured ≥ bound − tol;  '==': |measured − bound| ≤ tol.
 * NaN anywhere fails: a broken implementation must not pass by producing NaN.
 */
export function measure(
  instance: number,
  quantity: string,
  measured: number,
  relation: Relation,
  bound: number,
  tolerance: number,
): Measurement {
  let pass: boolean;
  if (Number.isNaN(measured) || Number.isNaN(bound) || Number.isNaN(tolerance)) pass = false;
  else if (relation === '<=') pass = measured <= bound + tolerance;
  else if (relation === '>=') pass = measured >= bound - tolerance;
  else pass = Math.abs(measured - bound) <= tolerance || measured === bound;
  return { instance, quantity, measured, relation, bound, tolerance, pass };
}
