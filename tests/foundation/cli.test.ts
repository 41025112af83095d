/** The verify / report CLI as a user runs it: exit codes 0 / 1 / 2, the files written, and exact replay. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CLAIMS } from '../../theorems/index.js';
import type { Report } from '../../reports/schema.js';

/** The report.json a CLI run wrote. */
const readReport = (path: string): Report => JSON.parse(readFileSync(path, 'utf8')) as Report;

const ROOT = new URL('../../', import.meta.url).pathname;

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TFJS_BACKEND: 'wasm' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'tov-'));

test('verify writes report.json and report.md and exits 0 when every claim is verified', () => {
  const out = tmp();
  const r = cli([
    'verify',
    '--claims',
    'sinkhorn.one-step-is-softmax,sinkhorn.hilbert-identity',
    '--runs',
    '4',
    '--out',
    out,
    '--quiet',
  ]);
  assert.is(r.code, 0, r.stderr + r.stdout);
  assert.match(r.stdout, /PASS {2}sinkhorn\.one-step-is-softmax/);
  assert.match(r.stdout, /2 claims: 2 verified/);
  const report = readReport(join(out, 'report.json'));
  assert.is(report.schema, 'transformer-ot-verify/report');
  assert.is(report.entries.length, 2);
  assert.is(report.environment.backend, 'wasm');
  assert.ok(report.entries.every((e: { result: { instances: number } }) => e.result.instances > 0));
  const md = readFileSync(join(out, 'report.md'), 'utf8');
  assert.match(md, /## sinkhorn\.hilbert-identity/);
  assert.match(md, /### Measured vs theory/);
  assert.match(md, /### Input coverage/);
});

test('usage errors exit 2 with one clear line', () => {
  for (const [args, msg] of [
    [['verify', '--claims', 'nope.*'], /no claim matches 'nope\.\*'/],
    [['verify', '--bogus'], /unknown option '--bogus'/],
    [['verify', '--budget', 'huge'], /'--budget' must be quick, ci or thorough/],
    [
      ['verify', '--backend', 'tensorflow', '--claims', 'sinkhorn.hilbert-identity'],
      /backend 'tensorflow' is not available/,
    ],
    [['verify', '--replay', 'x:y', '--claims', 'sinkhorn.hilbert-identity'], /'--replay' must look like <seed>:<path>/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ] as Array<[string[], RegExp]>) {
    const r = cli(args);
    assert.is(r.code, 2, `${args.join(' ')}: exit ${r.code}`);
    assert.match(r.stderr, msg);
    assert.not.match(r.stderr, /at .*node_modules/, 'no stack trace');
  }
});

test('an injected failure exits 1, and the printed replay command reproduces it exactly', () => {
  const out = tmp();
  const r = cli([
    'verify',
    '--claims',
    'sinkhorn.one-step-is-softmax',
    '--impl',
    'sinkhorn.row-step-ignores-a',
    '--seed',
    '7',
    '--out',
    out,
    '--quiet',
  ]);
  assert.is(r.code, 1, r.stdout + r.stderr);
  const replay = /replay: npx transformer-ot-verify (verify .*)$/m.exec(r.stdout);
  assert.ok(replay, `no replay command in:\n${r.stdout}`);
  const first = readReport(join(out, 'report.json')).entries[0]!.result;
  assert.is(first.status, 'violated');
  const out2 = tmp();
  const again = cli([...replay[1]!.split(' '), '--out', out2, '--quiet']);
  assert.is(again.code, 1, again.stdout + again.stderr);
  const second = readReport(join(out2, 'report.json')).entries[0]!.result;
  assert.equal(second.counterexample!.input, first.counterexample!.input);
  assert.equal(second.counterexample!.failing, first.counterexample!.failing);
});

test('report re-renders a saved report.json; --list shows the registry', () => {
  const out = tmp();
  assert.is(cli(['verify', '--claims', 'sinkhorn.hilbert-identity', '--runs', '2', '--out', out, '--quiet']).code, 0);
  const out2 = tmp();
  const r = cli(['report', join(out, 'report.json'), '--out', out2]);
  assert.is(r.code, 0, r.stderr);
  assert.ok(existsSync(join(out2, 'report.md')));
  const list = cli(['verify', '--list']);
  assert.is(list.code, 0);
  assert.match(list.stdout, /sinkhorn\.franklin-lorenz-rate/);
});

test('--baseline: a claim verified before and violated now is a regression (exit 1); --shard slices deterministically', () => {
  const base = tmp();
  assert.is(
    cli(['verify', '--claims', 'sinkhorn.one-step-is-softmax', '--runs', '3', '--seed', '1', '--out', base, '--quiet'])
      .code,
    0,
  );
  const out = tmp();
  const r = cli([
    'verify',
    '--claims',
    'sinkhorn.one-step-is-softmax',
    '--impl',
    'sinkhorn.eps-inverted',
    '--seed',
    '1',
    '--baseline',
    join(base, 'report.json'),
    '--out',
    out,
    '--quiet',
  ]);
  assert.is(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /regression/i);
  const ids = (shard: string): string[] =>
    cli(['verify', '--claims', 'sinkhorn.*', '--shard', shard, '--runs', '1', '--out', tmp(), '--quiet'])
      .stdout.split('\n')
      .filter((l) => /^(PASS|FAIL|ERR |INC |SKIP|INFO)/.test(l))
      .map((l) => l.split(/\s+/)[1]!);
  const [a, b] = [ids('1/2'), ids('2/2')];
  assert.ok(a.length > 0 && b.length > 0);
  assert.equal([...a, ...b].sort(), [...new Set([...a, ...b])].sort(), 'shards overlap');
  assert.is(a.length + b.length, CLAIMS.filter((c) => c.id.startsWith('sinkhorn.')).length);
});

test('report --merge combines shard reports into one covering every claim', () => {
  const a = tmp();
  const b = tmp();
  assert.is(cli(['verify', '--claims', 'sinkhorn.*', '--shard', '1/2', '--runs', '1', '--out', a, '--quiet']).code, 0);
  assert.is(cli(['verify', '--claims', 'sinkhorn.*', '--shard', '2/2', '--runs', '1', '--out', b, '--quiet']).code, 0);
  const out = tmp();
  const r = cli(['report', '--merge', join(a, 'report.json'), join(b, 'report.json'), '--out', out]);
  assert.is(r.code, 0, r.stderr);
  const merged = readReport(join(out, 'report.json'));
  assert.equal(
    merged.entries.map((e: { claim: { id: string } }) => e.claim.id),
    CLAIMS.filter((c) => c.id.startsWith('sinkhorn.')).map((c) => c.id),
  );
  assert.is(merged.summary.claims, merged.entries.length);
});

test.run();
