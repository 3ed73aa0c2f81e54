/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { prob, pos, nonNeg, str } from '../../kernel/schemaRules.js';

const monthText = () => str().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

/**
 * Stalled deals: an open opportunity that has been open for more than afterCycles x cycleMonths months
 * (paddedAfterCycles for padded ones) is stalled; a stalled opportunity resolves with probability
 * resolveMultiplier / cycleMonths a month and ends in no decision with probability noDecisionRate.
 */
export const StallsSchema = z.strictObject({
  afterCycles: pos().default(2),
  paddedAfterCycles: pos().default(1),
  resolveMultiplier: z.number({ error: 'must be a number' }).gt(0, 'must be > 0 and <= 1').max(1, 'must be > 0 and <= 1').default(0.5),
  noDecisionRate: prob().default(0.6),
});

const quarterFactors = () =>
  z
    .array(nonNeg().max(10, 'must be a factor between 0 and 10'), { error: 'must be [first, second, third] month of the quarter' })
    .length(3, 'must be [first, second, third] month of the quarter');

/**
 * Resolution by age (optional; issue 25): byAge[a] is the chance that an open opportunity resolves (won, lost
 * or no decision) at a month end when it has survived a month ends (0 = created this month); the last entry
 * applies to every older age. It replaces the constant 1 / cycleMonths for the reps' own pipeline and an open
 * pipeline from an export (stalls.ts, ../openBook/openBook.ts). `salesim calibrate` fits it with censoring.
 */
export const ResolutionSchema = z.strictObject({
  byAge: z
    .array(prob(), { error: 'must be a list of monthly probabilities by age' })
    .min(1, 'must have at least one age')
    .max(121, 'must have at most 121 ages (0..120 months)')
    .refine((h) => h.some((x) => x > 0), 'must have an age with a chance above 0 (else no opportunity ever resolves)'),
  /**
   * calendar effects by month of the quarter (first, second, third): `resolve` multiplies the chance of
   * resolving, `win` the win rate of the deals decided that month (each capped at 1); needs `start`
   */
  monthInQuarter: z.strictObject({ resolve: quarterFactors().default([1, 1, 1]), win: quarterFactors().default([1, 1, 1]) }).nullable().default(null),
  /** the calendar month of month 1 (a forecast moves it to the month after its as-of date) */
  start: monthText().nullable().default(null),
});
