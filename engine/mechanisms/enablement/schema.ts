/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { prob, nonNeg, int, str } from '../../kernel/schemaRules.js';

export const ProgrammeSchema = z.strictObject({
  name: str().default('Programme'),
  startMonth: int(1, 120).default(1),
  endMonth: int(1, 120).nullable().default(null),
  monthsToFullEffect: nonNeg().default(0),
  target: z.enum(['all', 'bottom80', 'newHires'], { error: 'must be all, bottom80 or newHires' }).default('all'),
  adoption: prob().default(1),
  gapClosed: prob().default(0),
  rampMonthsSaved: nonNeg().default(0),
  noDecisionCut: prob().default(0),
  sellingTimeGain: nonNeg().default(0),
  cost: z.strictObject({ oneTime: nonNeg().default(0), perRepPerMonth: nonNeg().default(0) }).default({ oneTime: 0, perRepPerMonth: 0 }),
});
