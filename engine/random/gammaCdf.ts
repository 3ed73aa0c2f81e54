/**
 * The gamma distribution's CDF, for tables that need P(X <= x) of a gamma (the stationary vacancy
 * lengths of the initial team).
 */
import { logGamma } from '../stats/special.js';

/**
 * Regularised lower incomplete gamma P(a, x) = γ(a, x) / Γ(a): its series for x < a + 1, else 1 minus
 * the continued fraction of the upper tail (Lentz), each to a relative 1e-15.
 * @example gammaP(1, 2) // ≈ 1 - Math.exp(-2)
 */
export function gammaP(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError('gammaP: a must be > 0');
  if (!(x > 0)) return 0;
  const lead = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.min(1, sum * Math.exp(lead));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.max(0, 1 - Math.exp(lead) * h);
}

/**
 * CDF of a gamma given by mean and standard deviation at x (sd 0: a step at the mean).
 * @example gammaMeanSdCdf(3, 0, 3) // 1
 */
export function gammaMeanSdCdf(mean: number, sd: number, x: number): number {
  if (sd === 0 || mean === 0) return x >= mean ? 1 : 0;
  const shape = (mean * mean) / (sd * sd);
  return gammaP(shape, x / (mean / shape));
}
