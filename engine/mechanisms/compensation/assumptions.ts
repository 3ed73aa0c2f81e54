/**
 * The compensation block's assumptions, in the format of the assumption registry (engine/assumptions.ts on
 * the `sobol` branch: a field path, a plausible range, why it is an assumption, the value that switches
 * the mechanism off). The coordinator wires these entries into that registry at merge.
 *
 * A plan's OTE, quota, tiers, cap, guarantee and SPIFs are the user's decisions, not assumptions; only the
 * default pay mix is one.
 */
import type { Scenario } from '../../scenario.js';

export interface CompensationAssumption {
  path: string;
  range: [number, number];
  why: string;
  source?: string;
  when?: (s: Scenario) => boolean;
  off?: number;
}

export const ASSUMPTIONS: readonly CompensationAssumption[] = [
  {
    path: 'compensation.variableShare',
    range: [0.3, 0.6],
    why: 'variable share of OTE when the plan does not say: 50/50 is the rule of thumb usually quoted for quota-carrying account executives, not a measurement for this team',
    when: (s) => !!s.compensation,
  },
];
