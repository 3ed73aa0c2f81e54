/**
 * The per-trial outcome a Sobol analysis or a break-even measures: total revenue, margin (revenue -
 * cost), ARR at the horizon, or whether total revenue reaches the plan (1 or 0, so its mean is P(plan)).
 */
import type { TrialResults } from '../../types.js';
import type { Scenario } from '../../scenario.js';
import { headlineOutcome, mechanismOutcome } from '../../outcomes.js';

export type OutcomeMetric = 'revenue' | 'margin' | 'arr' | 'plan';

export const OUTCOME_METRICS: readonly OutcomeMetric[] = ['revenue', 'margin', 'arr', 'plan'];

/**
 * The metric an analysis measures when none is asked for: the scenario's headline outcome (ARR at the
 * horizon with a customers block, engine/outcomes.ts), else total revenue.
 * @example defaultMetric(parseScenario(core)) // 'revenue'
 */
export function defaultMetric(s: Scenario): OutcomeMetric {
  return (headlineOutcome(s)?.name as OutcomeMetric | undefined) ?? 'revenue';
}

/**
 * Trial t's outcome (t indexes the rows of `r`). `plan` is the plan total (needed for 'plan').
 * @example // trialOutcome(results, 0, 'revenue', null) === sum of trial 0's monthly revenue
 */
export function trialOutcome(r: TrialResults, t: number, metric: OutcomeMetric, plan: number | null): number {
  const H = r.months;
  const o = t * H;
  const outcome = mechanismOutcome(metric);
  if (outcome) return outcome.trial(r, t);
  let rev = 0;
  let cost = 0;
  for (let m = 0; m < H; m++) rev += r.revenue[o + m];
  if (metric === 'revenue') return rev;
  if (metric === 'plan') return plan !== null && rev >= plan ? 1 : 0;
  for (let m = 0; m < H; m++) cost += r.cost[o + m];
  return rev - cost;
}
