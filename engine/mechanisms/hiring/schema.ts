/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { nonNeg, int, str, bool, WinRateSchema } from '../../kernel/schemaRules.js';

export const TimeToFillSchema = z.union([nonNeg(), z.strictObject({ mean: nonNeg(), sd: nonNeg() })], {
  error: 'must be a number of months or { mean, sd }',
});

export const HiringSchema = z.strictObject({
  plan: z
    .array(
      z.strictObject({
        month: int(1, 120),
        seats: int(0, 100_000),
        territory: str().optional(),
      }),
      { error: 'must be a list' },
    )
    .default([]),
  backfill: bool().default(true),
  timeToFillMonths: TimeToFillSchema.default(2),
  ramp: z
    .strictObject({
      months: nonNeg().max(120, 'must be <= 120').default(5),
      curve: z.enum(['linear', 's-curve', 'step'], { error: 'must be linear, s-curve or step' }).default('linear'),
    })
    .default({ months: 5, curve: 'linear' }),
  onboardingCapacityPerMonth: int(1).nullable().default(null),
  newHireWinRate: WinRateSchema.nullable().default(null),
  costPerHire: nonNeg().default(0),
});
