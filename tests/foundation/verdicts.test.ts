/**
 * A verdict you can trust, as a hostile user sees it: a hanging plug-in ends in error with a report and
 * a non-zero exit; a bad --out, a plug-in that does not load, a bad --seed are usage errors (exit 2)
 * answered at once; the exit policy counts inconclusive claims as not verified.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Report } from '../../reports/schema.js';
import { exitCodeOf } from '../../scripts/lib/exit-code.js';
import { cliSync, tmpOut } from '../cli-run.js';

const NEVER = 'tests/fixtures/plugins/never-settles.mjs';
const TWO = 'sinkhorn.hilbert-identity,sinkhorn.one-step-is-softmax';
const readReport = (out: string): Report => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;

/** What a CLI start costs here (loaded machine): the bound on a usage error is measured above it. */
const startup = (() => {
  let ms = Infinity;
  for (let k = 0; k < 2; k++) ms = Math.min(ms, cliSync(['--help']).ms);
  return ms;
})();

test('a plug-in whose solve never settles: every claim error, exit 1 within the call timeout, report written', () => {
  const out = tmpOut();
  const r = cliSync(['verify', '--impl', NEVER, '--claims', TWO, '--call-timeout', '1', '--out', out, '--quiet']);
  assert.is(r.code, 1, r.stdout + r.stderr);
  const report = readReport(out);
  // the claims' own time: two timeouts of 1 s each plus the float64 oracles, not the backend start
  assert.ok(report.summary.durationMs < 2 * 1000 + 1500, `claims took ${report.summary.durationMs} ms`);
  assert.is(report.interrupted, false);
  assert.is(report.entries.length, 2);
  for (const e of report.entries) {
    assert.is(e.result.status, 'error');
    assert.match(e.result.reason, /sinkhorn\.solve did not settle within the per-call timeout of 1 s/);
    assert.ok(e.result.durationMs < 1500, `${e.claim.id} took ${e.result.durationMs} ms`);
    assert.match(e.result.replay, /--call-timeout 1 --replay -?\d+:0$/);
  }
  assert.match(r.stdout, /2 claims: 0 verified, 0 violated, 0 inconclusive, 2 errors/);
});

test('with --time-budget the call in flight is cut at the claim budget: error, not a silent pass', () => {
  const out = tmpOut();
  const r = cliSync(['verify', '--impl', NEVER, '--claims', TWO, '--time-budget', '2', '--out', out, '--quiet']);
  assert.is(r.code, 1, r.stdout + r.stderr);
  const report = readReport(out);
  assert.equal(
    report.entries.map((e) => e.result.status),
    ['error', 'error'],
  );
  assert.match(report.entries[0]!.result.reason, /sinkhorn\.solve did not settle within the claim's time budget/);
  assert.ok(report.summary.durationMs < 4000, `${report.summary.durationMs} ms`);
});

test('a plug-in that calls process.exit(0) mid-run ends only its worker thread: each claim errors, exit 1', () => {
  const out = tmpOut();
  const plugin = 'tests/fixtures/plugins/exits-mid-run.mjs';
  const r = cliSync(['verify', '--impl', plugin, '--claims', TWO, '--out', out, '--quiet']);
  assert.is(r.code, 1, r.stdout + r.stderr);
  const report = readReport(out);
  assert.is(report.interrupted, false);
  assert.equal(
    report.entries.map((e) => e.result.status),
    ['error', 'error'],
  );
  for (const e of report.entries) assert.match(e.result.reason, /worker thread died: the thread exited with code 0/);
});

test('a bad --out is exit 2 with a named error, at once and before any claim runs', () => {
  const dir = tmpOut();
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');
  for (const [out, msg] of [
    ['/proc/x', /'--out \/proc\/x' is under \/proc/],
    ['/sys/kernel/x', /is under \/sys/],
    [join(file, 'x'), /lies under '.*a-file', which is a file/],
    [file, /is a file, not a directory/],
  ] as Array<[string, RegExp]>) {
    const r = cliSync(['verify', '--claims', 'sinkhorn.hilbert-identity', '--out', out]);
    assert.is(r.code, 2, `${out}: ${r.stderr}`);
    assert.match(r.stderr, msg);
    const beyond = Math.round(r.ms - startup);
    assert.ok(beyond < 1000, `${out}: ${beyond} ms beyond the ${Math.round(startup)} ms start`);
    assert.not.match(r.stderr, /internal error|\n\s+at /);
  }
  assert.not.ok(existsSync(join(file, 'x')));
});

test('a plug-in that throws while imported, or does not parse, is exit 2 naming its file', () => {
  const a = cliSync(['verify', '--impl', 'tests/fixtures/plugins/throws-at-import.mjs', '--out', tmpOut()]);
  assert.is(a.code, 2, a.stderr);
  assert.match(a.stderr, /plug-in 'tests\/fixtures\/plugins\/throws-at-import\.mjs': failed while being imported: /);
  assert.match(a.stderr, /Error: weights\.bin not found/);
  assert.match(a.stderr, /throws-at-import\.mjs:3/);
  const b = cliSync(['verify', '--impl', 'tests/fixtures/plugins/syntax-error.mjs', '--out', tmpOut()]);
  assert.is(b.code, 2, b.stderr);
  assert.match(b.stderr, /plug-in 'tests\/fixtures\/plugins\/syntax-error\.mjs': failed while being imported: /);
  assert.match(b.stderr, /SyntaxError: .*syntax-error\.mjs:4/);
  for (const r of [a, b]) assert.not.match(r.stderr, /internal error|\n\s+at /);
});

test('--seed must be a 32-bit integer (fast-check rescales others); other numeric options checked', () => {
  for (const [args, msg] of [
    [['--seed', '1.5'], /'--seed' must be an integer from -2147483648 to 2147483647, got 1\.5/],
    [['--seed', String(2 ** 40)], /'--seed' must be an integer/],
    [['--seed', 'NaN'], /'--seed' needs a number/],
    [['--runs', '2.5'], /'--runs' must be an integer/],
    [['--call-timeout', '-1'], /'--call-timeout' must be a number of seconds > 0/],
    [['--time-budget', '0'], /'--time-budget' must be a number of seconds > 0/],
    [['--replay', '99999999999:0'], /'--replay' must be an integer/],
    [['--strict', '--allow-inconclusive'], /contradict/],
  ] as Array<[string[], RegExp]>) {
    const r = cliSync(['verify', '--claims', 'sinkhorn.hilbert-identity', ...args, '--out', tmpOut()]);
    assert.is(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, msg);
  }
  const out = tmpOut();
  const seedArgs = ['--seed', '-2147483648', '--runs', '1'];
  const ok = cliSync(['verify', '--claims', 'sinkhorn.hilbert-identity', ...seedArgs, '--out', out, '--quiet']);
  assert.is(ok.code, 0, ok.stderr);
  const r = readReport(out).entries[0]!.result;
  assert.is(r.seed, -2147483648);
  assert.match(r.replay, /--seed -2147483648$/);
});

test('exit policy: 0 only for a finished run whose asserted claims are verified or skipped', () => {
  const base = { interrupted: false, notReached: [] as string[] };
  const summary = {
    claims: 3,
    verified: 2,
    violated: 0,
    inconclusive: 0,
    error: 0,
    skipped: 1,
    reported: 0,
    instances: 9,
    durationMs: 1,
  };
  const r = (s: Partial<typeof summary>, extra: Partial<Report> = {}): Report =>
    ({ ...base, ...extra, summary: { ...summary, ...s } }) as unknown as Report;
  assert.is(exitCodeOf(r({})), 0);
  assert.is(exitCodeOf(r({}), { strict: true }), 1, '--strict fails on skipped');
  assert.is(exitCodeOf(r({ inconclusive: 1 })), 1, 'inconclusive is not verified');
  assert.is(exitCodeOf(r({ inconclusive: 1 }), { allowInconclusive: true }), 0);
  assert.is(exitCodeOf(r({ error: 1 }), { allowInconclusive: true }), 1);
  assert.is(exitCodeOf(r({}, { interrupted: true })), 1);
  assert.is(exitCodeOf(r({}, { notReached: ['a'] })), 1);
});

test.run();
