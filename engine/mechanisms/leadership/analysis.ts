/**
 * The leadership block's part in the engine's analyses and reports (its registry entry's `tornado` and
 * `report`): its parameter in the tornado's default set, and its headline line of `salesim run`.
 */
import type { Scenario } from '../../scenario.js';
import type { ReportBlock } from '../../kernel/outputs.js';

type Mean = { readonly mean: number };

/** The leader's mean tenure. */
export const TORNADO = {
  order: 3,
  params: (s: Scenario): string[] => (s.leadership ? ['leadership.tenureMonths.mean'] : []),
};

/** Leader changes, months without a leader and programmes lost (the Summary's core leadership figures), when the scenario has a leadership block; printed after the headcount line. */
export const REPORT: ReportBlock<{ readonly scenario: { readonly leadership: unknown }; readonly leadership: { readonly changes: Mean; readonly monthsWithoutLeader: Mean; readonly programmesLost: Mean } }> = {
  order: 1,
  at: 'lines',
  text: (s) => (s.scenario.leadership ? `leader changes: ${s.leadership.changes.mean.toFixed(2)}; months without a leader ${s.leadership.monthsWithoutLeader.mean.toFixed(1)}; programmes lost ${s.leadership.programmesLost.mean.toFixed(2)}` : null),
};
