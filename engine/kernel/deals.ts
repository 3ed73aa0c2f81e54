/**
 * Deals, the kernel's: what a won deal is worth and how much of a rep's pipeline can be worked. Every
 * mechanism that resolves opportunities at a seat (the core's pipeline, marketing-sourced ones, the open
 * book, referrals) values its won deals and dilutes its win rate with these, so they are one rule, not a
 * copy per mechanism. A leaf of the kernel: it imports only random/ (no kernel type), so any type may import it.
 */
import { nextU } from '../random/streams.js';
import { lognormalSum } from '../random/sums.js';
import { lognormalTableQuantile, type LognormalTable } from '../random/lognormalTable.js';

/**
 * Total value of `won` deals: each lognormal(median, sigma) x multiplier, one uniform per deal, by
 * inversion from the run's lognormal table (null when sigma = 0).
 */
export function dealValue(S: Int32Array, stream: number, won: number, median: number, table: LognormalTable | null, multiplier: number): number {
  if (won === 0) return 0;
  if (table === null) return won * median * multiplier;
  return lognormalSum(S, stream, won, table) * median * multiplier;
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

/**
 * Win-probability dilution when working `open` opportunities needs more than the hours left (the selling-time
 * budget's form of `capacityDilution`: C = workHours / hoursOpen).
 * @example workDilution(30, 2, 20) // 0.75
 */
export function workDilution(workHours: number, hoursOpen: number, open: number): number {
  const need = hoursOpen * open;
  return need > workHours ? workHours / need : 1;
}

/**
 * The month's won deals one by one (value and seat, grown by doubling), for a step that needs each deal and
 * not only their sum: the customers step makes each a customer (the customers' state is one).
 */
export interface WonDeals {
  newV: Float64Array;
  newSeat: Int32Array;
  nNew: number;
}

/** Records one won deal of seat s (value v). */
export function recordWon(w: WonDeals, s: number, v: number): void {
  if (w.nNew === w.newV.length) {
    const v2 = new Float64Array(w.nNew * 2);
    v2.set(w.newV);
    w.newV = v2;
    const s2 = new Int32Array(w.nNew * 2);
    s2.set(w.newSeat);
    w.newSeat = s2;
  }
  w.newV[w.nNew] = v;
  w.newSeat[w.nNew++] = s;
}

/**
 * `dealValue` that also records each deal in `w`. The total is computed exactly as `dealValue` computes it
 * (the same draws, the same sums), so bookings do not change.
 */
export function dealValueRecorded(w: WonDeals, S: Int32Array, stream: number, s: number, won: number, median: number, table: LognormalTable | null, multiplier: number): number {
  if (table === null) {
    for (let k = 0; k < won; k++) recordWon(w, s, median * multiplier);
    return won * median * multiplier;
  }
  let v = 0;
  for (let k = 0; k < won; k++) {
    const q = lognormalTableQuantile(table, nextU(S, stream));
    v += q;
    recordWon(w, s, q * median * multiplier);
  }
  return v * median * multiplier;
}
