/**
 * The retention block's assumptions, in the format of the assumption registry (engine/assumptions.ts). engine/assumptions.ts lists them with the core's.
 *
 * No published estimate of how a sales rep's quit rate responds to attainment or to pay relative to the
 * market is cited here, so every slope is an assumption with a range that includes no effect at all.
 * A retention raise (`retention.raise.amount`) is a decision, not an assumption: a comparison holds it at
 * each design's value instead of drawing it (drawn, both raise variants of a study gave one answer).
 */
import type { Scenario } from '../../scenario.js';
import type { Assumption } from '../../kernel/assumption.js';
import { retentionBaseRate } from './schema.js';

/** The registry's entry (engine/kernel/assumption.ts). */
export type RetentionAssumption = Assumption;

const on = (s: Scenario) => retentionBaseRate(s) !== null;

export const ASSUMPTIONS: readonly RetentionAssumption[] = [
  { path: 'retention.attainmentSlope', range: [-2, 0], why: 'change of the exit log-odds per unit of trailing attainment: low performers leaving more is commonly reported, its size is not', when: on, off: 0 },
  { path: 'retention.paySlope', range: [-5, -1], why: 'change of the exit log-odds per unit of log pay relative to the market (-3: 10% below market raises the odds by about a third); not estimated from data', when: on, off: 0 },
  { path: 'retention.marketPremium', range: [0.25, 1], why: "how much more the market pays per unit of attainment above quota: what a top performer's outside offer is worth", when: on },
  { path: 'retention.payLevel', range: [0.85, 1.15], why: "the team's pay at quota relative to the market's, when no benchmark is entered", when: on },
];
