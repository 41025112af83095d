/**
 * Shrinking of the OT-transformer batches: a failing depth claim (the weights of instance 0 used for the whole
 * batch) ends violated at the CI budget within a minute, and its shrunk counterexample keeps the bug visible:
 * two instances with different λ, far over the bound + tolerance.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MUTANTS } from '../../impl/mutants/index.js';
import { runClaimForTest } from '../helpers.js';

test('a failing depth claim shrinks in under a minute to an informative counterexample', async () => {
  const m = MUTANTS.find((x) => x.id === 'ot-transformer.first-lambda-for-batch')!;
  const t0 = Date.now();
  const r = await runClaimForTest('ot-transformer.depth-convergence', { impl: m.build(), budget: 'ci' });
  const seconds = (Date.now() - t0) / 1000;
  assert.is(r.status, 'violated', r.reason);
  assert.ok(seconds < 60, `took ${seconds} s`);
  const input = r.counterexample!.input as { B: number; lambda: number[] };
  assert.ok(input.B >= 2 && new Set(input.lambda).size >= 2, `shrunk to ${JSON.stringify(input.lambda)}`);
  const excess = (f: { measured: number; bound: number; tolerance: number }): number =>
    (f.measured - f.bound) / Math.max(f.tolerance, 1e-300);
  const worst = Math.max(...r.counterexample!.failing.map(excess));
  assert.ok(worst > 100, `excess over the bound only ${worst}× the tolerance`);
});

test.run();
