/** The call guard, bounded shrinking and the atomic write helper, in process. */
import fc from 'fast-check';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Implementation } from '../../impl/capabilities/index.js';
import { CallTimeoutError, OutputError } from '../../impl/errors.js';
import { CallLedger, guardImplementation } from '../../impl/guard.js';
import { MAX_REPLAY_PATH_CHARS, ShrinkBound } from '../../properties/runner/shrink-bound.js';
import { writeFileAtomic, writeFileAtomicSync } from '../../reports/atomic-write.js';
import { runClaimForTest } from '../helpers.js';

const never = (): Implementation => ({
  name: 'hostile',
  extra: 7,
  sinkhorn: { name: 's', precision: 'float64', solve: () => new Promise(() => undefined) } as never,
  // a method outside the interface (not validated), on a frozen object
  interpolator: Object.freeze({ helper: (d: number) => ({ d }) }) as never,
});

test('a call that never settles rejects with CallTimeoutError naming it, within the timeout', async () => {
  const ledger = new CallLedger();
  const timeouts: CallTimeoutError[] = [];
  const g = guardImplementation(never(), { callTimeoutMs: 50, ledger, onTimeout: (e) => timeouts.push(e) });
  const t0 = performance.now();
  try {
    await g.sinkhorn!.solve({} as never, {} as never);
    assert.unreachable('settled');
  } catch (e) {
    assert.instance(e, CallTimeoutError);
    assert.is((e as CallTimeoutError).call, 'sinkhorn.solve');
    assert.match((e as Error).message, /sinkhorn\.solve did not settle within the per-call timeout of 0\.05 s/);
  }
  assert.ok(performance.now() - t0 < 1000);
  assert.is(timeouts.length, 1);
  assert.is(ledger.timedOut?.call, 'sinkhorn.solve');
  assert.equal(ledger.pending(), []);
});

test('an aborted guard rejects pending calls and refuses new ones; sync methods and fields pass through', async () => {
  const stop = new AbortController();
  const ledger = new CallLedger();
  const g = guardImplementation(never(), { callTimeoutMs: 60_000, signal: stop.signal, ledger });
  assert.is(g.name, 'hostile');
  assert.is(g['extra'], 7);
  const helper = (g.interpolator as unknown as { helper(d: number): unknown }).helper(3);
  assert.equal(helper, { d: 3 }, 'frozen capability, sync method');
  const pending = g.sinkhorn!.solve({} as never, {} as never);
  assert.equal(ledger.pending(), ['sinkhorn.solve']);
  stop.abort(new Error('claim over'));
  try {
    await pending;
    assert.unreachable('settled');
  } catch (e) {
    assert.is((e as Error).message, 'claim over');
  }
  assert.throws(() => g.sinkhorn!.solve({} as never, {} as never), /claim over/);
  assert.is(ledger.calls, 2);
});

test('results are validated before anyone reads them; valid ones pass through unchanged', async () => {
  const ledger = new CallLedger();
  const { createReferenceSinkhorn } = await import('../../impl/reference/sinkhorn-solver.js');
  const good = createReferenceSinkhorn();
  const batch = {
    B: 1,
    n: 2,
    m: 2,
    a: Float64Array.of(0.5, 0.5),
    b: Float64Array.of(0.5, 0.5),
    C: Float64Array.of(0, 1, 1, 0),
    eps: Float64Array.of(1),
  };
  const options = { iterations: 2, domain: 'log' as const };
  const oneShort = async (): Promise<unknown> => ({
    ...(await good.solve(batch, options)),
    logPlan: new Float64Array(3),
  });
  const short = { ...good, solve: oneShort };
  const g = guardImplementation({ name: 'ok', sinkhorn: good }, { callTimeoutMs: 5000, ledger });
  assert.equal(await g.sinkhorn!.solve(batch, options), await good.solve(batch, options));
  assert.is(ledger.slowestCall, 'sinkhorn.solve');
  assert.is(ledger.calls, 1);
  const bad = guardImplementation({ name: 'bad', sinkhorn: short as never }, { callTimeoutMs: 5000 });
  const e = await bad.sinkhorn!.solve(batch, options).then(
    () => undefined,
    (x: unknown) => x,
  );
  assert.instance(e, OutputError, 'malformed output accepted');
  assert.match((e as Error).message, /logPlan/);
});

test('ShrinkBound follows fast-check paths exactly and stops shrinking at the length bound', async () => {
  for (const max of [1e9, 12]) {
    const b = new ShrinkBound(undefined, max);
    const d = await fc.check(
      fc.asyncProperty(fc.array(fc.integer(), { minLength: 0, maxLength: 60 }), async (xs) => {
        if (!b.begin()) return true;
        return !b.end(xs.length > 3 && xs.some((x) => x > 10) ? 'violation' : 'pass');
      }),
      { seed: 42, numRuns: 200 },
    );
    assert.ok(d.failed);
    assert.is(d.counterexamplePath, b.failurePath(), `max ${max}`);
    assert.ok(d.counterexamplePath!.length <= max);
    if (max > 12) assert.ok(d.counterexamplePath!.length > 12, 'the unbounded path is longer than the bound tested');
    assert.is(b.shrinks, d.numShrinks);
  }
});

test('an implementation that throws on every input: error, not shrunk, replay path short and exact', async () => {
  const impl: Implementation = {
    name: 'always-throws',
    sinkhorn: {
      name: 's',
      precision: 'float64',
      solve: async () => {
        throw new Error('not implemented');
      },
    } as never,
  };
  const r = await runClaimForTest('sinkhorn.hilbert-identity', { impl, numRuns: 20 });
  assert.is(r.status, 'error', r.reason);
  assert.match(r.reason, /not implemented/);
  assert.is(r.counterexample?.numShrinks, 0);
  const path = /--replay -?\d+:([\d:]+)/.exec(r.replay)?.[1];
  assert.ok(path !== undefined && path.length <= MAX_REPLAY_PATH_CHARS, r.replay);
  const again = await runClaimForTest('sinkhorn.hilbert-identity', { impl, numRuns: 20, seed: r.seed, path });
  assert.is(again.status, 'error');
  assert.equal(again.counterexample?.input, r.counterexample?.input);
});

test('a violation shrinks, with a replay path within the bound that replays the same counterexample', async () => {
  const { MUTANTS } = await import('../../impl/mutants/index.js');
  const m = MUTANTS.find((x) => x.id === 'sinkhorn.row-step-ignores-a')!;
  const r = await runClaimForTest('sinkhorn.one-step-is-softmax', { impl: m.build(), seed: 7 });
  assert.is(r.status, 'violated', r.reason);
  const path = /--replay -?\d+:([\d:]+)/.exec(r.replay)?.[1];
  assert.ok(path !== undefined && path.length <= MAX_REPLAY_PATH_CHARS, r.replay);
  assert.ok(r.replay.length <= 250, `replay command of ${r.replay.length} chars`);
  const again = await runClaimForTest('sinkhorn.one-step-is-softmax', { impl: m.build(), seed: 7, path });
  assert.equal(again.counterexample?.input, r.counterexample?.input);
});

test('atomic writes: the whole file or the old one, no temporary file left behind', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tov-atomic-'));
  const f = join(dir, 'report.json');
  writeFileAtomicSync(f, 'one');
  await writeFileAtomic(f, 'two');
  assert.is(readFileSync(f, 'utf8'), 'two');
  mkdirSync(join(dir, 'taken'));
  writeFileSync(join(dir, 'taken', 'x'), '');
  const renamed = await writeFileAtomic(join(dir, 'taken'), 'three').then(
    () => true,
    () => false,
  );
  assert.not.ok(renamed, 'renamed over a directory');
  assert.throws(() => writeFileAtomicSync(join(dir, 'taken'), 'three'));
  assert.ok(existsSync(join(dir, 'taken', 'x')));
  assert.equal(readdirSync(dir).sort(), ['report.json', 'taken']);
});

test.run();
