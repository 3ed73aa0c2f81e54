/** The leadership block's part in the engine's analyses (its registry entry's `tornado`): its parameter in the tornado's default set. */
import type { Scenario } from '../../scenario.js';

/** The leader's mean tenure. */
export const TORNADO = {
  order: 3,
  params: (s: Scenario): string[] => (s.leadership ? ['leadership.tenureMonths.mean'] : []),
};
