/** The enablement programmes' part in the engine's analyses (their registry entry's `tornado`): their parameters in the tornado's default set. */
import type { Scenario } from '../../scenario.js';

/** Each programme's gapClosed. */
export const TORNADO = {
  order: 4,
  params: (s: Scenario): string[] => s.enablement.map((_, i) => `enablement[${i}].gapClosed`),
};
