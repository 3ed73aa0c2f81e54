/**
 * The coverage policy's slice of the compiled scenario (engine/kernel/slice.ts): the quota block's quotas and
 * plan, and the coverage rule that pads pipelines short of its multiple. It draws nothing of its own: padded
 * opportunities resolve on the core's padding stream, which compile seeds while a mechanism that pads is on
 * (the registry entry's `pads`).
 */
import type { Scenario } from '../../scenario.js';
import type { PlanTargets } from '../../kernel/plan.js';
import { defineSlice } from '../../kernel/slice.js';
import { planTargets, repAnnualQuota, COVERAGE } from './policy.js';

/** The quota's and the coverage rule's compiled parameters. */
export interface CoverageCompiled {
  /** each territory's annual quota per rep; null without quota */
  quotaAnnual: Float64Array | null;
  rampAdjusted: boolean;
  plan: PlanTargets | null;
  /** the policy: 0 none, 1 global, 2 individual (COVERAGE) */
  coverage: number;
  coverageMultiple: number;
  paddingQuality: number;
  /** escalation of the global multiple at quarter ends (0 step = off) */
  escalate: boolean;
  escalationStep: number;
  escalationCap: number;
  /** the coverage figures (realised win rate, velocity, stalled share, win-rate groups) are recorded */
  coverageFigures: boolean;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends CoverageCompiled {}
}

/**
 * The slice, given when the Summary has the coverage section (`figures`: its registry entry's `summary.when`,
 * which names the other blocks whose figures it reports), so that the steps record those figures then.
 */
export function coverageSlice(figures: (s: Scenario) => boolean) {
  return defineSlice({
    compile: (s): CoverageCompiled => {
      const coverage = COVERAGE[s.coverage?.policy ?? 'none'];
      return {
        quotaAnnual: repAnnualQuota(s),
        rampAdjusted: s.quota?.rampAdjusted ?? false,
        plan: planTargets(s),
        coverage,
        coverageMultiple: s.coverage?.multiple ?? 3,
        paddingQuality: s.coverage?.paddingQuality ?? 0.2,
        escalate: !!s.coverage?.escalation && coverage === COVERAGE.global,
        escalationStep: s.coverage?.escalation?.step ?? 0,
        escalationCap: s.coverage?.escalation?.cap ?? Infinity,
        coverageFigures: figures(s),
      };
    },
  });
}
