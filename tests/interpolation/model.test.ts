/** The float64 interpolation model and its oracles (GRR arXiv 2411.04551 §1; spec measure-interpolation §1, §3). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Schedule } from '../../impl/capabilities/interpolator.js';
import { hungarian } from '../../impl/reference/hungarian.js';
import { coneResidual } from '../../impl/reference/nnls.js';
import {
  gateBlock,
  gateTime,
  orthantPieces,
  orthonormalComplement,
} from '../../impl/reference/interpolation-construction/index.js';
import {
  modelDrift,
  modelField,
  piece,
  reverseSchedule,
  switchCount,
} from '../../impl/reference/interpolation-model.js';
import { capRadius, geodesic, w2Equal, w2ToDirac } from '../../impl/reference/sphere-geometry.js';
import { attentionDrift, integrateRK4, normalizeRows } from '../../impl/reference/sphere.js';

let seed = 7;
const rnd = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed + 0.5) / 4294967296;
};
const gauss = (): number => Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd());
const sphere = (n: number, d: number): Float64Array => {
  const x = Float64Array.from({ length: n * d }, gauss);
  for (let i = 0; i < n; i++) {
    const r = Math.hypot(...x.subarray(i * d, (i + 1) * d));
    for (let k = 0; k < d; k++) x[i * d + k] = x[i * d + k]! / r;
  }
  return x;
};
const mat = (d: number): Float64Array => Float64Array.from({ length: d * d }, gauss);

test('spec §4.2 item 1: the field is tangent, |⟨x, v⟩| ≤ 1e-12‖v‖, for attention + perceptron pieces', () => {
  for (const d of [3, 4]) {
    const n = 9;
    const x = sphere(n, d);
    const p = piece(d, {
      duration: 1,
      V: mat(d),
      B: mat(d),
      W: mat(d),
      U: mat(d),
      b: Float64Array.from({ length: d }, gauss),
    });
    const v = modelField(n, d, p)(x, 0);
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let k = 0; k < d; k++) dot += x[i * d + k]! * v[i * d + k]!;
      assert.ok(
        Math.abs(dot) <= 1e-12 * (Math.hypot(...v.subarray(i * d, (i + 1) * d)) + 1e-300) + 1e-15,
        `token ${i}: ${dot}`,
      );
    }
  }
});

test('B ≡ 0 fast path equals the shared softmax attention drift with B = 0 (GRR eq. 3.1)', () => {
  const d = 3;
  const n = 11;
  const x = sphere(n, d);
  const V = mat(d);
  const fast = modelDrift(x, n, d, piece(d, { duration: 1, V }));
  const slow = attentionDrift(x, n, d, { beta: 1, B: new Float64Array(d * d), V, normalization: 'softmax' });
  for (let k = 0; k < fast.length; k++) assert.ok(Math.abs(fast[k]! - slow[k]!) < 1e-14);
});

test('gate block G(a, τ, z): W(Ux+b)_+ = (⟨a,x⟩ − τ)_+ z; the printed sign is (τ − ⟨a,x⟩)_+ z', () => {
  const d = 4;
  const a = sphere(1, d);
  const z = sphere(1, d);
  const x = sphere(20, d);
  for (const sign of [1, -1] as const) {
    const g = gateBlock(d, a, 0.2, z, sign);
    const out = modelDrift(x, 20, d, piece(d, { duration: 1, ...g }));
    for (let i = 0; i < 20; i++) {
      let ax = 0;
      for (let k = 0; k < d; k++) ax += a[k]! * x[i * d + k]!;
      const gate = Math.max(0, sign * (ax - 0.2));
      for (let k = 0; k < d; k++) assert.ok(Math.abs(out[i * d + k]! - gate * z[k]!) < 1e-15);
    }
  }
});

test('gateTime: closed form of ċ = (c − β)(1 − c²) matches RK4 on the 1-D ODE', () => {
  const beta = 0.3;
  const t = gateTime(beta, 0.5, 0.99);
  let c = 0.5;
  const steps = 20000;
  const h = t / steps;
  const f = (u: number): number => (u - beta) * (1 - u * u);
  for (let s = 0; s < steps; s++) {
    const k1 = f(c);
    const k2 = f(c + (h / 2) * k1);
    const k3 = f(c + (h / 2) * k2);
    const k4 = f(c + h * k3);
    c += (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
  }
  assert.ok(Math.abs(c - 0.99) < 1e-10, `c(t) = ${c}`);
});

test('reversal and switch count on a small schedule', () => {
  const d = 3;
  const x = sphere(6, d);
  const p1 = piece(d, { duration: 0.7, V: mat(d), B: mat(d) });
  const p2 = piece(d, { duration: 0.4, ...gateBlock(d, sphere(1, d), 0.1, sphere(1, d)) });
  const s = { d, pieces: [p1, p1, p2] };
  assert.is(switchCount(s), 1);
  const run = (sch: Schedule, x0: Float64Array): Float64Array => {
    let y = x0;
    for (const p of sch.pieces) y = integrateRK4(y, modelField(6, d, p), 0, p.duration / 200, 200, 6, d).final;
    return y;
  };
  const back = run(reverseSchedule(s), run(s, x));
  for (let k = 0; k < x.length; k++) assert.ok(Math.abs(back[k]! - x[k]!) < 1e-9);
});

test('Hungarian assignment equals brute force on random 5×5 costs; W2 helpers', () => {
  const perms = (n: number): number[][] =>
    n === 1
      ? [[0]]
      : perms(n - 1).flatMap((p) => [...Array(n).keys()].map((i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
  for (let trial = 0; trial < 20; trial++) {
    const n = 5;
    const C = Float64Array.from({ length: n * n }, rnd);
    const best = Math.min(...perms(n).map((p) => p.reduce((s, j, i) => s + C[i * n + j]!, 0)));
    assert.ok(Math.abs(hungarian(C, n).cost - best) < 1e-12);
  }
  const d = 3;
  const x = sphere(7, d);
  const y = new Float64Array(x.length);
  for (let i = 0; i < 7; i++) y.set(x.subarray(((i + 3) % 7) * d, (((i + 3) % 7) + 1) * d), i * d);
  assert.ok(w2Equal(x, y, 7, d) < 1e-12, 'W2 of a permuted cloud');
  const z = new Float64Array([1, 0, 0]);
  assert.ok(Math.abs(w2ToDirac(new Float64Array([0, 1, 0, 1, 0, 0]), 2, 3, z) - 1) < 1e-15); // sqrt((2 + 0)/2)
});

test('NNLS cone membership and orthonormal complements', () => {
  const X = new Float64Array([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  assert.ok(coneResidual(X, 3, 3, [0.6, 0.8, 0]) < 1e-15);
  assert.ok(Math.abs(coneResidual(X, 3, 3, [-1, 0, 0]) - 1) < 1e-12);
  const a = sphere(1, 4);
  const B = orthonormalComplement(a, 4);
  assert.is(B.length, 3);
  for (const e of B) {
    let s = 0;
    for (let k = 0; k < 4; k++) s += e[k]! * a[k]!;
    assert.ok(Math.abs(s) < 1e-14 && Math.abs(Math.hypot(...e) - 1) < 1e-14);
  }
});

test('capRadius is max_i d_g(x_i, a), whatever the token order', () => {
  const x = Float64Array.of(1, 0, 0, 0.8, 0.6, 0, 0, 0.6, 0.8);
  const a = Float64Array.of(0, 1, 0);
  const expected = Math.max(...[0, 1, 2].map((i) => geodesic(x, a, 3, i, 0)));
  assert.is(capRadius(x, 3, 3, a), expected);
  assert.is(expected, Math.PI / 2);
  const reversed = Float64Array.of(0, 0.6, 0.8, 0.8, 0.6, 0, 1, 0, 0);
  assert.is(capRadius(reversed, 3, 3, a), expected);
});

test('Lemma 3.2 construction: after the two orthant pieces every token is in the cap B(α, ½ min_k arcsin α_k)', () => {
  const d = 3;
  // two clouds straddling several orthants (some coordinates negative)
  const raw = [
    Float64Array.of(-0.3, 0.5, 0.8, 0.2, -0.6, 0.7, 0.4, 0.4, -0.8),
    Float64Array.of(0.9, 0.1, -0.2, -0.5, -0.5, 0.7),
  ];
  const state = raw.map((c) => normalizeRows(c, c.length / d, d));
  const { pieces, state: out } = orthantPieces(state, d, 1e-2);
  assert.is(pieces.length, 2);
  // α from the second piece: W = α𝟙ᵀ/d
  const W = pieces[1]!.W;
  const alpha = Float64Array.from({ length: d }, (_, r) => W[r * d]! * d);
  const rho = 0.5 * Math.min(...Array.from(alpha, (v) => Math.asin(v)));
  for (const c of out) {
    // the piece's duration is the exact time for the slowest token to reach cos ρ (tanh law), RK4 at h = 1e-2
    assert.ok(
      capRadius(c, c.length / d, d, alpha) <= rho + 1e-6,
      `cap radius ${capRadius(c, c.length / d, d, alpha)} > ρ = ${rho}`,
    );
    for (const v of c) assert.ok(v > 0);
  }
});

test.run();
