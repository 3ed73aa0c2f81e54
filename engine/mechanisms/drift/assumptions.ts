/**
 * The drift block's assumptions, in the format of the assumption registry (engine/assumptions.ts: a field path, a plausible range, why it is an assumption, and the value that switches the
 * mechanism off). engine/assumptions.ts lists them with the core's.
 *
 * A drift is an entered scenario ("buyers change: win rate -20% over two years"), not a finding: no
 * source gives the size of a future market change, so each change carries a range wide enough to include
 * no change at all.
 */
import type { Scenario } from '../../scenario.js';
import type { Assumption } from '../../kernel/assumption.js';

/** The registry's entry (engine/kernel/assumption.ts). */
export type DriftAssumption = Assumption;

const on = (s: Scenario) => !!s.drift;

export const ASSUMPTIONS: readonly DriftAssumption[] = [
  { path: 'drift.winRate.change', range: [-0.3, 0], why: 'relative change of win rates over the trend: an entered market scenario, not a measurement', when: on, off: 0 },
  { path: 'drift.winRate.overMonths', range: [12, 36], why: 'months a change in how buyers buy takes to show fully in win rates', when: on },
  { path: 'drift.noDecisionRate.change', range: [0, 0.3], why: 'relative change of the no-decision rate: an entered market scenario', when: on, off: 0 },
  { path: 'drift.dealSize.change', range: [-0.2, 0.2], why: 'relative change of deal sizes (price pressure or expansion): an entered market scenario', when: on, off: 0 },
  { path: 'drift.winRate.walkSd', range: [0, 0.05], why: 'monthly volatility of win rates around the trend; no series of win rates is available to estimate it', when: on, off: 0 },
  { path: 'drift.dealSize.walkSd', range: [0, 0.05], why: 'monthly volatility of deal sizes around the trend; not estimated from data', when: on, off: 0 },
];
