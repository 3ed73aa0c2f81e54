/**
 * The managers block's assumptions, in the format of the assumption registry (engine/assumptions.ts). engine/assumptions.ts lists them with the core's. No published estimate
 * of a first-line manager's effect on win rates, ramp or retention is cited: each is a range that includes
 * no effect.
 */
import type { Scenario } from '../../scenario.js';
import type { Assumption } from '../../kernel/assumption.js';

/** The registry's entry (engine/kernel/assumption.ts). */
export type ManagersAssumption = Assumption;

const on = (s: Scenario) => !!s.managers;

export const ASSUMPTIONS: readonly ManagersAssumption[] = [
  { path: 'managers.winRateLift', range: [0, 0.2], why: "win-rate lift of a perfect manager's coaching at full coaching time: an entered effect size", when: on, off: 0 },
  { path: 'managers.referenceSpan', range: [5, 10], why: 'span up to which a manager has time to coach every rep; beyond it coaching thins out', when: on },
  { path: 'managers.rampSpeedup', range: [0, 0.5], why: "how much faster a perfect manager's hires ramp: an entered effect size", when: on, off: 0 },
  { path: 'managers.poorManagerAttrition', range: [1, 1.6], why: 'exit-hazard multiplier under a manager of quality 0 ("people leave managers"): size not estimated', when: on },
  { path: 'managers.goodManagerAttrition', range: [0.6, 1], why: 'exit-hazard multiplier under a manager of quality 1', when: on },
  { path: 'managers.quality.mean', range: [0.3, 0.7], why: 'average coaching quality of the managers, on a 0-1 scale with no external anchor', when: on },
  { path: 'managers.annualExitRate', range: [0.1, 0.3], why: "first-line managers' own annual attrition", when: on },
  { path: 'managers.disruption.attritionMultiplier', range: [1, 1.6], why: "how much a manager's exit raises the team's attrition for a few months", when: on, off: 1 },
];
