/**
 * The example adapters through the claims: POT through every sinkhorn.* claim, the PyTorch adapter
 * through at least one claim of each capability it implements. POT 0.8.2's `sinkhorn_stabilized` and
 * `sinkhorn` may fail the claims that request those domains (README, "Python implementations").
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadPythonImplementation } from '../../impl/python/implementation.js';
import { CLAIMS } from '../../theorems/index.js';
import { runClaimForTest } from '../helpers.js';
import { PYTHON, skipUnlessPython } from './python-env.js';

const ROOT = new URL('../../', import.meta.url).pathname;
/** The claims that request only the log domain (`sinkhorn_log`): POT must pass them. */
const LOG_ONLY = [
  'sinkhorn.birkhoff-contraction',
  'sinkhorn.franklin-lorenz-rate',
  'sinkhorn.hilbert-identity',
  'sinkhorn.tv-hilbert-bound',
];

if (!skipUnlessPython('the POT adapter test', 'ot')) {
  test('POT 0.8.2 through the sinkhorn.* claims', async () => {
    const impl = await loadPythonImplementation(`${ROOT}examples/pot_sinkhorn.py`, { python: PYTHON });
    for (const claim of CLAIMS.filter((c) => c.id.startsWith('sinkhorn.'))) {
      const r = await runClaimForTest(claim.id, { impl, numRuns: 3, endOnFailure: true });
      if (LOG_ONLY.includes(claim.id)) assert.is(r.status, 'verified', `${claim.id}: ${r.reason}`);
      else if (r.status !== 'verified') {
        // the claims that also request the stabilised and kernel domains meet POT's failures there (README)
        assert.ok(r.status === 'violated' || r.status === 'error', `${claim.id}: ${r.status} ${r.reason}`);
        assert.match(r.reason, /stabili[sz]ed|kernel|numerical errors/i, r.reason);
      }
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
