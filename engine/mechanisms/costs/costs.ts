/**
 * Costs: rep on-target earnings, managers by span of control (ceil(seated / span)), vacancies, hiring,
 * enablement and leader search. Each is one item of `cost.breakdown`.
 */

import type { Compiled } from '../../kernel/compiled.js';
import type { TrialResults } from '../../types.js';

export const COST = { reps: 0, managers: 1, hiring: 2, vacancy: 3, enablement: 4, leadership: 5 } as const;

/**
 * Managers needed for `seated` reps at a span of control (null span = no managers).
 * @example managers(17, 8) // 3
 */
export function managers(seated: number, span: number | null): number {
  return span && seated > 0 ? Math.ceil(seated / span) : 0;
}

/**
 * Adds `amount` to cost item `item` of the trial whose cost items start at `ci`; returns the amount, so a
 * step can add it to the month's cost as it charges it.
 * @example // monthCost += charge(out, ci, COST.hiring, starters * c.costPerHire)
 */
export function charge(out: TrialResults, ci: number, item: number, amount: number): number {
  out.costItems[ci + item] += amount;
  return amount;
}

/**
 * Step 7's salary part for `seated` reps this month: rep and manager costs (charged); returns their sum.
 */
export function chargeSalaries(out: TrialResults, ci: number, c: Compiled, seated: number): number {
  const repCost = seated * c.repMonthlyCost;
  const mgrCost = managers(seated, c.managerSpan) * c.managerMonthlyCost;
  out.costItems[ci + COST.reps] += repCost;
  out.costItems[ci + COST.managers] += mgrCost;
  return repCost + mgrCost;
}
