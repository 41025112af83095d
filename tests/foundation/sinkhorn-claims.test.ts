/** Each sinkhorn.* claim at the CI budget, on the tfjs implementation and on the float64 reference. */
import { test } from 'uvu';
import { CLAIMS } from '../../theorems/index.js';
import { assertVerified, runClaimForTest } from '../helpers.js';

for (const claim of CLAIMS.filter((c) => c.family === 'sinkhorn')) {
  for (const impl of ['tfjs', 'reference'] as const) {
    test(`${claim.id} verified on ${impl}`, async () => {
      assertVerified(await runClaimForTest(claim.id, { impl }));
    });
  }
}

test.run();
