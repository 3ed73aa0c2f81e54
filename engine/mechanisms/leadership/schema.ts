/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { prob, nonNeg, pos, int } from '../../kernel/schemaRules.js';

export const LeadershipSchema = z.strictObject({
  tenureMonths: z.strictObject({ mean: pos(), shape: pos().default(1) }),
  vacancyMonths: nonNeg().default(0),
  disruption: z
    .strictObject({ months: int(0, 120), productivityDip: prob().default(0), attritionMultiplier: nonNeg().default(1) })
    .nullable()
    .default(null),
  changeProgram: z.strictObject({ monthsToEffect: nonNeg(), winRateLift: nonNeg() }).nullable().default(null),
  impatience: z.strictObject({ graceMonths: nonNeg(), attainmentBelow: nonNeg() }).nullable().default(null),
});
