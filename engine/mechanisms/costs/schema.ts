/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { nonNeg, int } from '../../kernel/schemaRules.js';

export const CostsSchema = z.strictObject({
  repAnnualCost: nonNeg().default(0),
  managerSpan: int(1).nullable().default(null),
  managerAnnualCost: nonNeg().default(0),
  leaderSearchCost: nonNeg().default(0),
  vacancyMonthlyCost: nonNeg().default(0),
});
