/**
 * The stopping rule of a forecast run to a precision (salesim forecast --precision, POST /api/forecast
 * with precision): the forecast from today decides the trials, by its P(plan | bookings to date) (p_plan)
 * and the mean of its plan-year total, bookings to date included (revenue); the interventions then take
 * the same trials.
 */
import type { TrialResults } from '../types.js';
import { createPrecisionTracker, type PrecisionTracker, type TrackerState } from '../precision/tracker.js';
import { parsePrecision } from '../precision/targets.js';
import type { ForecastSetup } from './setup.js';

/**
 * `state`: resume from a tracker's `state()` (the static playground's engine workers hand it from block to block).
 * @example const tracker = forecastPrecisionTracker(prepared.setup, 'p_plan=0.01'); // then runBaseThenRest(prepared.scenarios, tracker, ...)
 */
export function forecastPrecisionTracker(setup: ForecastSetup, spec: string, field = 'precision', state?: TrackerState): PrecisionTracker {
  const total = (r: TrialResults, t: number) => {
    let v = setup.booked;
    for (let m = 0; m < setup.monthsInYear; m++) v += r.revenue[t * r.months + m];
    return v;
  };
  return createPrecisionTracker([setup.scenario], parsePrecision(spec, field), ['p_plan', 'revenue'], { field, plan: setup.plan, total, ...(state ? { state } : {}) });
}
