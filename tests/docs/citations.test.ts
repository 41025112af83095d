/**
 * Every "spec <name> §<section>" cited in the code, the claim registry and the reports resolves to a heading of
 * docs/maths/<name>.md, so that a reader can open the derivation a claim cites. A citation without a spec name
 * ("spec §4.2") refers to the spec of its module's family (SPEC_OF_MODULE).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CLAIMS } from '../../theorems/index.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const MATHS = join(ROOT, 'docs', 'maths');
const SOURCE_DIRS = ['theorems', 'impl', 'properties', 'reports', 'scripts'];

/** The family spec of a module, by path: first match wins. */
const SPEC_OF_MODULE: ReadonlyArray<readonly [RegExp, string]> = [
  [/interpolat|ball-chain|gate|geshkovski-rigollet|reference\/sphere\.ts/, 'measure-interpolation'],
  [/heat|sb-|sinkformer|gaussian|mixture|symmetric-sinkhorn|wasserstein/, 'heat-flow-limit'],
  [/dynamics|sphere|energy|cluster|geshkovski-2023|explicit-euler/, 'attention-dynamics-clustering'],
  [
    /ot-transformer|sorting|sinkhorn|hilbert|birkhoff|daneshmand|entropic|logsumexp|hungarian/,
    'ot-transformer-sorting',
  ],
];

const SPECS = new Set(
  readdirSync(MATHS)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3)),
);

/**
 * Section numbers that head a part of a spec: headings ("## 2. …", "### 2.1 …"), bold run-in headings
 * ("**6.1 Translation alignment**") and the numbered items of a section ("1." under "## 7." is §7.1).
 */
function sectionsOf(spec: string): Set<string> {
  const out = new Set<string>();
  let top: string | undefined;
  for (const line of readFileSync(join(MATHS, `${spec}.md`), 'utf8').split('\n')) {
    const h = /^#{1,4}\s+(\d+(?:\.\d+)*)\.?\s/.exec(line) ?? /^\*\*(\d+(?:\.\d+)+)\.?\s/.exec(line);
    if (h) {
      out.add(h[1]!);
      if (line.startsWith('## ')) top = h[1];
      continue;
    }
    const item = /^(\d+)\.\s/.exec(line);
    if (item && top !== undefined && !top.includes('.')) out.add(`${top}.${item[1]}`);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const CITATION = new RegExp(`spec(?: (${[...SPECS].join('|')}))?,? ?\\(?§\\s?(\\d+(?:\\.\\d+)*)`, 'g');

interface Citation {
  readonly where: string;
  readonly spec: string | undefined;
  readonly section: string;
}

function citationsIn(text: string, where: string, fallback: string | undefined): Citation[] {
  return [...text.matchAll(CITATION)].map((m) => ({
    where,
    spec: m[1] ?? fallback,
    section: m[2]!.replace(/\.$/, ''),
  }));
}

function familySpec(path: string): string | undefined {
  return SPEC_OF_MODULE.find(([re]) => re.test(path))?.[1];
}

const sections = new Map([...SPECS].map((s) => [s, sectionsOf(s)]));

test('every spec section cited in the code resolves to a heading of docs/maths', () => {
  const cites = SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d))).flatMap((f) => {
    const rel = relative(ROOT, f);
    return citationsIn(readFileSync(f, 'utf8'), rel, familySpec(rel));
  });
  assert.ok(cites.length > 100, `only ${cites.length} citations found: the pattern no longer matches the code`);
  const broken = cites.filter((c) => !c.spec || !SPECS.has(c.spec) || !sections.get(c.spec)!.has(c.section));
  assert.equal(
    broken.map((c) => `${c.where}: spec ${c.spec ?? '?'} §${c.section}`),
    [],
  );
});

test('every claim source that cites a spec names a section that exists', () => {
  const broken: string[] = [];
  for (const claim of CLAIMS) {
    for (const s of claim.sources) {
      const m = /^spec ([a-z0-9-]+)/.exec(s.work);
      if (!m) continue;
      const spec = m[1]!;
      if (!SPECS.has(spec)) broken.push(`${claim.id}: no docs/maths/${spec}.md`);
      for (const sec of [...s.locator.matchAll(/§\s?(\d+(?:\.\d+)*)/g)].map((x) => x[1]!)) {
        if (!sections.get(spec)?.has(sec)) broken.push(`${claim.id}: ${spec} §${sec}`);
      }
    }
  }
  assert.equal(broken, []);
});

test.run();
