/**
 * The precision a finished run reached, from its Summary (any run: a fixed trial count or a
 * precision-targeted one), measured exactly as the stopping rule measures it (tracker.ts): the half-width
 * of P(plan)'s Wilson 95% interval (`plan.ci`), and 1.96 x the standard error of mean total revenue (and of
 * mean ARR at the horizon) relative to the mean. Every Summary carries it (`diagnostics.halfWidth`); the
 * CLI prints it under every run and the playground shows it beside the headline figures.
 */
import type { Summary } from '../types.js';
import { Z95 } from './tracker.js';
import { mechanismOutcome } from '../outcomes.js';
import type { HalfWidths } from './report.js';

export type { HalfWidths } from './report.js';

export interface PrecisionReached extends HalfWidths {
  trials: number;
}

/** 1.96 se / |mean|, or null when the mean is 0 or the figure undefined. */
function relative(se: number, mean: number): number | null {
  const r = (Z95 * se) / Math.abs(mean);
  return mean !== 0 && Number.isFinite(r) ? r : null;
}

/**
 * The 95% half-widths of a Summary's headline figures, from its own figures.
 * @example halfWidths(summary) // { pPlan: 0.0199, revenue: 0.0061, arr: null }
 */
export function halfWidths(s: Summary): HalfWidths {
  // ARR at the horizon, as its mechanism reads it from the Summary (engine/outcomes.ts); null without its section
  const arr = mechanismOutcome('arr')!.summary(s);
  return {
    pPlan: s.plan ? (s.plan.ci[1] - s.plan.ci[0]) / 2 : null,
    revenue: relative(s.diagnostics.revenueStdError, s.revenue.total.mean),
    arr: arr ? relative(arr.stdError, arr.stats.mean) : null,
  };
}

/**
 * The trials and the precision a run reached.
 * @example precisionReached(summary) // { trials: 2000, pPlan: 0.0199, revenue: 0.0061, arr: null }
 */
export function precisionReached(s: Summary): PrecisionReached {
  return { trials: s.trials, ...halfWidths(s) };
}
