/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { prob } from '../../kernel/schemaRules.js';

/**
 * How reps answer a coverage rule by working (engine/mechanisms/coverageResponse/coverageResponse.ts): a rep
 * short of the required pipeline first prospects for `prospectShare` of the shortfall with extra hours
 * taken from working deals (at most `maxShareOfWorkHours` of them), and pads only what is still short.
 */
export const CoverageResponseSchema = z.strictObject({
  /** share of the shortfall (in opportunities) a rep tries to cover by real prospecting before padding (0 = pad only, as without the block) */
  prospectShare: prob().default(0.5),
  /** the most of a month's hours left for working deals a rep diverts to that prospecting */
  maxShareOfWorkHours: prob().default(0.5),
});

/**
 * The rules that span blocks: the response needs a coverage rule and a selling-time budget.
 * @example // coverageResponseRules(s, add) inside the scenario schema's superRefine
 */
export function coverageResponseRules(s: { coverageResponse?: unknown; coverage?: { policy: string } | null; sellingTime?: unknown }, add: (path: (string | number)[], message: string) => void): void {
  if (!s.coverageResponse) return;
  if (!s.coverage || s.coverage.policy === 'none') add(['coverageResponse'], 'needs a coverage block with a policy (global or individual)');
  if (!s.sellingTime) add(['coverageResponse'], 'needs a sellingTime block (the extra prospecting hours come from its budget)');
}
