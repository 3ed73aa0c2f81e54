import { regularizedBeta, logBeta } from '../stats/special.js';

/**
 * Quantile of the Beta(a, b) distribution: the x in [0, 1] with I_x(a, b) = p, by Newton steps kept
 * inside a shrinking bisection bracket (absolute tolerance 1e-13).
 * @example betaQuantile(0.5, 2, 2) // 0.5
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError('betaQuantile: a and b must be > 0');
  if (!(p >= 0 && p <= 1)) throw new RangeError('betaQuantile: p must be in [0, 1]');
  if (p === 0) return 0;
  if (p === 1) return 1;
  let lo = 0;
  let hi = 1;
  let x = a / (a + b);
  const lb = logBeta(a, b);
  for (let i = 0; i < 200; i++) {
    const f = regularizedBeta(x, a, b) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const dens = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lb);
    let next = x - f / dens;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) < 1e-13 || hi - lo < 1e-15) return next;
    x = next;
  }
  return x;
}
