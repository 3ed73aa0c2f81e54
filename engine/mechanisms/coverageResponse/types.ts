/** The compiled coverage response and its per-trial totals (a leaf). */
import type { Stats } from '../../stats/statsType.js';

export interface CompiledResponse {
  prospectShare: number;
  maxShareOfWorkHours: number;
  /** the rule it answers sets each rep's own multiple (coverage policy `individual`), else the team's global one */
  individual: boolean;
}

export interface ResponseState {
  /** the trial's extra real opportunities and the hours spent on them */
  opps: number;
  hours: number;
  /** the trial's sum of the Poisson means drawn (for the sampler's check) */
  expected: number;
}

/** The Summary's section: what the reps' prospecting response produced. */
export interface CoverageResponseSummary {
  /** per trial: extra real opportunities prospected in answer to the rule, and the hours taken from working deals */
  opportunities: Stats;
  hours: Stats;
}
