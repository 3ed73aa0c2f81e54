/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { prob, pos } from '../../kernel/schemaRules.js';

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
