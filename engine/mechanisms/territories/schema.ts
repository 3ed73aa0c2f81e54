/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { pos, int, str } from '../../kernel/schemaRules.js';

export const TerritorySchema = z.strictObject({
  name: str().min(1, 'must not be empty'),
  seats: int(0, 100_000),
  potential: pos().nullable().default(null),
});
