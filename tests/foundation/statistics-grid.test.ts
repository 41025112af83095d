/**
 * The distribution functions from @stdlib agree with the hand-written continued-fraction and bisection code the
 * suite used before, on a grid of arguments (tests/fixtures/statistics-grid.json, written by that code).
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { clopperPearson, incompleteBeta, logGamma, studentTQuantile } from '../../properties/statistics.js';

const grid = JSON.parse(readFileSync(new URL('../fixtures/statistics-grid.json', import.meta.url), 'utf8')) as Record<
  string,
  number[][]
>;

/** Agreement to `rel` relative (or `abs` absolute near zero): the old bisections stopped at 1e-12. */
function close(actual: number, expected: number, rel: number, abs: number, what: string): void {
  const err = Math.abs(actual - expected);
  assert.ok(err <= Math.max(abs, rel * Math.abs(expected)), `${what}: ${actual} vs ${expected} (|Δ| ${err})`);
}

test('log Γ on the grid', () => {
  for (const [x, v] of grid['logGamma']!) close(logGamma(x!), v!, 1e-13, 1e-14, `logGamma(${x})`);
});

test('regularised incomplete beta on the grid', () => {
  for (const [x, a, b, v] of grid['incompleteBeta']!) {
    close(incompleteBeta(x!, a!, b!), v!, 1e-10, 1e-14, `I_${x}(${a}, ${b})`);
  }
});

test('Student t quantiles on the grid', () => {
  for (const [p, df, v] of grid['studentTQuantile']!) {
    if (p === 0.5) {
      // the median is 0 exactly; the old CDF used x = df/(df + t²), whose 1 − x ≈ t²/df is lost below the unit
      // roundoff u, so its bisection resolved t only to about √(df·u) there
      assert.is(studentTQuantile(p, df!), 0);
      assert.ok(Math.abs(v!) <= 2 * Math.sqrt(df! * 2 ** -53), `old median ${v} for df = ${df}`);
    } else close(studentTQuantile(p!, df!), v!, 1e-9, 1e-12, `t(${p}; ${df})`);
  }
});

test('Clopper–Pearson intervals on the grid', () => {
  assert.ok(grid['clopperPearson']!.length > 40);
  for (const [k, n, level, lo, hi] of grid['clopperPearson']!) {
    const [l, h] = clopperPearson(k!, n!, level);
    close(l, lo!, 1e-9, 1e-12, `CP lower (${k}/${n}, ${level})`);
    close(h, hi!, 1e-9, 1e-12, `CP upper (${k}/${n}, ${level})`);
  }
});

test.run();
