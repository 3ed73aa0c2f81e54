/**
 * Paired statistics for comparisons on common random numbers: per-trial totals from TrialResults, and
 * the pure array functions of engine/stats/paired.ts (crossover months, the variance-reduction ratio, ...).
 */
import type { TrialResults } from './types.js';
import { perTrialTotals, subtract } from './stats/paired.js';

export { column, crossoverMonths, cumulativeDifference, perTrialTotals, subtract, variance, varianceReductionRatio } from './stats/paired.js';

/**
 * Total revenue, cost and margin of every trial of a run.
 * @example trialTotals(results).revenue.length === results.trials // true
 */
export function trialTotals(r: TrialResults): { revenue: Float64Array; cost: Float64Array; margin: Float64Array } {
  const revenue = perTrialTotals(r.revenue, r.trials, r.months);
  const cost = perTrialTotals(r.cost, r.trials, r.months);
  return { revenue, cost, margin: subtract(revenue, cost) };
}
