import { nextU } from './streams.js';
import { logFactorial } from './logFactorial.js';

const INV = new Float64Array(256);
for (let k = 1; k < 256; k++) INV[k] = 1 / k;

/** n x min(p, 1-p) up to this uses inversion (one uniform); above, BTRS. */
export const BINOMIAL_INVERSION_MAX = 30;

/**
 * Binomial quantile by sequential search: the smallest k with CDF(k) >= u. Monotone in u and in p.
 * @example binomialInverse(10, 0.5, 0.5) // 5
 */
export function binomialInverse(n: number, p: number, u: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  // p > 0.5: count failures with 1 - u (no recursion, so the sampler inlines into hot loops)
  const flip = p > 0.5;
  const pp = flip ? 1 - p : p;
  const uu = flip ? 1 - u : u;
  const q = 1 - pp;
  const r = pp / q;
  // q^n by repeated squaring (see powInt)
  let f = 1;
  let b = q;
  for (let e = n; e > 0; ) {
    if (e & 1) f *= b;
    e >>>= 1;
    if (e > 0) b *= b;
  }
  let cdf = f;
  let k = 0;
  while (uu > cdf && k < n) {
    f *= k < 255 ? r * (n - k) * INV[k + 1] : (r * (n - k)) / (k + 1);
    k++;
    cdf += f;
  }
  return flip ? n - k : k;
}

/**
 * x^n for a whole n >= 0 by repeated squaring (a few multiplications instead of Math.pow; monotone in x
 * for x >= 0, since every step is a correctly rounded product of non-negative numbers).
 * @example powInt(0.5, 3) // 0.125
 */
export function powInt(x: number, n: number): number {
  let r = 1;
  let b = x;
  while (n > 0) {
    if (n & 1) r *= b;
    n >>>= 1;
    if (n > 0) b *= b;
  }
  return r;
}

/**
 * A Binomial(n, p) draw from stream `i`: inversion of one uniform when n x min(p, 1-p) <= 30 (common
 * random numbers friendly), else Hörmann's BTRS transformed rejection.
 * @example
 * const S = createStreams(1);
 * seedStream(S, 0, 1, 2, 3); // stream 0, from trial key (1, 2) and stream id 3
 * const won = binomial(S, 0, 12, 0.25);
 * Number.isInteger(won) && won >= 0 && won <= 12 // true
 * binomial(S, 0, 12, 0) // 0
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
