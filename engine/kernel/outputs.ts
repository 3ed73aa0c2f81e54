/** Output constants the mechanisms write by (cost items, Lorenz points); engine/types.ts re-exports them. */

/** Cost items reported in `cost.breakdown`. */
export const COST_ITEMS = ['reps', 'managers', 'hiring', 'vacancy', 'enablement', 'leadership'] as const;
export type CostItem = (typeof COST_ITEMS)[number];

/** Number of points of the per-trial Lorenz curve kept (x = 0, 1/(L-1), ..., 1). */
export const LORENZ_POINTS = 21;
