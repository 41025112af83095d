/**
 * interpolation.clustering-rate (GRR Prop 2.1, rate from CLPR25 Thm 2.3; spec §4.2 item 7): under the constant
 * θ = (I, βI, 0) a cap clusters to one atom: nested geodesic hulls (cone nesting), nonincreasing diameter,
 * W2(μ(T), δ_z̄) ≤ δ at T = log(1/δ) + 6, exponential rate ≈ 1, and z̄ in the initial cone.
 */
import { coneResidual } from '../../impl/reference/nnls.js';
import { barycenter, geodesicDiameter, unit, w2ToDirac } from '../../impl/reference/sphere-geometry.js';
import { capFamily, type CapFamily } from '../arbitraries/sphere-caps.js';
import { measure } from '../measure.js';
import { linearFit } from '../statistics.js';
import type { BatchOutcome, ClaimSummary, Measurement, Series } from '../types.js';
import { CAP_FAMILY_VIEW, familyCoverage, interpolatorOf, repeated } from './common.js';
import { UNIT_ROUNDOFF_F64 } from '../../impl/reference/numeric.js';
import { defineProperty } from '../define.js';
import { clusteringRate } from '../../theorems/geshkovski-rigollet-ruiz-balet-2024/index.js';

const DELTA = 1e-4;
const T0 = 6;
const CHECK = 0.5;
const STEP = 2e-2;
const BETAS = [0, 1, 4] as const;
const RATE_BAND: readonly [number, number] = [0.8, 1.2];

export const clusteringRateProperty = defineProperty<CapFamily>(clusteringRate, {
  arbitrary: () =>
    capFamily({
      dims: [3, 4],
      N: [1, 1],
      n: [5, 30],
      radius: [0.1, Math.PI / 4],
      centre: 'uniform',
      shared: true,
      extraLength: 1,
    }),
  runs: { quick: 2, ci: 6, thorough: 60 },
  defaultSeed: 20241107,
  ...CAP_FAMILY_VIEW,
  async run(f, ctx): Promise<BatchOutcome> {
    const I = interpolatorOf(ctx);
    const d = f.d;
    const beta = BETAS[Math.min(2, Math.floor(3 * f.extra[0]!))]!;
    const V = new Float64Array(d * d);
    const B = new Float64Array(d * d);
    for (let k = 0; k < d; k++) {
      V[k * d + k] = 1;
      B[k * d + k] = beta;
    }
    const T = Math.log(1 / DELTA) + T0;
    const K = Math.ceil(T / CHECK);
    const p = { duration: CHECK, V, B, W: new Float64Array(d * d), U: new Float64Array(d * d), b: new Float64Array(d) };
    const fam = { d, clouds: [f.clouds[0]!] };
    const x0 = (await I.evolve(fam, { d, pieces: [] })).final[0]!;
    const r = await I.evolve(fam, repeated(d, p, K), { record: true, step: STEP });
    const states = [x0, ...r.boundaries!.map((b) => b[0]!)];
    const n = x0.length / d;
    const ms: Measurement[] = [];
    let nestExcess = 0;
    let nestWorst = 0;
    let diamUp = 0;
    const curve: [number, number][] = [];
    for (let k = 0; k < states.length; k++) {
      const x = states[k]!;
      curve.push([k * CHECK, w2ToDirac(x, n, d, unit(barycenter(x, n, d)))]);
      if (k === 0) continue;
      const prev = states[k - 1]!;
      // tokens are known to u₆₄ absolutely; the cone of generators within diam of each other (thin in one
      // direction as the cloud collapses) has condition number up to 1/diam², so the NNLS residual of a point that
      // is in the cone is rounding up to ~64u₆₄/diam². Checked while diam ≥ 1e-3 (below, rounding dominates),
      // with tolerance 1e-10 + 64u₆₄/diam².
      const diam = geodesicDiameter(prev, n, d);
      if (diam >= 1e-3) {
        const tol = 1e-10 + (64 * UNIT_ROUNDOFF_F64) / diam ** 2;
        for (let t = 0; t < n; t++) {
          const res = coneResidual(prev, n, d, x.subarray(t * d, (t + 1) * d));
          nestWorst = Math.max(nestWorst, res);
          nestExcess = Math.max(nestExcess, res - tol);
        }
      }
      diamUp = Math.max(diamUp, geodesicDiameter(x, n, d) - geodesicDiameter(prev, n, d));
    }
    // (a) NNLS residual of each token in cone{tokens one checkpoint earlier} (spec: ≤ 1e-10)
    ms.push(
      measure(0, '(a) cone nesting (diam ≥ 1e-3): NNLS residual minus (1e-10 + 64u₆₄/diam²)', nestExcess, '<=', 0, 0),
    );
    // (b) max pairwise geodesic distance nonincreasing (r ≤ π/4: it is diam conv_g) (spec: 1e-12)
    ms.push(measure(0, '(b) increase of the geodesic diameter between checkpoints', diamUp, '<=', 0, 1e-12));
    const xT = states[states.length - 1]!;
    const zT = unit(barycenter(xT, n, d));
    ms.push(measure(0, `(c) W2(μ(T), δ_z̄) at T = log(1/δ) + ${T0}`, w2ToDirac(xT, n, d, zT), '<=', DELTA, 0));
    ms.push(measure(0, '(e) z̄(T) ∈ cone(initial tokens): NNLS residual', coneResidual(x0, n, d, zT), '<=', 0, 1e-10));
    // (d) exponential rate fitted between W2 = 1e-3 and 1e-6
    const window = curve.filter(([, w]) => w <= 1e-3 && w >= 1e-6);
    let rate = NaN;
    if (window.length >= 3) {
      rate = -linearFit(
        window.map((q) => q[0]),
        window.map((q) => Math.log(q[1])),
      ).slope;
      ms.push(measure(0, '(d) fitted rate between W2 = 1e-3 and 1e-6 (band [0.8, 1.2])', rate, '==', 1, 0.2));
    }
    const series: Series[] = [
      {
        name: `W2(μ(t), δ_z̄) — d=${d}, n=${n}, β=${beta}, r=${f.radius.toFixed(2)}`,
        x: 't',
        y: 'W2',
        points: curve,
        role: 'measured',
        logY: true,
        group: 'clustering',
      },
    ];
    return {
      instances: 1,
      measurements: ms,
      coverage: [familyCoverage(f, { beta })],
      series,
      data: { rate: Number.isNaN(rate) ? [] : [rate], beta: [beta], nestWorst: [nestWorst] },
    };
  },
  summarize(outcomes): ClaimSummary {
    const rates = outcomes.flatMap((o) => o.data?.['rate'] ?? []);
    if (rates.length < 2) return { verdict: { status: 'inconclusive', reason: `only ${rates.length} fitted rate(s)` } };
    const m = rates.reduce((a, b) => a + b, 0) / rates.length;
    const sd = Math.sqrt(rates.reduce((a, b) => a + (b - m) ** 2, 0) / (rates.length - 1));
    const half = (1.96 * sd) / Math.sqrt(rates.length);
    const inBand = rates.every((x) => x >= RATE_BAND[0] && x <= RATE_BAND[1]);
    return {
      rates: [
        {
          name: 'exponential clustering rate of W2(μ(t), δ_z̄), V = I',
          estimate: m,
          ci95: [m - half, m + half],
          theory: RATE_BAND,
          method: 'per-instance OLS of log W2 on t between 1e-3 and 1e-6; mean ± 1.96 sd/√k',
          verdict: inBand ? 'consistent' : 'inconsistent',
        },
      ],
      verdict: inBand
        ? {
            status: 'verified',
            reason: `all ${rates.length} fitted rates in [0.8, 1.2] (mean ${m.toFixed(3)}) and every bound held`,
          }
        : {
            status: 'violated',
            reason: `fitted rates outside [0.8, 1.2]: ${rates
              .filter((x) => x < RATE_BAND[0] || x > RATE_BAND[1])
              .map((x) => x.toFixed(3))
              .join(', ')}`,
          },
    };
  },
});
