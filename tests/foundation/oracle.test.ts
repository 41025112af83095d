/** Run-time oracle checks: exact plans pass, a perturbed oracle throws OracleError, the runner reports `error`. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { OracleError } from '../../impl/errors.js';
import { entropicPlan } from '../../impl/reference/entropic-plan.js';
import { tfjsImplementation } from '../../impl/implementations.js';
import { assertExactPlan, assertReferenceColumnStep } from '../../properties/oracle.js';
import { referencePlan } from '../../properties/sinkhorn/common.js';
import { planMatchesReferenceProperty } from '../../properties/sinkhorn/plan-matches-reference.js';
import { runClaim } from '../../properties/runner/run-claim.js';
import { claimById } from '../../theorems/index.js';
import { setupBackend } from '../helpers.js';

const problem = (mass: number, scale: number) => ({
  n: 3,
  m: 4,
  eps: 0.1,
  a: [0.2, 0.3, 0.5].map((x) => x * mass),
  b: [0.1, 0.4, 0.25, 0.25].map((x) => x * mass),
  C: [0.1, 0.9, 0.4, 0.3, 0.5, 0.2, 0.8, 0.6, 0.7, 0.3, 0.1, 0.2].map((c) => c * scale),
});

test('exact plans and reference iterates meet their stated accuracy (masses 0.01–100, C/ε up to 500)', () => {
  for (const mass of [0.01, 1, 100])
    for (const scale of [1, 50]) {
      const p = problem(mass, scale);
      const star = entropicPlan(p);
      assertExactPlan('P*', p, star.logPlan, star);
      referencePlan(p, 7);
    }
});

test('a perturbed oracle output throws an OracleError naming the oracle and the residual', () => {
  const p = problem(1, 1);
  const star = entropicPlan(p);
  const bad = Float64Array.from(star.logPlan);
  bad[5] = bad[5]! + 1e-6;
  assert.throws(
    () => assertExactPlan('P*', p, bad, star),
    (e: unknown) => e instanceof OracleError && /'P\*'.*marginal residual/.test((e as Error).message),
  );
  assert.throws(
    () => assertReferenceColumnStep('ref', p, bad, star),
    (e: unknown) => e instanceof OracleError,
  );
});

test('a claim whose oracle misses its accuracy ends in error (not verified), with the oracle named', async () => {
  const backend = await setupBackend();
  const broken = {
    ...planMatchesReferenceProperty,
    run: async () => {
      const p = problem(1, 1);
      const star = entropicPlan(p);
      assertExactPlan(
        'P*',
        p,
        star.logPlan.map((x) => x + 1e-3),
        star,
      );
      return { instances: 1, measurements: [] };
    },
  };
  const r = await runClaim(claimById('sinkhorn.plan-matches-reference'), broken as never, {
    impl: tfjsImplementation(),
    backend: backend.name,
    budget: 'quick',
    seed: 1,
    numRuns: 3,
  });
  assert.is(r.status, 'error');
  assert.match(r.reason, /oracle missed its stated accuracy/);
});

test.run();
