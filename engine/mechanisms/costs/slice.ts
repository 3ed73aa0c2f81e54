/** The costs' slice of the compiled scenario (engine/kernel/slice.ts): monthly costs of reps, managers, searches and vacancies. */
import { defineSlice } from '../../kernel/slice.js';

/** The costs' compiled parameters (off: all 0). */
export interface CostsCompiled {
  hasCosts: boolean;
  repMonthlyCost: number;
  /** reps per manager: the managers block's span when there is one, else costs.managerSpan (null: no manager cost) */
  managerSpan: number | null;
  managerMonthlyCost: number;
  leaderSearchCost: number;
  vacancyMonthlyCost: number;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends CostsCompiled {}
}

/** Compiles the costs block (it draws nothing). */
export const slice = defineSlice({
  compile: (s): CostsCompiled => ({
    hasCosts: s.costs !== null,
    repMonthlyCost: (s.costs?.repAnnualCost ?? 0) / 12,
    managerSpan: s.managers?.span ?? s.costs?.managerSpan ?? null, // with a managers block, its span
    managerMonthlyCost: (s.costs?.managerAnnualCost ?? 0) / 12,
    leaderSearchCost: s.costs?.leaderSearchCost ?? 0,
    vacancyMonthlyCost: s.costs?.vacancyMonthlyCost ?? 0,
  }),
});
