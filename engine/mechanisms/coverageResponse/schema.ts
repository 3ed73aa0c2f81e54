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

/** The blocks the response answers and draws on, as a scenario holds them (parsed or resolved). */
type Spanned = { coverageResponse?: unknown; coverage?: { policy: string } | null; sellingTime?: unknown };

/**
 * The coverage rule the response answers ('global' or 'individual'), or null when the response is off (no
 * block, no coverage rule or no selling-time budget): the one place the response reads the coverage and
 * sellingTime blocks (its registry line's `on`, its assumptions' `when` and its compiled rule ask it).
 * @example responseRule({ coverageResponse: {}, coverage: { policy: 'individual' }, sellingTime: {} }) // 'individual'
 */
export function responseRule(s: Spanned): 'global' | 'individual' | null {
  if (!s.coverageResponse || !s.coverage || s.coverage.policy === 'none' || !s.sellingTime) return null;
  return s.coverage.policy === 'individual' ? 'individual' : 'global';
}

/**
 * The rules that span blocks: the response needs a coverage rule and a selling-time budget.
 * @example // coverageResponseRules(s, add) inside the scenario schema's superRefine
 */
export function coverageResponseRules(s: Spanned, add: (path: (string | number)[], message: string) => void): void {
  if (!s.coverageResponse) return;
  if (!s.coverage || s.coverage.policy === 'none') add(['coverageResponse'], 'needs a coverage block with a policy (global or individual)');
  if (!s.sellingTime) add(['coverageResponse'], 'needs a sellingTime block (the extra prospecting hours come from its budget)');
}
