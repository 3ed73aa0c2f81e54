/**
 * The compensation block's assumptions, in the format of the assumption registry (engine/assumptions.ts: a field path, a plausible range, why it is an assumption, the value that switches
 * the mechanism off). engine/assumptions.ts lists them with the core's.
 *
 * A plan's OTE, quota, tiers, cap, guarantee and SPIFs are the user's decisions, not assumptions; only the
 * default pay mix is one.
 */
import type { Scenario } from '../../scenario.js';
import type { Assumption } from '../../kernel/assumption.js';

/** The registry's entry (engine/kernel/assumption.ts). */
export type CompensationAssumption = Assumption;

export const ASSUMPTIONS: readonly CompensationAssumption[] = [
  {
    path: 'compensation.variableShare',
    range: [0.3, 0.6],
    why: 'variable share of OTE when the plan does not say: 50/50 is the rule of thumb usually quoted for quota-carrying account executives, not a measurement for this team',
    when: (s) => !!s.compensation,
  },
];
