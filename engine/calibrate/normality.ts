/**
 * Anderson-Darling test of normality with the mean and variance estimated from the sample (Stephens'
 * "case 3"), used on log deal amounts to test the lognormal. The statistic is
 *   A^2 = -n - (1/n) sum_i (2i - 1) [ln Phi(z_(i)) + ln(1 - Phi(z_(n+1-i)))],  z = (y - mean) / sd (n - 1),
 * adjusted A*^2 = A^2 (1 + 0.75/n + 2.25/n^2), and the p-value from D'Agostino & Stephens (1986),
 * Goodness-of-Fit Techniques, Table 4.9 (the same formulas as R's nortest::ad.test).
 */

/**
 * ln Phi(z) for the standard normal, accurate in both tails: erfc by the Numerical Recipes Chebyshev
 * fit (fractional error below 1.2e-7 everywhere), so ln Phi keeps its relative accuracy far into the tail.
 * @example logNormalCdf(0) // ≈ Math.log(0.5)
 */
export function logNormalCdf(z: number): number {
  // Phi(z) = erfc(-z / sqrt 2) / 2
  const x = -z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  // ln erfc(|x|) = ln t + poly
  if (x >= 0) return Math.log(t) + poly - Math.LN2;
  return Math.log1p(-0.5 * t * Math.exp(poly));
}

/** The test's result. */
export interface NormalityTest {
  test: string;
  n: number;
  /** A^2 and the small-sample adjusted A*^2 */
  statistic: number;
  adjusted: number;
  pValue: number;
}

/**
 * p-value of the adjusted statistic A*^2 (D'Agostino & Stephens 1986, Table 4.9).
 * @example adPValue(0.787) // ≈ 0.04
 */
export function adPValue(a: number): number {
  let p: number;
  if (a < 0.2) p = 1 - Math.exp(-13.436 + 101.14 * a - 223.73 * a * a);
  else if (a < 0.34) p = 1 - Math.exp(-8.318 + 42.796 * a - 59.938 * a * a);
  else if (a < 0.6) p = Math.exp(0.9177 - 4.279 * a - 1.38 * a * a);
  else if (a < 10) p = Math.exp(1.2937 - 5.709 * a + 0.0186 * a * a);
  else p = 3.7e-24; // the formula's value at 10, an upper bound: beyond it the fit is not valid and p is smaller still
  return Math.min(1, Math.max(0, p));
}

/**
 * Anderson-Darling normality test of `ys` (needs n >= 8 and some spread; otherwise p = NaN).
 * @example andersonDarling(amounts.map(Math.log)).pValue < 0.01 // lognormal rejected
 */
export function andersonDarling(ys: readonly number[]): NormalityTest {
  const n = ys.length;
  const test = 'Anderson-Darling normality of log amounts (mean and sd estimated)';
  const y = Float64Array.from(ys).sort();
  let m = 0;
  for (let i = 0; i < n; i++) m += y[i];
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (y[i] - m) ** 2;
  const sd = Math.sqrt(v / (n - 1));
  if (n < 8 || !(sd > 0)) return { test, n, statistic: NaN, adjusted: NaN, pValue: NaN };
  let s = 0;
  for (let i = 0; i < n; i++) {
    const lo = logNormalCdf((y[i] - m) / sd);
    const hi = logNormalCdf(-(y[n - 1 - i] - m) / sd);
    s += (2 * i + 1) * (lo + hi);
  }
  const a2 = -n - s / n;
  const adj = a2 * (1 + 0.75 / n + 2.25 / (n * n));
  return { test, n, statistic: a2, adjusted: adj, pValue: adPValue(adj) };
}
