/**
 * The tarball path: npm pack → install in an empty directory → npx transformer-ot-verify verify with the worked
 * example plug-in, a plain .mjs import on this Node, and a TypeScript consumer type-checked against the packed .d.ts. Needs the npm registry for the dependencies, so it runs in CI (CI=true) or with
 * PACK_SMOKE=1, and is left out of offline local runs.
 */
import { spawnSync } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

if (process.env['CI'] === 'true' || process.env['PACK_SMOKE'] === '1') {
  test('npm pack → install in an empty directory → npx verify with the example plug-in', () => {
    const r = spawnSync('bash', ['scripts/pack-smoke.sh'], {
      cwd: new URL('../../', import.meta.url).pathname,
      encoding: 'utf8',
      timeout: 300_000,
    });
    assert.is(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /7 claims: 7 verified|claims: \d+ verified, 0 violated/);
    assert.match(r.stdout, /import: \d+ claims, capability API \d+/);
    assert.match(r.stdout, /consumer: SinkhornSolver type-checks/);
    assert.match(r.stdout, /pack-smoke: ok/);
  });
}

test.run();
