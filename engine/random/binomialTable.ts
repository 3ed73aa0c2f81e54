/**
 * Binomial(n, p) by table-guided inversion for a probability fixed for a whole run (the monthly
 * resolution probability 1/cycleMonths): the CDF of every n up to `nMax` is computed once, so a draw
 * is one uniform and a few comparisons (no pow, no exp). Monotone in the uniform; exact CDF up to
 * floating-point rounding of the pmf recurrence.
 */
import { binomial } from './binomial.js';
import { nextU } from './streams.js';

export interface BinomialTable {
  p: number;
  nMax: number;
  /** CDF rows: row n holds CDF(0..n) at offset n (n + 1) / 2 */
  cdf: Float64Array;
  /** p > 0.5: rows are for 1 - p and a draw is n - k(1 - u) */
  flip: boolean;
}

/**
 * CDF tables of Binomial(n, p) for n = 0..nMax.
 * @example const t = createBinomialTable(1 / 3, 64); binomialTableInverse(t, 3, 0.999) // 3
 */
export function createBinomialTable(p: number, nMax: number): BinomialTable {
  const key = `${p}:${nMax}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const t = buildTable(p, nMax);
  if (cache.size >= 16) cache.delete(cache.keys().next().value as string);
  cache.set(key, t);
  return t;
}

/** Tables are pure functions of (p, nMax) and read-only: runs (and chunks of a run) share them. */
const cache = new Map<string, BinomialTable>();

function buildTable(p: number, nMax: number): BinomialTable {
  const flip = p > 0.5;
  const pp = flip ? 1 - p : p;
  const cdf = new Float64Array(((nMax + 1) * (nMax + 2)) / 2);
  const q = 1 - pp;
  const r = pp / q;
  for (let n = 0, o = 0; n <= nMax; o += n + 1, n++) {
    if (pp <= 0) {
      for (let k = 0; k <= n; k++) cdf[o + k] = 1;
      continue;
    }
    let f = Math.pow(q, n);
    let acc = f;
    cdf[o] = acc;
    for (let k = 0; k < n; k++) {
      f *= (r * (n - k)) / (k + 1);
      acc += f;
      cdf[o + k + 1] = acc;
    }
    cdf[o + n] = 1;
  }
  return { p, nMax, cdf, flip };
}

/**
 * The smallest k with CDF_n(k) >= u, from the table (one uniform).
 * @example binomialTableInverse(createBinomialTable(0.5, 8), 2, 0.5) // 1
 */
export function binomialTableInverse(t: BinomialTable, n: number, u: number): number {
  if (t.flip) return n - searchRow(t.cdf, n, 1 - u);
  return searchRow(t.cdf, n, u);
}

function searchRow(cdf: Float64Array, n: number, u: number): number {
  const o = (n * (n + 1)) >> 1;
  let k = 0;
  while (k < n && u > cdf[o + k]) k++;
  return k;
}

/**
 * A Binomial(n, t.p) draw from stream `i`: table inversion (one uniform) for n <= nMax, else the
 * general sampler.
 * @example
 * const S = createStreams(1);
 * seedStream(S, 0, 1, 2, 3); // stream 0, from trial key (1, 2) and stream id 3
 * const resolved = binomialTable(createBinomialTable(1 / 3, 64), S, 0, 10);
 * Number.isInteger(resolved) && resolved >= 0 && resolved <= 10 // true
 */
export function binomialTable(t: BinomialTable, S: Int32Array, i: number, n: number): number {
  if (n <= t.nMax) return binomialTableInverse(t, n, nextU(S, i));
  return binomial(S, i, n, t.p);
}
