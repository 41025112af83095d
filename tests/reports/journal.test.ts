/**
 * The run journal's report.json: rewritten after every claim from each entry's text made once, it is the same
 * text as serialising the whole report in one pass, and reads back to the entries recorded, in selection order.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RunJournal } from '../../reports/journal.js';
import { parseReport, type Report } from '../../reports/schema.js';
import { serializeReport } from '../../reports/serialize.js';
import { fixtureReport } from './fixture.js';

/** The one-pass form: the whole report through JSON.stringify, then number arrays joined onto one line. */
function onePass(report: Report): string {
  const text = JSON.stringify(
    report,
    (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
    1,
  );
  return text.replace(
    /\[\n\s*(-?[\d.eE+-]+(?:,\n\s*-?[\d.eE+-]+)*)\n\s*\]/g,
    (_m, body: string) => `[${body.replace(/,\n\s*/g, ',')}]`,
  );
}

test('serializeReport assembles the same text as one JSON.stringify pass, with and without entries', () => {
  const r = fixtureReport();
  assert.ok(r.entries.length > 3);
  assert.is(serializeReport(r), onePass(r));
  const none = { ...r, entries: [] };
  assert.is(serializeReport(none), onePass(none));
});

test('the journal file after each claim equals the one-pass text of its own content, in selection order', () => {
  const r = fixtureReport();
  const { summary: _s, entries, interrupted: _i, notReached: _n, ...header } = r;
  const ids = entries.map((e) => e.claim.id);
  const journal = new RunJournal(mkdtempSync(join(tmpdir(), 'tov-journal-')), header, ids);
  journal.start();
  // record out of order: the file keeps the selection order
  const order = entries.map((_, k) => k).sort((a, b) => (a % 3) - (b % 3) || a - b);
  for (const [done, k] of order.entries()) {
    journal.record(entries[k]!);
    const text = readFileSync(journal.path, 'utf8');
    const back = parseReport(text, journal.path);
    assert.is(text, onePass(back));
    assert.is(back.entries.length, done + 1);
    const seen = back.entries.map((e) => ids.indexOf(e.claim.id));
    assert.equal(
      seen,
      [...seen].sort((a, b) => a - b),
    );
    assert.ok(back.interrupted);
  }
  journal.interrupt('stopped by the test');
  const last = parseReport(readFileSync(journal.path, 'utf8'), journal.path);
  assert.equal(
    last.entries.map((e) => e.claim.id),
    ids,
  );
});

test.run();
