/**
 * The pipeline of one seat: Poisson arrivals, each open opportunity resolving at month end with
 * probability 1/cycleMonths (so the month of creation counts), no decision with probability
 * noDecisionRate, otherwise won with the effective win rate; lognormal deal sizes times the rep's
 * multiplier. Counts are binomial draws, so the cost per rep-month does not grow with the pipeline.
 */
import { binomial } from '../random/binomial.js';
import { binomialTable, type BinomialTable } from '../random/binomialTable.js';
import { poisson, poissonInverseExp, poissonPtrs, POISSON_INVERSION_MAX } from '../random/poisson.js';
import { lognormalTableQuantile, type LognormalTable } from '../random/lognormalTable.js';
import { nextU } from '../random/streams.js';

/**
 * Open opportunities of a seat in the stationary state, before month 1's arrivals: Poisson(rate x (cycle - 1)).
 * Resolutions per rep-month are then i.i.d. Poisson(rate).
 */
export function steadyStateOpen(S: Int32Array, stream: number, rate: number, cycleMonths: number): number {
  return poisson(S, stream, rate * (cycleMonths - 1));
}

/** New opportunities this month. */
export function arrivals(S: Int32Array, stream: number, rate: number): number {
  return poisson(S, stream, rate);
}

/**
 * New opportunities this month, caching exp(-rate) per slot in `memo` (pairs [rate, exp(-rate)]): the
 * same draw as `arrivals` without an exp per rep-month when a seat's rate does not change.
 */
export function arrivalsMemo(S: Int32Array, stream: number, rate: number, memo: Float64Array, slot: number): number {
  if (rate > POISSON_INVERSION_MAX) return poissonPtrs(S, stream, rate);
  const o = slot << 1;
  if (memo[o] !== rate) {
    memo[o] = rate;
    memo[o + 1] = Math.exp(-rate);
  }
  return poissonInverseExp(rate, memo[o + 1], nextU(S, stream));
}

/**
 * Resolves `open` opportunities for one month; returns the number won and writes the number resolved
 * into `scratch[0]`. Resolutions are Binomial(open, 1/cycleMonths) from the run's table; the won count is
 * Binomial(resolved, pDecide x pWin) (a decided-then-won thinning, drawn in one step). Always draws two
 * numbers from the stream when both counts are small (common random numbers).
 */
export function resolve(S: Int32Array, stream: number, open: number, table: BinomialTable, pDecide: number, pWin: number, scratch: Float64Array): number {
  const resolved = binomialTable(table, S, stream, open);
  scratch[0] = resolved;
  return binomial(S, stream, resolved, pDecide * pWin);
}

/**
 * Total value of `won` deals: each lognormal(median, sigma) x multiplier, one uniform per deal, by
 * inversion from the run's lognormal table (null when sigma = 0).
 */
export function dealValue(S: Int32Array, stream: number, won: number, median: number, table: LognormalTable | null, multiplier: number): number {
  if (won === 0) return 0;
  if (table === null) return won * median * multiplier;
  let v = 0;
  for (let k = 0; k < won; k++) v += lognormalTableQuantile(table, nextU(S, stream));
  return v * median * multiplier;
}

/**
 * Expected deal size of a lognormal(median, sigma).
 * @example expectedDealSize(100, 0) // 100
 */
export function expectedDealSize(median: number, sigma: number): number {
  return median * Math.exp((sigma * sigma) / 2);
}

/**
 * Win-probability dilution when open opportunities exceed the rep's working capacity C.
 * @example capacityDilution(20, 10) // 0.5
 */
export function capacityDilution(capacity: number, open: number): number {
  return open > capacity ? capacity / open : 1;
}
