/** Real Summaries for playground tests, produced by the engine (small trial counts, fixed seeds). */
import { parseScenario, simulate, summarize, type Summary } from '../../engine/index.js';

export const SMALL_SCENARIO = {
  name: 'Small team',
  horizonMonths: 6,
  reps: { seats: 8, opportunitiesPerMonth: 4, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 20000, sigma: 0.5 } },
  hiring: { plan: [{ month: 2, seats: 2 }], timeToFillMonths: 1, ramp: { months: 3, curve: 'linear' } },
  attrition: { annualRate: 0.3 },
  quota: { method: 'flat', annualPerRep: 400000 },
  costs: { repAnnualCost: 150000, managerSpan: 8, managerAnnualCost: 200000 },
};

/** A Summary of `input` (defaults to SMALL_SCENARIO) from the engine. */
export function engineSummary(input: object = SMALL_SCENARIO, trials = 200, seed = 7): Summary {
  const s = parseScenario(input);
  return summarize(s, simulate(s, { trials, seed }), { seed });
}
