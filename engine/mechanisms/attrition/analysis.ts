/** The attrition block's part in the engine's analyses (its registry entry's `tornado`): its parameter in the tornado's default set. */
import type { Scenario } from '../../scenario.js';

/** The annual attrition rate (listed right after the core's, before hiring's). */
export const TORNADO = {
  order: 1,
  params: (s: Scenario): string[] => (s.attrition ? ['attrition.annualRate'] : []),
};
