/**
 * What a scenario draws once per trial (uncertain inputs): the fields, with their distributions, that each
 * mechanism's registry entry declares (`drawn`). A scenario that draws any varies per trial: each trial runs
 * its own re-resolved scenario, so a run's design spans all of its trials (the run paths of parallel/ and the
 * summary stream give it the total), and those fields are not moved one at a time (tornado, goal seek).
 */
import type { Scenario } from './scenario.js';
import type { UncertainParameter } from './uncertainty/resolve.js';
import { MECHANISMS } from './mechanisms/registry.js';

/**
 * The fields `s` draws per trial, with their distributions, in registry order.
 * @example drawnParameters(parseScenario({ reps: { seats: 2, opportunitiesPerMonth: 2, winRate: { lognormal: { median: 0.3, sigma: 0.2 } }, dealSize: 1 } }))[0].path // 'reps.winRate'
 */
export function drawnParameters(s: Scenario): UncertainParameter[] {
  const out: UncertainParameter[] = [];
  for (const m of MECHANISMS) if ('drawn' in m) out.push(...m.drawn(s));
  return out;
}

/**
 * Whether `s` draws any field per trial (its runs vary the scenario from trial to trial).
 * @example drawsPerTrial(parseScenario({ reps: { seats: 2, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 1 } })) // false
 */
export function drawsPerTrial(s: Scenario): boolean {
  return drawnParameters(s).length > 0;
}
