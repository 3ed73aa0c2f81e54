/** The hiring block's part in the engine's analyses (its registry entry's `tornado`): its parameters in the tornado's default set. */
import type { Scenario } from '../../scenario.js';

/** Ramp months and time to fill (its mean when it is drawn). */
export const TORNADO = {
  order: 2,
  params: (s: Scenario): string[] => (s.hiring ? ['hiring.ramp.months', typeof s.hiring.timeToFillMonths === 'number' ? 'hiring.timeToFillMonths' : 'hiring.timeToFillMonths.mean'] : []),
};
