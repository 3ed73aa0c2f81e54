/**
 * The coverage response's assumptions, in the format of the assumption registry (engine/assumptions.ts). engine/assumptions.ts lists them with the core's.
 */
import type { Scenario } from '../../scenario.js';
import type { Assumption } from '../../kernel/assumption.js';
import { responseRule } from './schema.js';

/** The registry's entry (engine/kernel/assumption.ts). */
export type ResponseAssumption = Assumption;

const on = (s: Scenario) => responseRule(s) !== null;

export const ASSUMPTIONS: readonly ResponseAssumption[] = [
  { path: 'coverageResponse.prospectShare', range: [0, 1], why: 'how much of a coverage shortfall reps try to close by real prospecting before padding: unobserved; 0 is the pad-only model', when: on, off: 0 },
  { path: 'coverageResponse.maxShareOfWorkHours', range: [0.25, 1], why: 'the most of their deal-working hours reps divert to prospecting under a coverage rule', when: on },
];
