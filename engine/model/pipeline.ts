/**
 * The pipeline of one seat: Poisson arrivals, each open opportunity resolving at month end with
 * probability 1/cycleMonths (so the month of creation counts), no decision with probability
 * noDecisionRate, otherwise won with the effective win rate; lognormal deal sizes times the rep's
 * multiplier. Counts are binomial draws, so the cost per rep-month does not grow with the pipeline.
 */
import { binomial } from '../random/binomial.js';
import { poisson } from '../random/poisson.js';
import { normalQuantile } from '../random/normal.js';
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
 * Resolves `open` opportunities for one month; returns the number won and writes the number resolved
 * into `scratch[0]`. Always draws three numbers from the stream (common random numbers).
 */
export function resolve(S: Int32Array, stream: number, open: number, pResolve: number, pDecide: number, pWin: number, scratch: Float64Array): number {
  const resolved = binomial(S, stream, open, pResolve);
  const decided = binomial(S, stream, resolved, pDecide);
  scratch[0] = resolved;
  return binomial(S, stream, decided, pWin);
}

/**
 * Total value of `won` deals: each lognormal(median, sigma) x multiplier, one uniform per deal.
 */
export function dealValue(S: Int32Array, stream: number, won: number, median: number, sigma: number, multiplier: number): number {
  if (won === 0) return 0;
  if (sigma === 0) return won * median * multiplier;
  let v = 0;
  for (let k = 0; k < won; k++) v += Math.exp(sigma * normalQuantile(nextU(S, stream)));
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
