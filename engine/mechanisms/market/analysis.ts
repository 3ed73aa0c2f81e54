/**
 * The market's part of a run's work estimate (docs/design.md, "Adding a mechanism", step 9): seasonality and
 * growth scale every seat's arrivals, so the estimate's opportunity rate is the core's times their mean.
 */
import type { WorkHook } from '../../kernel/work.js';

/** The core's opportunity rate (`c.rate`) times the mean arrival multiplier over the horizon (1 without a market block). */
export const WORK: WorkHook = (s, c) => {
  const H = s.horizonMonths;
  let mean = 0;
  for (let m = 0; m < H; m++) mean += c.market[m] ?? 1;
  mean /= H;
  return { factors: { opportunitiesPerMonth: c.rate * mean } };
};
