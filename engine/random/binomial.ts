import { nextU } from './streams.js';
import { logFactorial } from './logFactorial.js';

/** n x min(p, 1-p) up to this uses inversion (one uniform); above, BTRS. */
export const BINOMIAL_INVERSION_MAX = 30;

/**
 * Binomial quantile by sequential search: the smallest k with CDF(k) >= u. Monotone in u and in p.
 * @example binomialInverse(10, 0.5, 0.5) // 5
 */
export function binomialInverse(n: number, p: number, u: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomialInverse(n, 1 - p, 1 - u);
  const q = 1 - p;
  const r = p / q;
  let f = Math.pow(q, n);
  let cdf = f;
  let k = 0;
  while (u > cdf && k < n) {
    f *= (r * (n - k)) / (k + 1);
    k++;
    cdf += f;
  }
  return k;
}

/**
 * A Binomial(n, p) draw from stream `i`: inversion of one uniform when n x min(p, 1-p) <= 30 (common
 * random numbers friendly), else Hörmann's BTRS transformed rejection.
 * @example // won = binomial(S, i, 12, 0.25)
 */
export function binomial(S: Int32Array, i: number, n: number, p: number): number {
  if (n * (p < 0.5 ? p : 1 - p) <= BINOMIAL_INVERSION_MAX) return binomialInverse(n, p, nextU(S, i));
  return p > 0.5 ? n - binomialBtrs(S, i, n, 1 - p) : binomialBtrs(S, i, n, p);
}

/** Hörmann (1993) BTRS for p <= 0.5 and n p >= 10. */
export function binomialBtrs(S: Int32Array, i: number, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    const u = nextU(S, i) - 0.5;
    let v = nextU(S, i);
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}
