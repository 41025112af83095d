/**
 * A violated claim as the runner reports it: the failing run is not repeated to describe it (the outcome the
 * predicate saw is kept), and the claim's tables and figures are still summarised from every generated run.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tfjsImplementation } from '../../impl/implementations.js';
import { measure } from '../../properties/measure.js';
import { runClaim } from '../../properties/runner/run-claim.js';
import { phaseDiagramProperty } from '../../properties/dynamics/phase-diagram.js';
import { claimById } from '../../theorems/index.js';
import { setupBackend } from '../helpers.js';

test('a violated claim: its failing run runs once, and its tables come from every generated run', async () => {
  const backend = await setupBackend();
  const seen: number[] = [];
  const violating = {
    ...phaseDiagramProperty,
    runs: { quick: 3, ci: 3, thorough: 3 },
    run: async (input: number) => {
      seen.push(input);
      return { instances: 1, coverage: [{}], measurements: [measure(0, 'always above its bound', 1, '<=', 0, 0)] };
    },
    summarize: (outcomes: readonly unknown[]) => ({
      tables: [{ title: 'runs summarised', columns: ['runs'], rows: [[outcomes.length]] }],
    }),
  };
  const r = await runClaim(claimById('clustering.phase-diagram'), violating as never, {
    impl: tfjsImplementation(),
    backend: backend.name,
    budget: 'quick',
    seed: 5,
    numRuns: 3,
  });
  assert.is(r.status, 'violated');
  assert.is(r.counterexample?.failing.length, 1);
  // the first run fails; shrinking stops at once (a failure on every input) and nothing is run again for the report
  assert.is(new Set(seen).size, seen.length, `runs: ${seen.join(', ')}`);
  assert.equal(r.tables, [{ title: 'runs summarised', columns: ['runs'], rows: [[1]] }]);
});

test.run();
