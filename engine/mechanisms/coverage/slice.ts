/** Quota and coverage padding's slice of the compiled scenario (engine/kernel/slice.ts). */
import { defineSlice } from '../../kernel/slice.js';
import type { PlanTargets } from './types.js';
import { planTargets, repAnnualQuota, COVERAGE } from './policy.js';

/** Quota and coverage's compiled parameters (the trial state's quota and plan arrays are the core's). */
export interface CoverageCompiled {
  quotaAnnual: Float64Array | null;
  rampAdjusted: boolean;
  plan: PlanTargets | null;
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

/** Compiles the quota and coverage blocks (padded opportunities draw from the core's `padding` stream, seeded by the core). */
export const slice = defineSlice({
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
      coverageFigures: s.coverage != null || s.sellingTime != null || s.stalls != null,
    };
  },
});
