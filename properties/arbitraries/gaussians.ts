/**
 * Gaussians, Gaussian mixtures and particle sets for the `heat.*` properties (spec heat-flow-limit §5,
 * generators): Gaussian mean ∈ [−3, 3]^d, Σ = R diag(λ) Rᵀ with λ ∈ [0.25, 4] and a random rotation R;
 * mixtures of 2–3 isotropic components with weights ∈ [0.2, 0.8] (normalised), means ∈ [−3, 3]^d and
 * variances ∈ [0.5, 2]; ε log-uniform.
 *
 * Parameters are float32-exact scalars (scalars.ts) and shrink. Particle positions (hundreds per set) are
 * drawn from a per-instance integer seed with a fixed PRNG and rounded to float32, so the float64 oracle
 * and a float32 implementation see the same points; shrinking then reduces n, B and the parameters
 * rather than hundreds of coordinates (fast-check shrinks large arrays poorly).
 */
import { gaussianFromUnits, mulberry32 } from '../../impl/reference/prng.js';
import fc from 'fast-check';
import type { ParticleBatch } from '../../impl/capabilities/sb-attention.js';
import type { Gaussian, GaussianMixture } from '../../impl/reference/heat-flow.js';
import { logUniform, uniformIn } from './scalars.js';

/** A Gaussian with its spectral parameters (eigenvalues λ, rotation R as row-major d×d). */
export interface GaussianSource {
  readonly kind: 'gaussian';
  readonly gaussian: Gaussian;
  readonly lambdas: Float64Array;
  readonly rotation: Float64Array;
}

export interface MixtureSource {
  readonly kind: 'mixture';
  readonly mixture: GaussianMixture;
}

/** Duplicated points around a few centres: the degenerate sets of mean conservation (spec property 4). */
export interface ClusteredSource {
  readonly kind: 'clustered';
  readonly d: number;
  readonly centres: Float64Array;
  readonly spread: number;
}

export type Source = GaussianSource | MixtureSource | ClusteredSource;

/** Rotation of R^d from angles: d = 2 one angle, d = 3 the product R_z R_y R_x. */
export function rotationMatrix(d: number, angles: readonly number[]): Float64Array {
  if (d === 1) return Float64Array.of(1);
  if (d === 2) {
    const [a] = angles as [number];
    return Float64Array.of(Math.cos(a), -Math.sin(a), Math.sin(a), Math.cos(a));
  }
  const [a, b, c] = angles as [number, number, number];
  const Rz = [Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a), 0, 0, 0, 1];
  const Ry = [Math.cos(b), 0, Math.sin(b), 0, 1, 0, -Math.sin(b), 0, Math.cos(b)];
  const Rx = [1, 0, 0, 0, Math.cos(c), -Math.sin(c), 0, Math.sin(c), Math.cos(c)];
  const mul = (A: number[], B: number[]): number[] =>
    [...Array(9).keys()].map((k) =>
      [0, 1, 2].reduce((s, t) => s + A[Math.floor(k / 3) * 3 + t]! * B[t * 3 + (k % 3)]!, 0),
    );
  return Float64Array.from(mul(mul(Rz, Ry), Rx));
}

/** N(m, R diag(λ) Rᵀ). */
export function gaussianSource(
  mean: readonly number[],
  lambdas: readonly number[],
  angles: readonly number[],
): GaussianSource {
  const d = mean.length;
  const R = rotationMatrix(d, angles);
  const cov = new Float64Array(d * d);
  for (let r = 0; r < d; r++)
    for (let c = 0; c < d; c++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += R[r * d + k]! * lambdas[k]! * R[c * d + k]!;
      cov[r * d + c] = s;
    }
  return {
    kind: 'gaussian',
    gaussian: { d, mean: Float64Array.from(mean), cov },
    lambdas: Float64Array.from(lambdas),
    rotation: R,
  };
}

export interface GaussianRange {
  readonly lambdaMin?: number;
  readonly lambdaMax?: number;
  readonly meanMax?: number;
}

/** Gaussian generator of spec §5 in dimension d. */
export function gaussianArb(d: number, range: GaussianRange = {}): fc.Arbitrary<GaussianSource> {
  const mm = range.meanMax ?? 3;
  return fc
    .record({
      mean: fc.array(uniformIn(-mm, mm), { minLength: d, maxLength: d }),
      lambdas: fc.array(logUniform(range.lambdaMin ?? 0.25, range.lambdaMax ?? 4), { minLength: d, maxLength: d }),
      angles: fc.array(uniformIn(0, Math.fround(2 * Math.PI)), { minLength: 3, maxLength: 3 }),
    })
    .map(({ mean, lambdas, angles }) => gaussianSource(mean, lambdas, angles));
}

/** Mixture generator of spec §5 (2–3 isotropic components) in dimension d. */
export function mixtureArb(d: number): fc.Arbitrary<MixtureSource> {
  const component = fc.record({
    w: uniformIn(0.2, 0.8),
    mean: fc.array(uniformIn(-3, 3), { minLength: d, maxLength: d }),
    variance: uniformIn(0.5, 2),
  });
  return fc.array(component, { minLength: 2, maxLength: 3 }).map((cs) =>
    mixtureSource(
      d,
      cs.map((c) => c.w),
      cs.flatMap((c) => c.mean),
      cs.map((c) => c.variance),
    ),
  );
}

export function mixtureSource(
  d: number,
  weights: readonly number[],
  means: readonly number[],
  variances: readonly number[],
): MixtureSource {
  const s = weights.reduce((a, b) => a + b, 0);
  return {
    kind: 'mixture',
    mixture: {
      d,
      weights: Float64Array.from(weights, (w) => w / s),
      means: Float64Array.from(means),
      variances: Float64Array.from(variances),
    },
  };
}

/** The poster’s mixture ½N(−2, 1) + ½N(2, 1) (spec §4). */
export const POSTER_MIXTURE: MixtureSource = mixtureSource(1, [0.5, 0.5], [-2, 2], [1, 1]);

/** Clustered sets: 2–4 centres in [−3, 3]^d, points at a centre or within `spread` of it (exact duplicates included). */
export function clusteredArb(d: number): fc.Arbitrary<ClusteredSource> {
  return fc
    .record({
      centres: fc.array(fc.array(uniformIn(-3, 3), { minLength: d, maxLength: d }), { minLength: 2, maxLength: 4 }),
      spread: uniformIn(0, 0.5),
    })
    .map(({ centres, spread }) => ({
      kind: 'clustered' as const,
      d,
      centres: Float64Array.from(centres.flat()),
      spread,
    }));
}

/** Standard normal draws by Box–Muller (impl/reference/prng.ts) from mulberry32. */
function normalSampler(seed: number): () => number {
  const u = mulberry32(seed);
  return () => gaussianFromUnits(u(), u());
}

/**
 * n iid points of a source in R^d (row-major [n, d]), rounded to float32 — or to the 2⁻¹² grid when
 * `grid` is set (so that translations and power-of-2 scalings stay exact in float32).
 */
export function sampleSource(source: Source, n: number, seed: number, grid = false): Float64Array {
  const z = normalSampler(seed);
  const u = mulberry32(seed ^ 0x5bd1e995);
  const round = grid ? (v: number): number => Math.round(v * 4096) / 4096 : Math.fround;
  if (source.kind === 'gaussian') {
    const { d, mean } = source.gaussian;
    const out = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const e = Array.from({ length: d }, (_, k) => Math.sqrt(source.lambdas[k]!) * z());
      for (let r = 0; r < d; r++) {
        let s = mean[r]!;
        for (let k = 0; k < d; k++) s += source.rotation[r * d + k]! * e[k]!;
        out[i * d + r] = round(s);
      }
    }
    return out;
  }
  if (source.kind === 'mixture') {
    const { d, weights, means, variances } = source.mixture;
    const out = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      let k = 0;
      let acc = weights[0]!;
      const r0 = u();
      while (r0 >= acc && k < weights.length - 1) acc += weights[++k]!;
      for (let r = 0; r < d; r++) out[i * d + r] = round(means[k * d + r]! + Math.sqrt(variances[k]!) * z());
    }
    return out;
  }
  const { d, centres, spread } = source;
  const K = centres.length / d;
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(u() * K);
    const dup = u() < 0.5;
    for (let r = 0; r < d; r++) out[i * d + r] = round(centres[k * d + r]! + (dup ? 0 : spread * (2 * u() - 1)));
  }
  return out;
}

/** A batch of particle sets of one shape, with what generated each instance. */
export interface ParticleCase {
  readonly batch: ParticleBatch;
  readonly sources: readonly Source[];
  readonly seeds: readonly number[];
}

export interface ParticleCaseSpec {
  readonly d: fc.Arbitrary<number>;
  readonly n: fc.Arbitrary<number>;
  readonly batchMax: number;
  readonly epsMin: number;
  readonly epsMax: number;
  /** Source generator for a dimension. */
  readonly source: (d: number) => fc.Arbitrary<Source>;
  /** Round positions to the 2⁻¹² grid. */
  readonly grid?: boolean;
}

/** B particle sets (same n, d), each with its own source, seed and ε. */
export function particleCase(spec: ParticleCaseSpec): fc.Arbitrary<ParticleCase> {
  return fc.record({ d: spec.d, n: spec.n }).chain(({ d, n }) =>
    fc
      .array(
        fc.record({
          source: spec.source(d),
          seed: fc.integer({ min: 1, max: 0x7fffffff }),
          eps: logUniform(spec.epsMin, spec.epsMax),
        }),
        { minLength: 1, maxLength: spec.batchMax },
      )
      .map((instances) => {
        const B = instances.length;
        const x = new Float64Array(B * n * d);
        instances.forEach((ins, b) => x.set(sampleSource(ins.source, n, ins.seed, spec.grid), b * n * d));
        return {
          batch: { B, n, d, x, eps: Float64Array.from(instances, (i) => i.eps) },
          sources: instances.map((i) => i.source),
          seeds: instances.map((i) => i.seed),
        };
      }),
  );
}

/** Gaussian or mixture source in dimension d (spec §5 generators). */
export function gaussianOrMixture(d: number): fc.Arbitrary<Source> {
  return fc.oneof(gaussianArb(d), mixtureArb(d));
}
