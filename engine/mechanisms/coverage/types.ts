/** The types of this mechanism the kernel composes (a leaf: imports no kernel module, so no import cycle). */
export interface PlanTargets {
  /** plan for the whole horizon */
  total: number;
  /** plan per plan year (months 1-12, 13-24, ...; a final partial year pro-rated) */
  annual: number[];
  /** plan per month */
  monthly: number[];
}
