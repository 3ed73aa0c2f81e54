/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { prob, nonNeg, int } from '../../kernel/schemaRules.js';

export const AttritionSchema = z.strictObject({
  annualRate: prob(),
  pipelineLossOnExit: prob().default(0.5),
  lowPerformerExit: z
    .strictObject({ attainmentBelow: nonNeg(), consecutiveQuarters: int(1, 40).default(2) })
    .nullable()
    .default(null),
});
