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
