import { nextU } from './streams.js';
import { logFactorial } from './logFactorial.js';

/** Means up to this use inversion (one uniform, monotone in the uniform and the mean); above, PTRS. */
export const POISSON_INVERSION_MAX = 30;

/**
 * Poisson quantile by sequential search from 0: the smallest k with CDF(k) >= u.
 * @example poissonInverse(4, 0.5) // 4
 */
export function poissonInverse(mean: number, u: number): number {
  if (mean <= 0) return 0;
  return poissonInverseExp(mean, Math.exp(-mean), u);
}

const INV = new Float64Array(256);
for (let k = 1; k < 256; k++) INV[k] = 1 / k;

/**
 * As `poissonInverse`, given exp(-mean) (callers that draw many times with the same mean cache it).
 * @example poissonInverseExp(4, Math.exp(-4), 0.5) // 4
 */
export function poissonInverseExp(mean: number, expNegMean: number, u: number): number {
  if (mean <= 0) return 0;
  let p = expNegMean;
  let cdf = p;
  let k = 0;
  while (u > cdf && k < 10_000) {
    k++;
    p *= k < 256 ? mean * INV[k] : mean / k;
    cdf += p;
    if (p === 0 && k > mean) break;
  }
  return k;
}

/**
 * A Poisson draw from stream `i`. Small means (<= 30) invert one uniform, so a small change of the
 * mean moves each draw a little (common random numbers); large means use Hörmann's PTRS
 * transformed rejection, exact and O(1).
 * @example
 * const S = createStreams(1);
 * seedStream(S, 0, 1, 2, 3); // stream 0, from trial key (1, 2) and stream id 3
 * Number.isInteger(poisson(S, 0, 4)) // true
 * poisson(S, 0, 0) // 0
 */
export function poisson(S: Int32Array, i: number, mean: number): number {
  if (mean <= POISSON_INVERSION_MAX) return poissonInverse(mean, nextU(S, i));
  return poissonPtrs(S, i, mean);
}

/** Hörmann (1993) PTRS for mean >= 10. */
export function poissonPtrs(S: Int32Array, i: number, lam: number): number {
  const slam = Math.sqrt(lam);
  const loglam = Math.log(lam);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const U = nextU(S, i) - 0.5;
    const V = nextU(S, i);
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + lam + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (Math.log(V) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lam + k * loglam - logFactorial(k)) return k;
  }
}
