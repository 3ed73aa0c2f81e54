/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { num, pos, str } from '../../kernel/schemaRules.js';

export const monthText = () => str().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

/** The market: growth of opportunity supply and month-of-year multipliers on arrivals (engine/mechanisms/market/market.ts). */
export const MarketSchema = z.strictObject({
  /** annual growth of opportunity supply: 0.1 = +10% a year */
  annualGrowth: num().gt(-1, 'must be > -1').default(0),
  /** 12 month-of-year multipliers on arrivals, January first, averaging 1 */
  seasonality: z
    .array(pos(), { error: 'must be a list of 12 multipliers' })
    .length(12, 'must have 12 month-of-year multipliers (January first)')
    .default([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
  /** calendar month of simulation month 1 (names the month of year); null = month 1 is a January */
  start: monthText().nullable().default(null),
  /** month in which reps.opportunitiesPerMonth holds before seasonality; null = start */
  baseMonth: monthText().nullable().default(null),
});

/** Largest growth of the market over the horizon (a factor). */
export const MAX_MARKET_FACTOR = 1e3;

/**
 * The market's largest multiplier of arrivals over the horizon (its largest seasonal factor x its growth, 1
 * without the block), which bounds a seat's open pipeline (engine/runnable.ts, checkOpenPipeline); null, with an
 * issue, when the market grows more than MAX_MARKET_FACTOR over the horizon.
 * @example marketPeak({ horizonMonths: 12, market: { annualGrowth: 0, seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5] } }, () => {}) // 1.5
 */
export function marketPeak(s: { horizonMonths: number; market?: { annualGrowth: number; seasonality: number[] } | null }, add: (path: (string | number)[], message: string) => void): number | null {
  const H = s.horizonMonths;
  const m = s.market;
  let peak = 1;
  if (m) {
    peak = Math.max(...m.seasonality);
    const growth = Math.pow(1 + m.annualGrowth, Math.max(0, H - 1) / 12);
    if (!(growth <= MAX_MARKET_FACTOR)) {
      const fits = Math.pow(MAX_MARKET_FACTOR, 12 / Math.max(1, H - 1)) - 1;
      add(['market', 'annualGrowth'], `must grow the market at most ${MAX_MARKET_FACTOR}x over the horizon (the largest value that fits: ${fits.toPrecision(3)})`);
      return null;
    }
    peak *= Math.max(1, growth);
  }
  return peak;
}
