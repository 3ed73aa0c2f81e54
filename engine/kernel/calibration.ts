/**
 * A mechanism's part in calibration and forecasting (its registry entry's `history`, engine/kernel/mechanism.ts):
 * how its block follows a scenario moved on the calendar (a history window of synthetic history or a
 * back-test, a forecast from an as-of date), what a forecast's actions do to it, and the block calibration
 * writes from what a CRM history and roster tell. The generic code (engine/calibrate/, engine/forecast/) walks
 * the registry through engine/mechanismHistory.ts and names no mechanism; each mechanism declares its hooks in
 * engine/mechanisms/<name>/history.ts.
 */
import type { Scenario } from '../scenario.js';

/** One fitted parameter as the report lists it: scenario path, value, standard error and method. */
export interface FittedParameter {
  path: string;
  value: number;
  /** standard error; null when the method gives none (e.g. a count or a grid choice) */
  se: number | null;
  method: string;
}

/**
 * Makes a fitted-parameter line.
 * @example param('reps.cycleMonths', 3.1, 0.05, 'censored geometric MLE').path // 'reps.cycleMonths'
 */
export function param(path: string, value: number, se: number | null, method: string): FittedParameter {
  return { path, value, se: se !== null && Number.isFinite(se) ? se : null, method };
}

/**
 * A scenario moved on the calendar: its month `shift + 1` becomes month 1 and its horizon `months`.
 * @example const w: CalendarMove = { shift: 5, months: 7, start: '2025-07', origin: '2025-01', forecast: true }; // a forecast as of 2025-06-30 of a plan year from 2025-01
 */
export interface CalendarMove {
  /** months of the scenario gone before the new month 1 (0: it starts where it did) */
  readonly shift: number;
  /** the new horizon, in months */
  readonly months: number;
  /** the calendar month (YYYY-MM) of the new month 1; null: the calendar is not moved */
  readonly start: string | null;
  /** the calendar month (YYYY-MM) of the scenario's own month 1 where its blocks do not say; null: not known */
  readonly origin: string | null;
  /**
   * a forecast from an as-of date (what started before the new month 1 runs on from it, what starts after the
   * horizon is dropped, and the mechanisms say what the forecast cannot know), else a window of the scenario
   * from its month 1 (synthetic history, a back-test, a rolling back-test's horizon)
   */
  readonly forecast: boolean;
}

/** What moving a scenario does to a mechanism's block: the fields it sets, and what a forecast warns of (what it dropped, what it cannot know). */
export interface Moved {
  readonly set: Record<string, unknown>;
  readonly warnings: readonly string[];
}

/** What a roster and the opportunities tell, as calibration hands it to the mechanisms that staff the seats (engine/calibrate/fitRoster.ts). */
export interface RosterCalibration {
  /** exits in the window */
  readonly exits: number;
  /** exits followed by a hire in the same territory within 12 months */
  readonly backfilled: number;
  /** hires in the window */
  readonly hiresInWindow: number;
  /** months from an exit to the next hire in its territory (null: no backfill observed) */
  readonly timeToFillMean: number | null;
  readonly timeToFillSd: number | null;
  /** rep-months seated */
  readonly repMonths: number;
  /** annual attrition rate, 1 - (1 - exits / rep-months)^12, and its SE */
  readonly annualRate: number;
  readonly annualRateSe: number;
  /** the linear ramp fitted to new hires' opportunity rates (null: no hires to fit it on) */
  readonly rampMonths: number | null;
}

/** One fitted parameter a mechanism's calibration reports, with the comment of its line in the scenario (undefined: its SE and method; null: none). */
export interface CalibratedParameter {
  readonly param: FittedParameter;
  readonly comment?: string | null;
}

/** The block a mechanism's calibration writes: the scenario fields, comments by path, its fitted parameters and its warnings. */
export interface Calibrated {
  readonly set: Record<string, unknown>;
  readonly comments: Record<string, string>;
  readonly params: readonly CalibratedParameter[];
  readonly warnings: readonly string[];
}

/** One test of a term of the arrival rate over the calendar (engine/calibrate/fitMarket.ts). */
export interface CalendarTermTest {
  readonly term: 'growth' | 'seasonality';
  readonly test: string;
  readonly f: number;
  readonly pValue: number;
  readonly kept: boolean;
}

/**
 * What the opportunities created per calendar month tell of the arrival rate's growth and month-of-year
 * terms (engine/calibrate/fitMarket.ts, whose fit the core's rate is read from), as calibration hands it to
 * the mechanism that moves the rate over the calendar.
 */
export interface ArrivalCalendarFit {
  readonly tests: readonly CalendarTermTest[];
  /** whether each term is kept by its test */
  readonly growth: boolean;
  readonly seasonality: boolean;
  readonly annualGrowth: number;
  readonly annualGrowthSe: number | null;
  /** 12 multipliers, January first, mean 1 */
  readonly multipliers: readonly number[];
  readonly multipliersSe: readonly (number | null)[];
}

/** A forecast's `hire` action: seats opened in month 1 of the forecast. */
export interface HireAction {
  readonly seats: number;
  readonly territory?: string;
}

/** A mechanism's hooks in calibration and forecasting (each optional). */
export interface MechanismHistory {
  /**
   * its block for the scenario `s` (as parsed; `written` as the caller spreads it) moved by `w`: called when
   * the mechanism is on
   */
  readonly move?: (s: Scenario, written: Record<string, unknown>, w: CalendarMove) => Moved;
  /** the months a new hire takes to ramp (a forecast counts the team members still ramping) */
  readonly rampMonths?: (s: Scenario) => number;
  /** the merge patch of a forecast's `hire` action on the forecast scenario as written, or why the scenario cannot take it */
  readonly hire?: (written: Record<string, unknown>, a: HireAction) => { patch: Record<string, unknown> } | { refused: string };
  /** its block as calibrated from a roster (called only when calibration has one) */
  readonly fromRoster?: (fit: RosterCalibration) => Calibrated;
  /** the calendar month (YYYY-MM) of the scenario's month 1 its block sets (null: it sets none) */
  readonly calendarStart?: (s: Scenario) => string | null;
  /** its block as calibrated from the arrival rate's calendar terms, month 1 being calendar month `start` (YYYY-MM; empty when it has nothing to write) */
  readonly fromArrivals?: (fit: ArrivalCalendarFit, start: string) => Calibrated;
}
