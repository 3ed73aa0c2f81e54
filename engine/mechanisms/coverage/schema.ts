/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { prob, nonNeg, pos, bool } from '../../kernel/schemaRules.js';

export const QuotaSchema = z.strictObject({
  method: z.enum(['flat', 'potential', 'none'], { error: 'must be flat, potential or none' }).default('flat'),
  annualPerRep: nonNeg().nullable().default(null),
  rampAdjusted: bool().default(true),
  plan: pos().nullable().default(null),
});

/**
 * Escalation: at each quarter end, when the team's realised win rate over the quarter (won / resolved,
 * padded opportunities included) is below 1 / multiple, leadership raises the global multiple by `step`,
 * up to `cap`; it never comes down.
 */
export const EscalationSchema = z.strictObject({
  step: pos().default(1),
  cap: pos().default(7),
});

export const CoverageSchema = z.strictObject({
  policy: z.enum(['none', 'global', 'individual'], { error: 'must be none, global or individual' }).default('none'),
  multiple: pos().default(3),
  paddingQuality: prob().default(0.2),
  escalation: EscalationSchema.nullable().default(null),
});
