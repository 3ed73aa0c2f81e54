/**
 * A market that moves (the optional `market` block): opportunity supply grows by `annualGrowth` a year
 * and follows 12 month-of-year multipliers (`seasonality`, January first, mean 1), applied to every
 * seat's arrivals after territory saturation.
 *
 * The calendar: `start` (YYYY-MM) is the calendar month of simulation month 1 and names the month of year
 * of each month (without it, month 1 is a January); `baseMonth` (YYYY-MM, default `start`) is the month in
 * which `reps.opportunitiesPerMonth` holds before seasonality (growth factor 1). A back-test moves `start`
 * to its first month and keeps `baseMonth`, so the growth before the scenario's own start is undone.
 *
 *   multiplier(m) = (1 + annualGrowth)^((m - 1 + start - baseMonth) / 12) x seasonality[moy(start + m - 1)] / mean(seasonality)
 *
 * Without a `market` block every multiplier is exactly 1 (a multiplication by 1 changes no bit).
 */
import type { MarketSpec } from '../../scenario.js';

/** Calendar month index year x 12 + month - 1 of a `YYYY-MM` text (validated by the schema). */
function monthIndexOf(text: string): number {
  const [y, m] = text.split('-').map(Number);
  return y * 12 + m - 1;
}

/**
 * The per-month arrival multiplier, months 1..H at indices 0..H-1.
 * @example compileMarket({ annualGrowth: 0.1, seasonality: Array(12).fill(1), start: null, baseMonth: null }, 13)[12] // ≈ 1.1
 */
export function compileMarket(market: MarketSpec | null | undefined, H: number): Float64Array {
  const out = new Float64Array(H).fill(1);
  if (!market) return out;
  const seas = market.seasonality;
  const meanS = seas.reduce((a, b) => a + b, 0) / seas.length;
  const start = market.start === null ? null : monthIndexOf(market.start);
  const base = market.baseMonth === null ? start : monthIndexOf(market.baseMonth);
  const offset = start === null || base === null ? 0 : start - base;
  const moy0 = start === null ? 0 : start % 12;
  const g = 1 + market.annualGrowth;
  for (let m = 1; m <= H; m++) out[m - 1] = g ** ((m - 1 + offset) / 12) * (seas[(moy0 + m - 1) % 12] / meanS);
  return out;
}
