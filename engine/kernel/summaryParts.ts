/**
 * Pieces of the Summary a mechanism's Summary section builds on (engine/mechanisms/<name>/summary.ts).
 */
import type { ColumnReader } from './outputs.js';
import type { Stats } from '../stats/statsType.js';
import { stats } from '../stats/stats.js';

/** A monthly quantity's Stats by month and per plan year (year-end for stocks, sums for flows). */
export interface MonthlyAnnual {
  monthly: Stats[];
  annual: Stats[];
}

/** acc[t] += col[t] (and also[t] += col[t]) for every trial. */
export function addInto(acc: Float64Array, col: ArrayLike<number>, also?: Float64Array): void {
  const n = acc.length;
  if (also)
    for (let t = 0; t < n; t++) {
      const v = col[t];
      acc[t] += v;
      also[t] += v;
    }
  else for (let t = 0; t < n; t++) acc[t] += col[t];
}

/** Stats by month and per plan year of a customers array: year-end values (stocks) or the year's sums (flows). */
export function monthlyAnnual<W extends string>(src: ColumnReader<W>, key: W, flow: boolean, withTotal?: Float64Array): MonthlyAnnual {
  const n = src.trials;
  const H = src.months;
  const monthly: Stats[] = [];
  const annual: Stats[] = [];
  const acc = new Float64Array(n);
  for (let m = 0; m < H; m++) {
    const col = src.column(key, m);
    monthly.push(stats(col));
    if (flow) addInto(acc, col, withTotal);
    if (m % 12 === 11 || m === H - 1) {
      annual.push(flow ? stats(acc) : stats(src.column(key, m)));
      acc.fill(0);
    }
  }
  return { monthly, annual };
}
