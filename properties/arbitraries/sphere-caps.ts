/**
 * Point clouds in geodesic caps of S^{d−1} and Dirac targets: the shared generators of the `interpolation.*`
 * properties (spec measure-interpolation §4.1, G1–G3). Built on properties/arbitraries/sphere.ts (Gaussian
 * directions from float32-exact unit floats); raw blocks are drawn at maximal size and sliced so shrinking
 * keeps the leading tokens. Coordinates are float64 unit vectors (the interpolator is float64).
 */
import fc from 'fast-check';
import { uniformSpherePoints, unitVector } from './sphere.js';
import { unitBlock } from './scalars.js';

/** Unit floats needed by {@link capPoints} for n tokens in dimension dMax. */
export function capRawLength(nMax: number, dMax: number): number {
  return nMax * (2 * dMax + 1);
}

/**
 * n tokens in the cap B(c, r) from a raw block laid out for (nMax, dMax) ({@link capRawLength}): token i = cos θ_i c + sin θ_i t_i with t_i a uniform tangent direction and
 * cos θ_i uniform in [cos r, 1] (area-uniform on S²; for d > 3 it over-weights the rim, still inside the cap).
 */
export function capPoints(
  raw: readonly number[],
  n: number,
  d: number,
  dMax: number,
  c: ArrayLike<number>,
  r: number,
  nMax = n,
): Float64Array {
  const dirs = uniformSpherePoints(raw, n, d, dMax);
  const x = new Float64Array(n * d);
  const base = 2 * nMax * dMax;
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let k = 0; k < d; k++) dot += dirs[i * d + k]! * c[k]!;
    const t = new Float64Array(d);
    let tn = 0;
    for (let k = 0; k < d; k++) {
      t[k] = dirs[i * d + k]! - dot * c[k]!;
      tn += t[k]! ** 2;
    }
    tn = Math.sqrt(tn);
    const cosT = 1 - raw[base + i]! * (1 - Math.cos(r));
    const th = Math.acos(cosT);
    let s = 0;
    for (let k = 0; k < d; k++) {
      const v = Math.cos(th) * c[k]! + (tn > 0 ? (Math.sin(th) * t[k]!) / tn : 0);
      x[i * d + k] = v;
      s += v * v;
    }
    const nrm = Math.sqrt(s);
    for (let k = 0; k < d; k++) x[i * d + k] = x[i * d + k]! / nrm;
  }
  return x;
}

/** A unit vector near 𝟙/√d: 𝟙/√d + jitter·g (g a Gaussian direction), normalised (spec G1 orthant centre). */
function orthantCenter(raw: readonly number[], d: number, jitter: number): Float64Array {
  const g = unitVector(raw, d);
  const c = new Float64Array(d);
  let s = 0;
  for (let k = 0; k < d; k++) {
    c[k] = 1 / Math.sqrt(d) + jitter * g[k]!;
    s += c[k]! ** 2;
  }
  return c.map((v) => v / Math.sqrt(s));
}

type CenterMode = 'orthant' | 'uniform';

export interface CapFamilySpec {
  readonly dims: readonly number[];
  readonly N: readonly [number, number];
  readonly n: readonly [number, number];
  readonly radius: readonly [number, number];
  /** 'orthant': every cloud from one cap around 𝟙/√d + 0.1 jitter; 'uniform': uniform centre; 'mixed': either. */
  readonly centre: CenterMode | 'mixed';
  /** All clouds from one cap (overlapping hulls), or one cap per cloud. */
  readonly shared: boolean;
  /** Reject families whose barycenter directions are closer than this (spec G1: 0.02). */
  readonly minBarycenterAngle?: number;
  /** Reject families with a cross-measure token pair closer than this (spec G1: 1e-3). */
  readonly minCrossDistance?: number;
  /** Number of Dirac targets to draw with it (0: none), pairwise angle ≥ 0.2 (spec G2). */
  readonly targets?: boolean;
  /** Extra unit floats for the property. */
  readonly extraLength?: number;
}

export interface CapFamily {
  readonly d: number;
  readonly clouds: Float64Array[];
  readonly centre: CenterMode;
  readonly radius: number;
  /** [N, d] when asked for. */
  readonly targets?: Float64Array;
  readonly extra: readonly number[];
}

function angle(x: ArrayLike<number>, y: ArrayLike<number>, d: number, i = 0, j = 0): number {
  let dot = 0;
  for (let k = 0; k < d; k++) dot += x[i * d + k]! * y[j * d + k]!;
  return Math.acos(Math.max(-1, Math.min(1, dot)));
}

function barycenterDir(x: Float64Array, d: number): Float64Array {
  const m = new Float64Array(d);
  for (let i = 0; i < x.length / d; i++) for (let k = 0; k < d; k++) m[k] = m[k]! + x[i * d + k]!;
  const r = Math.hypot(...m);
  return m.map((v) => v / r);
}

/** Whether a drawn family satisfies the spec G1/G2 rejection rules. */
function acceptable(f: CapFamily, spec: CapFamilySpec): boolean {
  const { d, clouds } = f;
  const dirs = clouds.map((x) => barycenterDir(x, d));
  for (let i = 0; i < clouds.length; i++) {
    for (let j = i + 1; j < clouds.length; j++) {
      if (spec.minBarycenterAngle !== undefined && angle(dirs[i]!, dirs[j]!, d) < spec.minBarycenterAngle) return false;
      if (spec.minCrossDistance !== undefined) {
        const a = clouds[i]!;
        const b = clouds[j]!;
        for (let p = 0; p < a.length / d; p++)
          for (let q = 0; q < b.length / d; q++) if (angle(a, b, d, p, q) < spec.minCrossDistance) return false;
      }
    }
  }
  if (f.targets) {
    const N = clouds.length;
    for (let i = 0; i < N; i++)
      for (let j = i + 1; j < N; j++) if (angle(f.targets, f.targets, d, i, j) < 0.2) return false;
  }
  return true;
}

/** The arbitrary of CapFamily (spec G1 + G2), filtered by the rejection rules. */
export function capFamily(spec: CapFamilySpec): fc.Arbitrary<CapFamily> {
  const dMax = Math.max(...spec.dims);
  const NMax = spec.N[1];
  const nMax = spec.n[1];
  return fc
    .record({
      d: fc.constantFrom(...spec.dims),
      N: fc.integer({ min: spec.N[0], max: NMax }),
      sizes: fc.array(fc.integer({ min: spec.n[0], max: nMax }), { minLength: NMax, maxLength: NMax }),
      radius: unitBlock(1),
      mode:
        spec.centre === 'mixed'
          ? fc.constantFrom<CenterMode>('orthant', 'uniform')
          : fc.constant<CenterMode>(spec.centre),
      // raw blocks are not shrunk element-wise (hundreds of re-evaluations of ODE runs); shrinking acts on
      // d, N, the cloud sizes (slicing keeps the leading tokens), the radius and the centre mode
      centres: fc.noShrink(unitBlock(NMax * 2 * dMax)),
      points: fc.noShrink(unitBlock(NMax * capRawLength(nMax, dMax))),
      targets: fc.noShrink(unitBlock(NMax * 2 * dMax)),
      extra: fc.noShrink(unitBlock(spec.extraLength ?? 0)),
    })
    .map(({ d, N, sizes, radius, mode, centres, points, targets, extra }) => {
      const r = spec.radius[0] + radius[0]! * (spec.radius[1] - spec.radius[0]);
      const centerOf = (i: number): Float64Array => {
        const raw = centres.slice((spec.shared ? 0 : i) * 2 * dMax);
        return mode === 'orthant' ? orthantCenter(raw, d, 0.1) : unitVector(raw, d);
      };
      const per = capRawLength(nMax, dMax);
      const clouds = [...Array(N).keys()].map((i) =>
        capPoints(points.slice(i * per), sizes[i]!, d, dMax, centerOf(i), r, nMax),
      );
      const y = spec.targets ? new Float64Array(N * d) : undefined;
      if (y) for (let i = 0; i < N; i++) y.set(unitVector(targets, d, i * 2 * dMax), i * d);
      return { d, clouds, centre: mode, radius: r, extra, ...(y ? { targets: y } : {}) };
    })
    .filter((f) => acceptable(f, spec));
}
