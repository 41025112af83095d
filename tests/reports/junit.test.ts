/** junit.xml: well-formed, one testcase per claim, failures carry the counterexample and replay command. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderedFixture } from './rendered.js';
import { checkXml } from './xml-check.js';

function testcases(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)" time="[\d.]+">([\s\S]*?)<\/testcase>/g))
    out.set(m[2]!, m[3]!);
  return out;
}

test('junit.xml is well-formed XML (hostile text escaped)', async () => {
  const { junit } = await renderedFixture();
  const { problems, elements } = checkXml(junit);
  assert.equal(problems, []);
  assert.ok(junit.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites '));
  assert.ok(elements.includes('testsuite') && elements.includes('properties'));
  assert.not.match(junit, /<script/);
});

test('the checker itself rejects broken XML', () => {
  assert.ok(checkXml('<a><b></a>').problems.length > 0);
  assert.ok(checkXml('<a x="1 & 2"/>').problems.length > 0);
  assert.ok(checkXml('<a>1 < 2</a>').problems.length > 0);
  assert.equal(checkXml('<a x="&lt;">&amp;<b/></a>').problems, []);
});

test('one testcase per claim, classname = family, with seed/path/runs/instances/backend/impl/status properties', async () => {
  const { junit, report } = await renderedFixture();
  const cases = testcases(junit);
  assert.is(cases.size, report.entries.length);
  assert.is((junit.match(/<testcase /g) ?? []).length, report.entries.length);
  for (const e of report.entries) {
    const body = cases.get(e.claim.id);
    assert.ok(body !== undefined, e.claim.id);
    assert.ok(junit.includes(`<testcase classname="${e.claim.family}" name="${e.claim.id}"`));
    for (const p of ['seed', 'runs', 'instances', 'backend', 'impl', 'status'])
      assert.match(body, new RegExp(`<property name="${p}" value="[^"]*"/>`), `${e.claim.id}: ${p}`);
  }
  assert.match(cases.get('sinkhorn.birkhoff-contraction')!, /<property name="path" value="3:0:1"\/>/);
  const s =
    /<testsuites name="transformer-ot-verify" tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)"/.exec(
      junit,
    );
  assert.equal(s?.slice(1).map(Number), [report.entries.length, 2, 1, 1]);
});

test('violated → failure with counterexample JSON and replay; error → error; skipped → skipped; inconclusive → failure (it fails the run)', async () => {
  const { junit } = await renderedFixture();
  const cases = testcases(junit);
  const violated = cases.get('sinkhorn.birkhoff-contraction')!;
  assert.match(
    violated,
    /<failure message="1 measurement\(s\) broke the claim; worst: d_H &lt;= 0\.5 &amp; &quot;quoted&quot; &lt;tag&gt;" type="violated">/,
  );
  assert.match(violated, /counterexample \(shrunk 7 time\(s\)\):\n\{\n &quot;n&quot;: 2,/);
  assert.match(violated, /&lt;\/pre&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(
    violated,
    /replay: npx transformer-ot-verify verify --claims sinkhorn\.birkhoff-contraction .*--replay 42:3:0:1<\/failure>/,
  );
  const error = cases.get('sorting.error-vs-depth')!;
  assert.match(
    error,
    /<error message="the implementation threw on a valid input: NumericalError: NaN in attention" type="error">[\s\S]*replay: /,
  );
  assert.match(
    cases.get('interpolation.skipped')!,
    /<skipped message="implementation &#39;tfjs&#39; has no &#39;interpolator&#39; capability"\/>/,
  );
  assert.match(cases.get('heat.sb-to-heat-flow')!, /<failure message="inconclusive: [^"]*" type="inconclusive">/);
  assert.not.match(cases.get('sinkhorn.franklin-lorenz-rate')!, /<failure|<error|<skipped/);
  assert.not.match(cases.get('clustering.metastability')!, /<failure|<error|<skipped/);
});

test.run();
