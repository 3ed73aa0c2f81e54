/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { pos, int, str } from '../../kernel/schemaRules.js';

/** Open opportunities at the start, each owned by a roster seat (engine/mechanisms/openBook/openBook.ts). */
export const OpenDealSchema = z.strictObject({
  /** the `name` of a roster seat */
  owner: str().min(1, 'must not be empty'),
  /** whole months open at the start (month-ends survived since it was created) */
  ageMonths: int(0, 1200),
  /** its value if won; null = drawn from reps.dealSize at the win, like a new opportunity */
  amount: pos().nullable().default(null),
});
