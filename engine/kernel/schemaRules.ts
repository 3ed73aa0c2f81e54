/**
 * The shared rules of the scenario schema (each with the message a user sees) and the win-rate
 * distribution every block that draws a win rate uses (the core's, and hiring's new-hire rate).
 */
import { z } from 'zod';

export const BETWEEN_0_1 = 'must be between 0 and 1';
export const num = () => z.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a finite number');
export const prob = () => z.number({ error: 'must be a number' }).min(0, BETWEEN_0_1).max(1, BETWEEN_0_1);
export const nonNeg = () => z.number({ error: 'must be a number' }).min(0, 'must be >= 0').refine(Number.isFinite, 'must be a finite number');
export const pos = () => z.number({ error: 'must be a number' }).gt(0, 'must be > 0').refine(Number.isFinite, 'must be a finite number');
export const int = (min: number, max?: number) => {
  let s = z.number({ error: 'must be a number' }).int('must be a whole number').min(min, max === undefined ? `must be >= ${min}` : `must be between ${min} and ${max}`);
  if (max !== undefined) s = s.max(max, `must be between ${min} and ${max}`);
  return s;
};
export const str = () => z.string({ error: 'must be a string' });
export const bool = () => z.boolean({ error: 'must be true or false' });


/** A probability distribution for win rates: a scalar, a Beta by mean and concentration, or exact tiers. */
export const BetaSpec = z.strictObject({ mean: prob(), concentration: pos() });
export const TierSpec = z.strictObject({
  share: prob(),
  mean: prob(),
  /** absent: every rep of the tier has exactly `mean` */
  concentration: pos().nullable().default(null),
});
export const TiersSpec = z.strictObject({ tiers: z.array(TierSpec, { error: 'must be a list' }).min(1, 'must have at least one tier') });
export const WinRateSchema = z.union([prob(), BetaSpec, TiersSpec], { error: 'must be a number between 0 and 1, { mean, concentration } or { tiers: [...] }' });
