/**
 * The plan a scenario is measured against (P(plan), attainment, a forecast's plan year, the default
 * precision target): the deterministic company plan a mechanism's block sets (the quota block's, through
 * the coverage mechanism's registry entry `plan`). engine/plan.ts asks the registry for it, so goal seeks,
 * precision, the tornado, comparisons, forecasts and the Summary name no block.
 * @example const plan: PlanHook = { needs: 'a quota block', targets: (s) => ..., basis: (s) => 'quota.plan' };
 */
import type { Scenario } from '../scenario.js';

/** The deterministic company plan. */
export interface PlanTargets {
  /** plan for the whole horizon */
  total: number;
  /** plan per plan year (months 1-12, 13-24, ...; a final partial year pro-rated) */
  annual: number[];
  /** plan per month */
  monthly: number[];
}

export interface PlanHook {
  /** the plan of a resolved scenario, or null when its block sets none */
  readonly targets: (s: Scenario) => PlanTargets | null;
  /** where a scenario's plan comes from, in words (a forecast's "plan from ..."), for a scenario that has one */
  readonly basis: (s: Scenario) => string;
}
