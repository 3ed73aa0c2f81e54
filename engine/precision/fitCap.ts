/**
 * The largest trial count (at most `cap`) that runs of these scenarios fit in a work and memory budget
 * (the one cost model, engine/work.ts): the cap of a precision-targeted run whose caller named none (the
 * server's default cap, the CLI's default-precision runs). Cost rises with trials, so a bisection finds it.
 */
import type { Scenario } from '../scenario.js';
import { checkBudget } from '../work.js';

export interface CapBudget {
  maxWork: number;
  maxMemoryBytes: number;
  /** trials x months over every scenario (default: no limit) */
  maxTrialMonths?: number;
}

/**
 * @example fitTrialsToBudget([scenario], { maxWork: 1e9, maxMemoryBytes: Infinity }, 100_000) // 100000 for 40 reps x 24 months
 */
export function fitTrialsToBudget(scenarios: Scenario[], budget: CapBudget, cap: number): number {
  let tm = 0;
  for (const s of scenarios) tm += s.horizonMonths;
  const maxTm = budget.maxTrialMonths ?? Infinity;
  const fits = (n: number) => n * tm <= maxTm && checkBudget(scenarios.map((scenario) => ({ scenario, trials: n })), budget.maxWork, budget.maxMemoryBytes) === null;
  if (fits(cap)) return cap;
  let lo = 1;
  let hi = cap;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
