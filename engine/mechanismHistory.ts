/**
 * The mechanisms' parts in calibration and forecasting, walked over the registry (engine/kernel/calibration.ts):
 * engine/calibrate/ and engine/forecast/ call these and name no mechanism; each mechanism declares its hooks
 * in engine/mechanisms/<name>/history.ts and its registry line.
 */
import type { Scenario } from './scenario.js';
import type { Mechanism } from './kernel/mechanism.js';
import type { ArrivalCalendarFit, Calibrated, CalendarMove, HireAction, RosterCalibration } from './kernel/calibration.js';
import { MECHANISMS } from './mechanisms/registry.js';

const all: readonly Mechanism[] = MECHANISMS;

/**
 * The scenario fields that change when scenario `s` (as parsed; `written` as the caller spreads it) moves on
 * the calendar by `w`, from each mechanism that is on, in registry order, with what each dropped.
 * @example moveOnCalendar(s, s, { shift: 0, months: 12, start: null, origin: null, forecast: false }).set // { hiring: { ...s.hiring, plan: (those in months 1..12) } } with hiring on
 */
export function moveOnCalendar(s: Scenario, written: Record<string, unknown>, w: CalendarMove): { set: Record<string, unknown>; warnings: string[] } {
  const set: Record<string, unknown> = {};
  const warnings: string[] = [];
  for (const m of all) {
    if (!m.history?.move || !m.on(s)) continue;
    const r = m.history.move(s, written, w);
    Object.assign(set, r.set);
    warnings.push(...r.warnings);
  }
  return { set, warnings };
}

/**
 * The months a new hire takes to ramp in scenario `s` (0 when no mechanism ramps hires).
 * @example rampMonths(parseScenario({ ...core, hiring: { ramp: { months: 4 } } })) // 4
 */
export function rampMonths(s: Scenario): number {
  let r = 0;
  for (const m of all) if (m.history?.rampMonths) r = Math.max(r, m.history.rampMonths(s));
  return r;
}

/**
 * The merge patch of a forecast's `hire` action on the forecast scenario as written, or why it is refused
 * (the mechanism that opens seats says).
 * @example hirePatch({ hiring: { plan: [] } }, { seats: 2 }) // { patch: { hiring: { plan: [{ month: 1, seats: 2 }] } } }
 */
export function hirePatch(written: Record<string, unknown>, a: HireAction): { patch: Record<string, unknown> } | { refused: string } {
  const m = all.find((x) => x.history?.hire);
  if (!m) return { refused: 'no mechanism of the engine opens seats' };
  return m.history!.hire!(written, a);
}

/**
 * The blocks calibration writes from a roster, in registry order.
 * @example calibratedFromRoster(fit).map((c) => Object.keys(c.set)) // [['hiring'], ['attrition']]
 */
export function calibratedFromRoster(fit: RosterCalibration): Calibrated[] {
  return all.flatMap((m) => (m.history?.fromRoster ? [m.history.fromRoster(fit)] : []));
}

/**
 * The calendar month (YYYY-MM) of scenario `s`'s month 1, when a block of it sets one (else null).
 * @example calendarStart(parseScenario({ ...core, market: { start: '2025-07' } })) // '2025-07'
 */
export function calendarStart(s: Scenario): string | null {
  for (const m of all) {
    const c = m.history?.calendarStart?.(s) ?? null;
    if (c !== null) return c;
  }
  return null;
}

/**
 * The blocks calibration writes from the arrival rate's calendar terms (month 1 being calendar month `start`), in registry order.
 * @example calibratedFromArrivals(fit, '2026-01') // [the market block, its comments, parameters and warnings] when fit keeps a term
 */
export function calibratedFromArrivals(fit: ArrivalCalendarFit, start: string): Calibrated[] {
  return all.flatMap((m) => (m.history?.fromArrivals ? [m.history.fromArrivals(fit, start)] : []));
}
