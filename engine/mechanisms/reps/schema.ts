/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { num, prob, nonNeg, pos, int, WinRateSchema } from '../../kernel/schemaRules.js';

/** Won deal sizes as they are (a price list, or every won amount of a history): sampled exactly by inversion. */
export const EmpiricalDealSize = z.strictObject({
  empirical: z
    .array(z.number({ error: 'must be a number' }).gt(0, 'must be positive').refine(Number.isFinite, 'must be a finite number'), { error: 'must be a list of amounts' })
    .min(1, 'must have at least one amount')
    .max(1_000_000, 'must have at most 1000000 amounts'),
  /** every amount multiplied by this (optional; calibrate draws it per trial for the uncertainty of the mean won amount) */
  scale: pos().optional(),
});

export const DealSizeSchema = z.union([pos(), z.strictObject({ median: pos(), sigma: nonNeg() }), EmpiricalDealSize], {
  error: 'must be a positive number, { median, sigma } or { empirical: [amounts] }',
});

export const RepsSchema = z.strictObject({
  seats: int(0, 100_000).optional(),
  opportunitiesPerMonth: nonNeg(),
  winRate: WinRateSchema,
  dealSize: DealSizeSchema,
  repDealSizeSpread: nonNeg().default(0),
  cycleMonths: num().min(1, 'must be >= 1').default(3),
  noDecisionRate: prob().default(0),
  capacity: pos().nullable().default(null),
  initialPipeline: z.enum(['steady-state', 'empty'], { error: 'must be steady-state or empty' }).default('steady-state'),
});
