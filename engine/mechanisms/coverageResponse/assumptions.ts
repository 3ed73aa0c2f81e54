/**
 * The coverage response's assumptions, in the format of the assumption registry (engine/assumptions.ts on
 * the `sobol` branch). The coordinator wires these entries into that registry at merge.
 */
import type { Scenario } from '../../scenario.js';

export interface ResponseAssumption {
  path: string;
  range: [number, number];
  why: string;
  source?: string;
  when?: (s: Scenario) => boolean;
  off?: number;
}

const on = (s: Scenario) => !!s.coverageResponse && !!s.coverage && s.coverage.policy !== 'none' && !!s.sellingTime;

export const ASSUMPTIONS: readonly ResponseAssumption[] = [
  { path: 'coverageResponse.prospectShare', range: [0, 1], why: 'how much of a coverage shortfall reps try to close by real prospecting before padding: unobserved; 0 is the pad-only model', when: on, off: 0 },
  { path: 'coverageResponse.maxShareOfWorkHours', range: [0.25, 1], why: 'the most of their deal-working hours reps divert to prospecting under a coverage rule', when: on },
];
