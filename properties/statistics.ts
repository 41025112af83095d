/**
 * Statistics for rates and proportions: quantiles, least-squares slopes with t-intervals, and exact
 * binomial (Clopper–Pearson) intervals. The special functions and quantiles come from @stdlib.
 */
import betainc from '@stdlib/math-base-special-betainc';
import gammaln from '@stdlib/math-base-special-gammaln';
import betaQuantileOf from '@stdlib/stats-base-dists-beta-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** The q-quantile (0 ≤ q ≤ 1) of finite values, linear interpolation between order statistics. */
export function quantile(values: readonly number[], q: number): number {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const pos = (xs.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo]! + (xs[hi]! - xs[lo]!) * (pos - lo);
}

/** log Γ(x) for x > 0 (@stdlib/math-base-special-gammaln). */
export function logGamma(x: number): number {
  return gammaln(x);
}

/** Regularised incomplete beta I_x(a, b) (@stdlib/math-base-special-betainc). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return betainc(x, a, b);
}

/** The p-quantile of the Beta(a, b) distribution, the inverse of x ↦ I_x(a, b) (@stdlib). */
function betaQuantile(p: number, a: number, b: number): number {
  return betaQuantileOf(p, a, b);
}

/**
 * Exact two-sided Clopper–Pearson interval for k successes in n trials at confidence `level`
 * (Clopper & Pearson, Biometrika 1934): [B(α/2; k, n−k+1), B(1−α/2; k+1, n−k)].
 */
export function clopperPearson(k: number, n: number, level = 0.95): [number, number] {
  if (n === 0) return [0, 1];
  const alpha = 1 - level;
  const lo = k === 0 ? 0 : betaQuantile(alpha / 2, k, n - k + 1);
  const hi = k === n ? 1 : betaQuantile(1 - alpha / 2, k + 1, n - k);
  return [lo, hi];
}

/** The p-quantile of Student's t distribution with df degrees of freedom (@stdlib). */
export function studentTQuantile(p: number, df: number): number {
  return tQuantile(p, df);
}

export interface LinearFit {
  readonly slope: number;
  readonly intercept: number;
  /** Standard error of the slope. */
  readonly slopeSE: number;
  /** 95% t-interval of the slope (n − 2 degrees of freedom). */
  readonly ci95: [number, number];
  readonly n: number;
  readonly r2: number;
}

/** Ordinary least squares y ≈ intercept + slope·x with the slope's standard error and 95% t-interval. */
export function linearFit(x: readonly number[], y: readonly number[]): LinearFit {
  const n = x.length;
  if (n < 2 || y.length !== n) throw new Error('linearFit needs ≥ 2 points of equal length');
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - mx) ** 2;
    sxy += (x[i]! - mx) * (y[i]! - my);
    syy += (y[i]! - my) ** 2;
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i]! - intercept - slope * x[i]!) ** 2;
  const df = n - 2;
  const slopeSE = df > 0 ? Math.sqrt(sse / df / sxx) : Infinity;
  const t = df > 0 ? studentTQuantile(0.975, df) : Infinity;
  return {
    slope,
    intercept,
    slopeSE,
    ci95: [slope - t * slopeSE, slope + t * slopeSE],
    n,
    r2: syy > 0 ? 1 - sse / syy : 1,
  };
}
