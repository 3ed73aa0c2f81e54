/**
 * The scaling block's assumptions, in the format of the assumption registry (engine/assumptions.ts; the
 * registry's line for this mechanism lists them). No published estimate of either effect's size is cited:
 * each range includes no effect.
 */
import type { Scenario } from '../../scenario.js';
import type { Assumption } from '../../kernel/assumption.js';

const on = (s: Scenario) => !!s.scaling;

export const ASSUMPTIONS: readonly Assumption[] = [
  { path: 'scaling.dragPerDoubling', range: [0, 0.1], why: "share of each rep's new opportunities lost per doubling of the team (coordination, account conflicts, territory carving): a size no source measures for sales teams", when: on, off: 0 },
  { path: 'scaling.rushedWinRate', range: [0.7, 1], why: 'win-rate multiple of a hire made beyond the recruiters\' capacity: that quality falls under hiring volume is a common claim, its size is not measured', when: on, off: 1 },
];
