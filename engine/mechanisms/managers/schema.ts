/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { int, nonNeg, pos, prob } from '../../kernel/schemaRules.js';

/**
 * First-line managers (engine/mechanisms/managers/managers.ts): span, quality, coaching, ramp, retention,
 * and a manager's exit.
 */
export const ManagersSchema = z.strictObject({
  /** reps per manager: seat s is in team floor(s / span) (seats in territory order); also the span costs use */
  span: int(1, 100).default(8),
  /** each manager's coaching quality in [0, 1]: normal(mean, sd) clamped, drawn when the manager starts */
  quality: z.strictObject({ mean: prob().default(0.5), sd: nonNeg().max(1, 'must be between 0 and 1').default(0.15) }).default({ mean: 0.5, sd: 0.15 }),
  /** span up to which a manager has full coaching time; beyond it coaching is diluted by referenceSpan / span */
  referenceSpan: pos().default(6),
  /** a team's win rates x (1 + winRateLift x quality x coaching time) */
  winRateLift: nonNeg().max(1, 'must be between 0 and 1').default(0.1),
  /** a hire's ramp speed x (1 + rampSpeedup x quality x coaching time) */
  rampSpeedup: nonNeg().max(2, 'must be between 0 and 2').default(0.25),
  /** the team's exit hazard x (poorManagerAttrition + (goodManagerAttrition - poorManagerAttrition) x quality) */
  poorManagerAttrition: pos().max(5, 'must be between 0 and 5').default(1.3),
  goodManagerAttrition: pos().max(5, 'must be between 0 and 5').default(0.8),
  /** managers' own annual exit rate */
  annualExitRate: prob().default(0.2),
  /** months a manager's seat stays empty after an exit (no coaching; the team's hazard at the poor-manager level) */
  vacancyMonths: int(0, 24).default(2),
  /** after a manager's exit the team's exit hazard x attritionMultiplier for `months` months (a smaller version of the leader's) */
  disruption: z.strictObject({ months: int(0, 24).default(3), attritionMultiplier: pos().max(5, 'must be between 0 and 5').default(1.3) }).default({ months: 3, attritionMultiplier: 1.3 }),
});
