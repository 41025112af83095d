/**
 * Output rules of the Sinkhorn capability (impl/capabilities/sinkhorn.ts): the trace's shape is the
 * batch's, `stored` = L + 1 when recorded else 2, and the log scalings / log plan are finite except
 * −∞ exactly where the interface allows it: log u_i where a_i = 0, log v_j where b_j = 0, log P_ij
 * where a_i = 0 or b_j = 0 (Peyré & Cuturi 2019, eq. 4.15: u = a ⊘ Kv vanishes only with a).
 */
import type { SinkhornBatch, SinkhornOptions } from '../capabilities/sinkhorn.js';
import {
  assertRecord,
  batchSizeFields,
  equalNumberField,
  float64Field,
  optionalCountField,
  type OutputRule,
} from './fields.js';

/** Validate `solve(batch, options)`'s trace. */
function validateSolve(args: readonly unknown[], result: unknown): void {
  const [batch, options] = args as [SinkhornBatch, SinkhornOptions];
  const t = assertRecord('trace', result);
  const { B, n, m } = batch;
  const L = options.iterations;
  const stored = options.record ? L + 1 : 2;
  batchSizeFields(t, batch, ['B', 'n', 'm']);
  equalNumberField('iterations', t['iterations'], L, 'options.iterations');
  equalNumberField('stored', t['stored'], stored, options.record ? 'L + 1 (recorded)' : '2 (ℓ = 0 and ℓ = L)');
  const zeroA = (k: number): boolean => batch.a[Math.floor(k / (stored * n)) * n + (k % n)] === 0;
  const zeroB = (k: number): boolean => batch.b[Math.floor(k / (stored * m)) * m + (k % m)] === 0;
  float64Field('logU', t['logU'], { length: B * stored * n, formula: 'B·stored·n' }, zeroA);
  float64Field('logV', t['logV'], { length: B * stored * m, formula: 'B·stored·m' }, zeroB);
  float64Field('logPlan', t['logPlan'], { length: B * n * m, formula: 'B·n·m' }, (k) => {
    const b = Math.floor(k / (n * m));
    const i = Math.floor(k / m) % n;
    return batch.a[b * n + i] === 0 || batch.b[b * m + (k % m)] === 0;
  });
  optionalCountField('absorptions', t['absorptions']);
}

/** Validators of the Sinkhorn solver's methods, by method name. */
export const sinkhornOutputRules: Readonly<Record<string, OutputRule>> = { solve: validateSolve };
