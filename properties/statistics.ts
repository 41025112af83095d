/**
 * Statistics for rates and proportions: quantiles, least-squares slopes with t-intervals, and exact
 * binomial (Clopper–Pearson) intervals. Plain float64, no dependencies.
 */

/** The q-quantile (0 ≤ q ≤ 1) of finite values, linear interpolation between order statistics. */
export function quantile(values: readonly number[], q: number): number {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const pos = (xs.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo]! + (xs[hi]! - xs[lo]!) * (pos - lo);
}

/** log Γ(x) by the Lanczos approximation (g = 7, n = 9), |rel. error| < 1e-15 for x > 0. */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised incomplete beta I_x(a, b) by Lentz's continued fraction (Numerical Recipes §6.4). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const tiny = 1e-300;
  let f = 1;
  let C = 1;
  let D = 0;
  for (let i = 0; i <= 400; i++) {
    const m = Math.floor(i / 2);
    let num: number;
    if (i === 0) num = 1;
    else if (i % 2 === 0) num = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    else num = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    D = 1 + num * D;
    if (Math.abs(D) < tiny) D = tiny;
    D = 1 / D;
    C = 1 + num / C;
    if (Math.abs(C) < tiny) C = tiny;
    const cd = C * D;
    f *= cd;
    if (Math.abs(1 - cd) < 1e-15) break;
  }
  return (front * (f - 1)) / a;
}

/** Inverse of p ↦ I_x(a, b) in x, by bisection to 1e-12. */
export function betaQuantile(p: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 100; k++) {
    const mid = (lo + hi) / 2;
    if (incompleteBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
    if (hi - lo < 1e-12) break;
  }
  return (lo + hi) / 2;
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

/** Student t quantile by bisection on the t CDF (via the incomplete beta). */
export function studentTQuantile(p: number, df: number): number {
  const cdf = (t: number): number => {
    const x = df / (df + t * t);
    const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
    return t >= 0 ? 1 - tail : tail;
  };
  let lo = -1e3;
  let hi = 1e3;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
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
  return { slope, intercept, slopeSE, ci95: [slope - t * slopeSE, slope + t * slopeSE], n, r2: syy > 0 ? 1 - sse / syy : 1 };
}
