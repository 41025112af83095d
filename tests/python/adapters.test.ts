/**
 * The example adapters through the claims: POT through every sinkhorn.* claim, the PyTorch adapter
 * through at least one claim of each capability it implements. POT 0.8.2's `sinkhorn_stabilized` is
 * expected to fail the two claims that request the stabilised domain (README, "Python implementations").
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadPythonImplementation } from '../../impl/python/implementation.js';
import { CLAIMS } from '../../theorems/index.js';
import { runClaimForTest } from '../helpers.js';
import { PYTHON, skipUnlessPython } from './python-env.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const POT_FAILS = ['sinkhorn.one-step-is-softmax', 'sinkhorn.log-domain-small-eps'];

if (!skipUnlessPython('the POT adapter test', 'ot')) {
  test('POT 0.8.2 through the sinkhorn.* claims', async () => {
    const impl = await loadPythonImplementation(`${ROOT}examples/pot_sinkhorn.py`, { python: PYTHON });
    for (const claim of CLAIMS.filter((c) => c.id.startsWith('sinkhorn.'))) {
      // the stabilised failures need an absorption on the last iteration: more runs to meet one
      const numRuns = POT_FAILS.includes(claim.id) ? 12 : 3;
      const r = await runClaimForTest(claim.id, { impl, numRuns, endOnFailure: true });
      if (POT_FAILS.includes(claim.id)) {
        assert.ok(r.status === 'violated' || r.status === 'error', `${claim.id}: ${r.status} ${r.reason}`);
        assert.match(r.reason, /stabili[sz]ed|kernel|numerical errors/i, r.reason);
      } else assert.is(r.status, 'verified', `${claim.id}: ${r.reason}`);
    }
    impl.close();
  });
}

if (!skipUnlessPython('the PyTorch adapter test', 'torch')) {
  test('the PyTorch adapter: one claim of each capability it implements', async () => {
    const impl = await loadPythonImplementation(`${ROOT}examples/torch_attention.py`, { python: PYTHON });
    const claims = [
      'sinkhorn.plan-matches-reference',
      'energy.extremizers',
      'dynamics.integrator-consistency',
      'heat.mean-conservation',
    ];
    for (const id of claims) {
      const r = await runClaimForTest(id, { impl, numRuns: 2 });
      assert.is(r.status, 'verified', `${id}: ${r.reason}`);
    }
    impl.close();
  });
}

test.run();
