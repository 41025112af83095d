/**
 * junit.xml for CI systems: one <testsuite> per claim family, one <testcase> per claim
 * (classname = family, name = claim id, time in seconds). violated → <failure> (message = reason, body =
 * counterexample JSON + replay command); error → <error>; skipped → <skipped>; inconclusive →
 * <failure type="inconclusive"> (it fails `verify` unless --allow-inconclusive); reported (exploratory,
 * negative control) passes with its reason in <system-out>. Properties: seed, path, runs, instances,
 * backend, impl, status. A partial report (interrupted run) adds one <error type="not-reached"> testcase per
 * claim the run did not reach, so that CI never reads an interrupted run as green.
 */
import { displayJSON, escapeXml as x } from './escape.js';
import type { Report, ReportEntry } from './schema.js';

const secs = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);

function properties(e: ReportEntry): string {
  const r = e.result;
  const props: Array<[string, string | number | undefined]> = [
    ['seed', r.seed],
    ['path', r.path],
    ['runs', r.runs],
    ['instances', r.instances],
    ['backend', r.backend],
    ['impl', r.impl],
    ['status', r.status],
    ['budget', r.budget],
    ['kind', e.claim.kind],
    ['role', e.claim.role],
  ];
  return `      <properties>\n${props
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `        <property name="${x(k)}" value="${x(v)}"/>`)
    .join('\n')}\n      </properties>`;
}

function failureBody(e: ReportEntry): string {
  const r = e.result;
  const parts: string[] = [r.reason];
  if (r.counterexample) {
    if (r.counterexample.error) parts.push(`error: ${r.counterexample.error}`);
    if (r.counterexample.failing.length > 0)
      parts.push(`failing measurements:\n${displayJSON(r.counterexample.failing)}`);
    parts.push(
      `counterexample (shrunk ${r.counterexample.numShrinks} time(s)):\n${displayJSON(r.counterexample.input)}`,
    );
  }
  parts.push(`replay: ${r.replay}`);
  return x(parts.join('\n\n'));
}

function testcase(e: ReportEntry): string {
  const r = e.result;
  const open = `    <testcase classname="${x(e.claim.family)}" name="${x(e.claim.id)}" time="${secs(r.durationMs)}">`;
  const body: string[] = [properties(e)];
  if (r.status === 'violated')
    body.push(`      <failure message="${x(r.reason)}" type="violated">${failureBody(e)}</failure>`);
  else if (r.status === 'error')
    body.push(`      <error message="${x(r.reason)}" type="error">${failureBody(e)}</error>`);
  else if (r.status === 'skipped') body.push(`      <skipped message="${x(r.reason)}"/>`);
  else if (r.status === 'inconclusive')
    body.push(
      `      <failure message="${x(`inconclusive: ${r.reason}`)}" type="inconclusive">${failureBody(e)}</failure>`,
    );
  body.push(`      <system-out>${x(`${r.status}: ${r.reason}\nreplay: ${r.replay}`)}</system-out>`);
  return [open, ...body, '    </testcase>'].join('\n');
}

/** Render the report as JUnit XML (hand-rolled; every text and attribute escaped). */
export function renderJUnit(report: Report): string {
  const families = new Map<string, ReportEntry[]>();
  for (const e of report.entries) families.set(e.claim.family, [...(families.get(e.claim.family) ?? []), e]);
  const count = (es: readonly ReportEntry[], ...st: string[]): number =>
    es.filter((e) => st.includes(e.result.status)).length;
  const all = report.entries;
  const missing = report.notReached ?? [];
  const why = `not reached: the run was interrupted (${report.interruption ?? 'unknown'}) before this claim ran`;
  const suites = [...families.entries()].map(([family, es]) => {
    const time = es.reduce((s, e) => s + e.result.durationMs, 0);
    return [
      `  <testsuite name="${x(family)}" tests="${es.length}" failures="${count(es, 'violated', 'inconclusive')}" errors="${count(es, 'error')}" skipped="${count(es, 'skipped')}" time="${secs(time)}" timestamp="${x(report.createdAt)}">`,
      ...es.map(testcase),
      '  </testsuite>',
    ].join('\n');
  });
  if (missing.length > 0) {
    const n = missing.length;
    const cases = missing.map((id) =>
      [
        `    <testcase classname="not-reached" name="${x(id)}" time="0.000">`,
        `      <error message="${x(why)}" type="not-reached"/>`,
        '    </testcase>',
      ].join('\n'),
    );
    const open = `  <testsuite name="not-reached" tests="${n}" failures="0" errors="${n}" skipped="0" time="0.000"`;
    suites.push([`${open} timestamp="${x(report.createdAt)}">`, ...cases, '  </testsuite>'].join('\n'));
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="transformer-ot-verify" tests="${all.length + missing.length}" failures="${count(all, 'violated', 'inconclusive')}" errors="${count(all, 'error') + missing.length}" skipped="${count(all, 'skipped')}" time="${secs(report.summary.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
