/** The heat-flow oracles against each other, against the spec's numbers and against the float64 particle SB step. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sbStep } from '../../impl/reference/barycentric-projection.js';
import { gaussianEulerStep, mixtureEulerStep, mixtureScore } from '../../impl/reference/explicit-euler.js';
import {
  authorsContraction,
  gaussianSBStep,
  janatiCrossCovariance,
  sbCrossCovariance,
  sbProjectionMatrix,
  sbStepMatrix,
  sbVarianceRecursion,
  surrogateSBStepMatrix,
} from '../../impl/reference/gaussian-sb-step.js';
import {
  gaussianHeatFlow,
  mixtureHeatFlow,
  mixtureLogDensity,
  mixtureMoments,
  mixturePdf1D,
  mixtureQuantile1D,
  mixtureCdf1D,
} from '../../impl/reference/heat-flow.js';
import { normalCdf, normalQuantile } from '../../impl/reference/normal-distribution.js';
import { symmetricEigen } from '../../impl/reference/symmetric-eigen.js';
import {
  w2CommutingGaussians,
  w2Empirical1D,
  w2EmpiricalMixture1D,
  w2Gaussian,
} from '../../impl/reference/wasserstein.js';
import { gaussianSource, POSTER_MIXTURE } from '../../properties/arbitraries/gaussians.js';
import { checkedContraction, sbStepOracle, weightedGrid1D } from '../../properties/heat/common.js';
import { OracleError } from '../../impl/errors.js';
import { attentionLogits, sinkhornAttention } from '../../impl/reference/sinkformer-layer.js';

const close = (a: number, b: number, tol: number, what: string): void =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (tol ${tol})`);

test('normal CDF and quantile: reference values to 1e-15', () => {
  close(normalCdf(1.96), 0.9750021048517795, 2e-16, 'Φ(1.96)');
  close(normalCdf(-5), 2.866515718791939e-7, 1e-21, 'Φ(−5)');
  close(normalCdf(0), 0.5, 0, 'Φ(0)');
  close(normalQuantile(0.975), 1.959963984540054, 1e-13, 'Φ⁻¹(0.975)');
});

test('authors’ C_{η²} = Janati’s Σ⁻¹C_σ (σ² = ε) = the same-marginal eigen-formula, d = 1..3', () => {
  for (const d of [1, 2, 3]) {
    const g = gaussianSource([0.3, -1, 2].slice(0, d), [0.25, 1.7, 4].slice(0, d), [0.4, 1.1, 2.3]).gaussian;
    for (const eps of [0.01, 0.1, 0.2]) {
      const J = janatiCrossCovariance(g.cov, g.cov, eps, d);
      const G = sbCrossCovariance(g.cov, eps, d);
      for (let k = 0; k < d * d; k++) close(J[k]!, G[k]!, 1e-13, `Γ entry ${k}`);
      const ev = symmetricEigen(sbProjectionMatrix(g.cov, eps, d), d).values;
      const lam = symmetricEigen(g.cov, d).values;
      for (let k = 0; k < d; k++) close(ev[k]!, authorsContraction(lam[k]!, eps), 1e-14, `c(λ_${k})`);
    }
  }
});

test('exact SB recursion reproduces the authors’ notebook values (spec §2.2)', () => {
  close(sbVarianceRecursion(1, 0.1, 50), 5.998912115935248, 1e-12, 'σ₀² = 1, ε = 0.1, 50 steps');
  close(sbVarianceRecursion(0.25, 0.01, 500), 5.249951627908027, 1e-11, 'σ₀² = 0.25, ε = 0.01, 500 steps');
});

test('one-step table of spec §2.3 at λ = 1 (W2 of SB, EE, heat via the commuting Bures form)', () => {
  const rows = [
    [0.2, 4.33e-4, 4.99e-3, 4.56e-3],
    [0.1, 5.81e-5, 1.249e-3, 1.19e-3],
    [0.05, 7.53e-6, 3.125e-4, 3.05e-4],
    [0.025, 9.59e-7, 7.81e-5, 7.72e-5],
  ] as const;
  for (const [eps, sbHeat, eeSb, eeHeat] of rows) {
    const g = gaussianSource([0], [1], [0, 0, 0]).gaussian;
    const sb = gaussianSBStep(g, eps).cov[0]!;
    const ee = gaussianEulerStep(g, eps).cov[0]!;
    const heat = gaussianHeatFlow(g, eps).cov[0]!;
    close(w2CommutingGaussians([sb], [heat]), sbHeat, 0.01 * sbHeat, `W2(SB, heat) at ε=${eps}`);
    close(w2CommutingGaussians([ee], [sb]), eeSb, 0.01 * eeSb, `W2(EE, SB) at ε=${eps}`);
    close(w2CommutingGaussians([ee], [heat]), eeHeat, 0.01 * eeHeat, `W2(EE, heat) at ε=${eps}`);
    // EE variance λ + ε + ε²/(4λ)
    close(ee, 1 + eps + (eps * eps) / 4, 1e-15, 'EE variance');
  }
});

test('surrogate σ_ε = N(m, λ − ε/4): EE gap ε³/(32λ^{5/2}) (spec §1.1 numbers at σ = 1)', () => {
  const measured = [
    [0.2, 2.6e-4],
    [0.1, 3.2e-5],
    [0.05, 4.0e-6],
    [0.025, 4.9e-7],
    [0.0125, 6.1e-8],
  ] as const;
  for (const [eps, v] of measured) {
    const sur = surrogateSBStepMatrix(Float64Array.of(1), eps, 1)[0]!;
    const w = Math.abs(sur - (1 + eps / 2));
    close(w, v, 0.05 * v, `W2(EE, SB_sur) at ε=${eps}`);
  }
});

test('closed-form Gaussian SB step = float64 particle SB step on a density-weighted grid (1e-12)', () => {
  for (const [m, lam, eps] of [
    [0.5, 1, 0.1],
    [-2, 0.3, 0.02],
    [1, 3.5, 0.2],
  ] as const) {
    const { x, w } = weightedGrid1D(m, lam, eps);
    const n = x.length;
    const s = sbStep({ n, d: 1, x, w }, eps, { tolerance: 1e-14, maxIterations: 1000 });
    const M = sbStepMatrix(Float64Array.of(lam), eps, 1)[0]!;
    for (let i = 0; i < n; i++)
      if (Math.abs(x[i]! - m) < 3 * Math.sqrt(lam)) close(s.x[i]!, m + M * (x[i]! - m), 1e-12, `grid point ${i}`);
  }
});

test('Bures: trace form = commuting form; heat flow moments of a mixture grow by tI', () => {
  const S1 = Float64Array.of(2, 0.3, 0.3, 1);
  const S2 = Float64Array.of(2.5, 0.3, 0.3, 1.5); // S1 + 0.5 I commutes with S1
  const e1 = symmetricEigen(S1, 2).values;
  close(
    w2Gaussian([0, 0], S1, [0, 0], S2, 2),
    w2CommutingGaussians(
      e1,
      e1.map((l) => l + 0.5),
    ),
    1e-7,
    'Bures forms',
  );
  const m = POSTER_MIXTURE.mixture;
  close(mixtureMoments(m).cov[0]!, 5, 1e-15, 'Var of ½N(±2,1)');
  close(mixtureMoments(mixtureHeatFlow(m, 1.5)).cov[0]!, 6.5, 1e-15, 'Var after t = 1.5');
});

test('mixture moments of an asymmetric mixture: 1-D by quadrature of the density, 2-D by the uncentred formula', () => {
  // 1-D, means not centred at 0: E x and Var x by the trapezoid rule on [−30, 30] (error ≪ 1e-10)
  const m1 = {
    d: 1,
    weights: Float64Array.of(0.3, 0.7),
    means: Float64Array.of(-1, 3),
    variances: Float64Array.of(0.25, 4),
  };
  let z = 0;
  let s1 = 0;
  let s2 = 0;
  const h = 1e-3;
  for (let x = -30; x <= 30; x += h) {
    const p = mixturePdf1D(m1, x) * h;
    z += p;
    s1 += p * x;
    s2 += p * x * x;
  }
  const mean = s1 / z;
  close(mixtureMoments(m1).mean[0]!, mean, 1e-9, 'mean by quadrature');
  close(mixtureMoments(m1).cov[0]!, s2 / z - mean * mean, 1e-8, 'variance by quadrature (6.235)');
  // 2-D: Cov = Σ_k w_k (s_k² I + m_k m_kᵀ) − m̄ m̄ᵀ
  const m2 = {
    d: 2,
    weights: Float64Array.of(0.2, 0.5, 0.3),
    means: Float64Array.of(1, 2, -3, 0.5, 4, -1),
    variances: Float64Array.of(0.5, 1, 2),
  };
  const mm = mixtureMoments(m2);
  const bar = [0, 1].map((r) => [0, 1, 2].reduce((a, k) => a + m2.weights[k]! * m2.means[2 * k + r]!, 0));
  for (let r = 0; r < 2; r++) {
    close(mm.mean[r]!, bar[r]!, 1e-15, `mean[${r}]`);
    for (let c = 0; c < 2; c++) {
      const raw = [0, 1, 2].reduce(
        (a, k) => a + m2.weights[k]! * ((r === c ? m2.variances[k]! : 0) + m2.means[2 * k + r]! * m2.means[2 * k + c]!),
        0,
      );
      close(mm.cov[r * 2 + c]!, raw - bar[r]! * bar[c]!, 1e-13, `cov[${r}][${c}]`);
    }
  }
});

test('mixture score = ∇log density (central differences) and the EE step uses −(ε/2)·score', () => {
  const m = {
    d: 2,
    weights: Float64Array.of(0.3, 0.7),
    means: Float64Array.of(-1, 0.5, 2, -1),
    variances: Float64Array.of(0.6, 1.4),
  };
  const x = [0.3, 0.2];
  const s = mixtureScore(m, x);
  const h = 1e-5;
  for (let r = 0; r < 2; r++) {
    const xp = [...x];
    const xm = [...x];
    xp[r]! += h;
    xm[r]! -= h;
    close(s[r]!, (mixtureLogDensity(m, xp) - mixtureLogDensity(m, xm)) / (2 * h), 1e-8, `score ${r}`);
  }
  const y = mixtureEulerStep(m, x, 1, 0.1);
  close(y[0]!, x[0]! - 0.05 * s[0]!, 1e-15, 'EE step');
});

test('W2 empirical-vs-mixture: exact formula = ∫₀¹(Q_emp − F⁻¹)² by quadrature; shift identity; sorted matching', () => {
  const m = POSTER_MIXTURE.mixture;
  const x = Float64Array.of(-3.1, -2.2, -1.7, -0.4, 0.2, 1.1, 1.9, 2.05, 2.6, 4.2);
  const n = x.length;
  const w = w2EmpiricalMixture1D(x, m);
  // midpoint quadrature in u with 40 000 cells (the integrand is smooth inside each atom's interval except near 0, 1)
  const Q = 40_000;
  let s = 0;
  for (let k = 0; k < Q; k++) {
    const u = (k + 0.5) / Q;
    s += (x[Math.floor(u * n)]! - mixtureQuantile1D(m, u)) ** 2 / Q;
  }
  close(w * w, s, 1e-4 * s, 'W2² formula vs quadrature');
  // shifting every atom by a moves W2² by a² + 2a·(x̄ − mean(ν)) (exact identity; mean(ν) = 0)
  const a = 0.3;
  const w2a = w2EmpiricalMixture1D(
    x.map((v) => v + a),
    m,
  );
  const mean = x.reduce((t, v) => t + v, 0) / n;
  close(w2a * w2a, w * w + a * a + 2 * a * mean, 1e-10, 'shift identity');
  close(mixtureCdf1D(m, mixtureQuantile1D(m, 0.3)), 0.3, 1e-13, 'F(F⁻¹(0.3))');
  close(w2Empirical1D([3, 1, 2], [0, 2, 1]), 1, 1e-15, 'sorted matching: [1,2,3] vs [0,1,2]');
});

test('run-time oracle checks: c(λ) meets its defining equation, else OracleError; SB oracle at its tolerance', () => {
  for (const [l, e] of [
    [0.25, 0.003],
    [1, 0.1],
    [4, 4],
  ] as const) {
    close(checkedContraction(l, e), authorsContraction(l, e), 0, `c(${l}, ${e})`);
  }
  assert.throws(
    () => checkedContraction(NaN, 0.1),
    (e: unknown) => e instanceof OracleError,
  );
  const x = Float64Array.from({ length: 24 }, (_, k) => Math.sin(1.3 * k));
  const s = sbStepOracle({ n: 12, d: 2, x }, 0.01);
  assert.ok(s.residual < 0.01 * 1e-12 && s.iterations < 1000, `residual ${s.residual}`);
});

test('layer normalisations from the SB bridge’s scaling stay put; cold-started, slow', () => {
  const x = Float64Array.of(-1, -1, -1, -1, 0.758129358291626, -1);
  const I = [1, 0, 0, 1];
  const logits = attentionLogits(x, 3, 2, I, I);
  const s = sbStepOracle({ n: 3, d: 2, x }, 0.25);
  const init = [0, 1, 2].map((j) => -Math.log(3) + s.logPotential[j]! - (x[2 * j]! ** 2 + x[2 * j + 1]! ** 2) / 0.5);
  const warm = sinkhornAttention(logits, 3, 0.25, 3, init);
  const cold = sinkhornAttention(logits, 3, 0.25, 2000);
  const col = (K: Float64Array): number =>
    Math.max(...[0, 1, 2].map((j) => Math.abs(K[j]! + K[3 + j]! + K[6 + j]! - 1)));
  assert.ok(col(warm) < 1e-14, `warm column defect ${col(warm)}`);
  assert.ok(col(cold) > 1e-7, `cold column defect ${col(cold)} (the slow rate the claim's note describes)`);
});

test.run();
