/** Test helpers: moments with their standard errors, and a Kolmogorov-Smirnov statistic. */

export function moments(xs: ArrayLike<number>): { n: number; mean: number; variance: number; m4: number } {
  const n = xs.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i];
  const mean = s / n;
  let v = 0,
    m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - mean;
    v += d * d;
    m4 += d * d * d * d;
  }
  return { n, mean, variance: v / (n - 1), m4: m4 / n };
}

/**
 * Asserts that the sample mean is within k standard errors of `mu` (SE from the true sd when given,
 * else the sample's) and the sample variance within k SEs of `variance` (SE from the fourth moment).
 */
export function expectMoments(xs: ArrayLike<number>, mu: number, variance: number | null, k = 4): void {
  const m = moments(xs);
  const seMean = Math.sqrt((variance ?? m.variance) / m.n);
  if (Math.abs(m.mean - mu) > k * seMean) throw new Error(`mean ${m.mean} differs from ${mu} by more than ${k} SE (${seMean})`);
  if (variance !== null) {
    const seVar = Math.sqrt(Math.max(m.m4 - m.variance * m.variance, 0) / m.n);
    if (Math.abs(m.variance - variance) > k * seVar + 1e-12) throw new Error(`variance ${m.variance} differs from ${variance} by more than ${k} SE (${seVar})`);
  }
}

/** One-sample Kolmogorov-Smirnov statistic D against a CDF. */
export function ksStatistic(xs: ArrayLike<number>, cdf: (x: number) => number): number {
  const s = Float64Array.from(xs).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** Critical value of D at level alpha = 0.001 (asymptotic): sqrt(-ln(alpha/2)/2) / sqrt(n). */
export function ksCritical(n: number): number {
  return Math.sqrt(-Math.log(0.0005) / 2) / Math.sqrt(n);
}
