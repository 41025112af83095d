/**
 * The interpolation mutants (impl/mutants/interpolation.ts) are rejected by their first expected killer, on the
 * quantity that encodes the bug (tests/mutants.test.ts checks the whole catalogue; this pins the reason).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MUTANTS } from '../../impl/mutants/index.js';
import { assertRejected, runClaimForTest } from '../helpers.js';

const EXPECTED: Record<string, RegExp> = {
  'interpolation.gate-sign-printed': /W\(Ux\+b\)_\+|gated-off|outside 𝓑₀|B\(z₀, R−δ\)/,
  'interpolation.schedule-not-shared': /replayed alone vs joint/,
  'interpolation.disentangle-without-attention': /bystander copy|images of the shared token|d_g\(image, a₀\)/,
  'interpolation.pieces-reversed': /d_g\(x, ω_k\)\/r_k|predicted tokens outside 𝓑_K|μ\(T, 𝓑_K\)/,
};

test('mutant interpolation.gate-sign-printed is rejected by the Lemma B.1 chain claim on the chain quantities', async () => {
  const m = MUTANTS.find((x) => x.id === 'interpolation.gate-sign-printed')!;
  const r = await runClaimForTest('interpolation.ball-chain', { impl: m.build() });
  assertRejected(r);
  const failing = (r.counterexample?.failing ?? []).map((f) => f.quantity).join(' | ');
  assert.match(failing, /off ⋃𝓑_k|d_g\(x, ω_k\)\/r_k|predicted tokens outside 𝓑_K|μ\(T, 𝓑_K\)/);
});

for (const [id, reason] of Object.entries(EXPECTED)) {
  test(`mutant ${id} is rejected for the planted reason`, async () => {
    const m = MUTANTS.find((x) => x.id === id);
    assert.ok(m, `mutant ${id} is not catalogued`);
    const r = await runClaimForTest(m.expectedKillers[0]!, { impl: m.build() });
    assertRejected(r);
    const failing = (r.counterexample?.failing ?? []).map((f) => f.quantity).join(' | ');
    assert.ok(reason.test(failing) || reason.test(r.reason), `${id}: rejected for another reason: ${r.reason}`);
  });
}

test.run();
