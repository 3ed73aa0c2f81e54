/**
 * Sums of many i.i.d. deal sizes in O(1). Up to `SUM_EXACT_MAX` deals a sum is drawn deal by deal (one
 * uniform each, unchanged: every scenario whose rep-months win fewer deals gives the numbers it gave
 * before); above, the sum itself is drawn from a distribution with the sum's exact mean and variance:
 * - lognormal deals: Fenton-Wilkinson, a lognormal matched to the sum's first two moments (positive, and
 *   right-skewed like the sum; its skew is within a few per cent of the sum's for n >= 4096);
 * - empirical deals: a normal with the sum's mean and variance (central limit theorem), floored at
 *   n x the smallest amount (the sum cannot be lower).
 * Either uses one uniform from the deals stream. A rep-month that wins 1e12 deals costs what one deal costs.
 */
import { nextU } from './streams.js';
import { normalQuantile } from './normal.js';
import { lognormalTableQuantile, type LognormalTable } from './lognormalTable.js';
import { empiricalQuantile, type EmpiricalTable } from './empiricalTable.js';

/** Deals drawn one by one up to this count in one draw; above, the sum is drawn at once. */
export const SUM_EXACT_MAX = 4096;

/**
 * Parameters (mu, s) of the Fenton-Wilkinson lognormal for the sum of n lognormal(0, sigma) (median 1) draws.
 * @example fentonWilkinson(1, 0.5) // { mu: 0, s: 0.5 }
 */
export function fentonWilkinson(n: number, sigma: number): { mu: number; s: number } {
  const s2 = sigma * sigma;
  // mean n e^{s2/2}; variance n (e^{s2} - 1) e^{s2}; var / mean^2 = (e^{s2} - 1) / n
  const r = Math.expm1(s2) / n;
  const S2 = Math.log1p(r);
  return { mu: Math.log(n) + s2 / 2 - S2 / 2, s: Math.sqrt(S2) };
}

/**
 * The sum of `n` draws exp(sigma Z) (median 1) from the run's lognormal table: deal by deal up to
 * SUM_EXACT_MAX, above that one Fenton-Wilkinson draw.
 * @example
 * const S = createStreams(1);
 * seedStream(S, 0, 1, 2, 3); // stream 0, from trial key (1, 2) and stream id 3
 * lognormalSum(S, 0, 0, createLognormalTable(0.8)) // 0
 * lognormalSum(S, 0, 3, createLognormalTable(0.8)) > 0 // true
 */
export function lognormalSum(S: Int32Array, stream: number, n: number, table: LognormalTable): number {
  if (n <= SUM_EXACT_MAX) {
    let v = 0;
    for (let k = 0; k < n; k++) v += lognormalTableQuantile(table, nextU(S, stream));
    return v;
  }
  const { mu, s } = fentonWilkinson(n, table.sigma);
  return Math.exp(mu + s * normalQuantile(clampU(nextU(S, stream))));
}

const moments = new WeakMap<EmpiricalTable, { variance: number; min: number }>();

/** Variance (population, each amount with weight 1/n) and minimum of an empirical table, cached. */
export function empiricalMoments(t: EmpiricalTable): { variance: number; min: number } {
  let m = moments.get(t);
  if (!m) {
    let ss = 0;
    for (let i = 0; i < t.n; i++) ss += (t.values[i] - t.mean) ** 2;
    m = { variance: t.n > 0 ? ss / t.n : 0, min: t.n > 0 ? t.values[0] : 0 };
    moments.set(t, m);
  }
  return m;
}

/**
 * The sum of `n` draws from an empirical table: amount by amount up to SUM_EXACT_MAX, above that one
 * normal draw with the sum's mean and variance, floored at n x the smallest amount.
 * @example
 * const S = createStreams(1);
 * seedStream(S, 0, 1, 2, 3); // stream 0, from trial key (1, 2) and stream id 3
 * empiricalSum(S, 0, 2, createEmpiricalTable([7])) // 14
 */
export function empiricalSum(S: Int32Array, stream: number, n: number, t: EmpiricalTable): number {
  if (n <= SUM_EXACT_MAX) {
    let v = 0;
    for (let k = 0; k < n; k++) v += empiricalQuantile(t, nextU(S, stream));
    return v;
  }
  const { variance, min } = empiricalMoments(t);
  const z = normalQuantile(clampU(nextU(S, stream)));
  return Math.max(n * min, n * t.mean + Math.sqrt(n * variance) * z);
}

/** A uniform kept off 0 (the normal quantile's pole). */
function clampU(u: number): number {
  return u > 1e-300 ? u : 1e-300;
}

/**
 * Total value of `won` deals drawn from the table, times the rep's deal-size multiplier: one uniform per
 * deal from `stream` (the same consumption as the lognormal `dealValue`).
 * @example
 * const S = createStreams(1);
 * seedStream(S, 0, 1, 2, 3); // stream 0, from trial key (1, 2) and stream id 3
 * empiricalDealValue(S, 0, 3, createEmpiricalTable([100]), 1) // 300
 */
export function empiricalDealValue(S: Int32Array, stream: number, won: number, t: EmpiricalTable, multiplier: number): number {
  if (won === 0) return 0;
  return empiricalSum(S, stream, won, t) * multiplier;
}
