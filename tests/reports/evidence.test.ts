/**
 * The evidence figures: the runner's compact check sample (normalisation, split by coverage bin, bounded size),
 * figure choice by kind and role, counterexample pictures by input shape, the overview's tightness, and series
 * thinned for drawing.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { aggregateMeasurements } from '../../properties/runner/aggregate.js';
import { SAMPLE_POINTS, checkSample } from '../../properties/runner/check-sample.js';
import type { BatchOutcome, Measurement, Relation } from '../../properties/types.js';
import { counterexampleSpec, findPicture } from '../../reports/counterexample-plot.js';
import { claimTightness, overviewSpec } from '../../reports/overview.js';
import { claimPlots, overviewPlot } from '../../reports/plots.js';
import { linesSpec, MAX_DRAWN_POINTS } from '../../reports/line-plot.js';
import { fixtureReport } from './fixture.js';

const m = (instance: number, measured: number, relation: Relation, bound: number, tolerance: number): Measurement => ({
  instance,
  quantity: 'q',
  measured,
  relation,
  bound,
  tolerance,
  pass:
    relation === '<='
      ? measured <= bound + tolerance
      : relation === '>='
        ? measured >= bound - tolerance
        : Math.abs(measured - bound) <= tolerance,
});

test('check sample: measured / bound split by the ε bin, at most SAMPLE_POINTS order statistics per bin', () => {
  const outcomes: BatchOutcome[] = Array.from({ length: 50 }, (_, b) => ({
    instances: 20,
    measurements: Array.from({ length: 20 }, (_, i) => m(i, (i + 1) / 40, '<=', 1, 1e-6)),
    coverage: Array.from({ length: 20 }, (_, i) => ({ n: 4, eps: i < 10 ? 0.01 : 0.5, b })),
  }));
  const s = checkSample('q', outcomes, { eps: [0.005, 0.1, 1] })!;
  assert.is(s.scale, 'ratio');
  assert.is(s.by, 'eps');
  assert.equal(
    s.groups.map((g) => [g.label, g.count]),
    [
      ['[0.005, 0.1)', 500],
      ['[0.1, 1)', 500],
    ],
  );
  for (const g of s.groups) {
    assert.ok(g.points.length <= SAMPLE_POINTS, `${g.points.length} points kept`);
    assert.is(g.points.at(-1)![1], 1, 'the ECDF ends at 1');
    assert.ok(
      g.points.every((p, k) => k === 0 || (p[0] >= g.points[k - 1]![0] && p[1] >= g.points[k - 1]![1])),
      'ascending',
    );
  }
  assert.is(s.groups[0]!.points.at(-1)![0], 0.25, 'the worst check of the first bin is kept');
  assert.is(s.groups[1]!.points.at(-1)![0], 0.5);
  const [q] = aggregateMeasurements(outcomes, { eps: [0.005, 0.1, 1] });
  assert.equal(q!.sample, s, 'the runner stores the sample with the quantity');
});

test('check sample: equalities in tolerance units, zeros counted, floor bounds on the allowed scale', () => {
  const eq = checkSample('q', [
    {
      instances: 3,
      measurements: [m(0, 1, '==', 1, 1e-3), m(1, 1.0005, '==', 1, 1e-3), m(2, 1.002, '==', 1, 1e-3)],
      coverage: [{}, {}, {}],
    },
  ])!;
  assert.is(eq.scale, 'tolerance');
  assert.is(eq.by, undefined);
  assert.is(eq.groups[0]!.zeros, 1);
  assert.equal(
    eq.groups[0]!.points.map((p) => p[0]),
    [0.5, 2],
  );
  assert.equal(
    eq.groups[0]!.points.map((p) => p[1]),
    [0.6667, 1],
  );
  const floor = checkSample('q', [
    { instances: 2, measurements: [m(0, 0.02, '>=', 0, 1e-6), m(1, 0, '<=', 0, 0)], coverage: [{}] },
  ]);
  assert.ok(floor, 'a bound of 0 still has a sample');
  const ge = checkSample('q', [
    { instances: 2, measurements: [m(0, 0.02, '>=', 0, 1e-6), m(1, -1e-6, '>=', 0, 1e-6)], coverage: [{}] },
  ])!;
  assert.is(ge.scale, 'allowed');
  assert.ok(ge.groups[0]!.points[0]![0] < 1e-3, 'far above a bound of 0 is loose');
  assert.is(ge.groups[0]!.points.at(-1)![0], 1, 'at the edge b − tol the value is 1');
});

test('figures by kind: bound → ECDF, tightness; probabilistic → proportions; not-asserted say so', async () => {
  const report = fixtureReport();
  const byId = new Map(report.entries.map((e) => [e.claim.id, e]));
  const bound = byId.get('sinkhorn.birkhoff-contraction')!;
  const plots = await claimPlots(bound.claim, bound.result);
  const ecdf = plots.find((p) => p.id.includes('--checks-'))!;
  assert.ok(ecdf && !ecdf.empty, 'ECDF drawn');
  assert.match(ecdf.svg, /measured \/ bound/);
  assert.match(ecdf.svg, /by n bin/);
  assert.match(ecdf.svg, /red dashed: the bound \(theory\)/);
  const prob = byId.get('clustering.beta-zero')!;
  const pp = (await claimPlots(prob.claim, prob.result)).find((p) => p.id.endsWith('--proportions'))!;
  assert.ok(pp && !pp.empty);
  assert.match(pp.svg, /claimed p₀/);
  assert.match(pp.svg, /clustered by T/);
  const expl = byId.get('clustering.metastability')!;
  const ep = await claimPlots(expl.claim, expl.result);
  assert.ok(ep.length > 0 && ep.every((p) => p.title.startsWith('exploratory, not asserted')), 'titled not asserted');
  assert.match(ep[0]!.svg, /not asserted/);
});

test('counterexample pictures by shape: flat n × m matrix → heatmap, unit rows → circle, scalars → none', () => {
  const plan = findPicture({ n: 2, m: 3, eps: [0.1], C: [0, 1, 2, 3, 4, 5] })!;
  assert.is(plan.kind, 'heatmap');
  assert.equal(plan.frames[0], [
    [0, 1, 2],
    [3, 4, 5],
  ]);
  const th = [0, 1, 2, 3].map((k) => [Math.cos(k), Math.sin(k)]);
  assert.is(findPicture({ beta: 1, x: th })!.kind, 'circle');
  const traj = findPicture({ path: [th, th.map(([a, b]) => [b!, -a!])] })!;
  assert.is(traj.kind, 'circle');
  assert.is(traj.frames.length, 2);
  assert.is(findPicture({ seed: 0, d: 2, direction: [0, 0, 0] }), undefined);
  assert.ok('spec' in counterexampleSpec({ x: th }, 't'));
  assert.ok('empty' in counterexampleSpec({ d: 2 }, 't'));
});

test('overview: every claim placed, tightness from checks, proportions and rates', async () => {
  const report = fixtureReport();
  const byId = new Map(report.entries.map((e) => [e.claim.id, e.result]));
  const verified = byId.get('sinkhorn.birkhoff-contraction')!;
  assert.is(claimTightness({ ...verified, counterexample: undefined })!.value, 0.95, 'worst measured / bound');
  assert.is(claimTightness(verified)!.value, 0.9 / 0.5, 'the counterexample’s failing check sits right of 1');
  const p = claimTightness({ ...byId.get('clustering.beta-zero')!, quantities: [] })!;
  assert.ok(Math.abs(p.value - (1 - 0.86) / (1 - 0.9)) < 1e-12, 'share of the allowed failure probability');
  const r = claimTightness({ ...byId.get('heat.sb-to-heat-flow')!, quantities: [] })!;
  assert.ok(Math.abs(r.value - 0.2 / 0.4) < 1e-12, 'theory distance in half-widths');
  assert.ok('spec' in overviewSpec(report));
  const o = await overviewPlot(report);
  assert.not.ok(o.empty);
  for (const e of report.entries)
    assert.ok(o.svg.includes(e.claim.id.split('.').slice(1).join('.')), `${e.claim.id} in the overview`);
});

test('series are thinned for drawing; the note says so', () => {
  const points = Array.from({ length: 5000 }, (_, k) => [k, 1 / (k + 1)] as const);
  const built = linesSpec({
    title: 't',
    x: 'x',
    y: 'y',
    logX: false,
    logY: true,
    curves: [{ name: 'c', points, role: 'measured' }],
  });
  assert.ok('spec' in built);
  const values = (built as { spec: { data: { values: unknown[] } } }).spec.data.values;
  assert.is(values.length, MAX_DRAWN_POINTS);
  assert.match((built as { note?: string }).note ?? '', /thinned/);
});

test.run();
