/**
 * A forecast and what to run for it: the forecast scenario at the as-of date, the same forecast from the
 * plan year's first day (for contrast), and the interventions ("acting now") as variants of the forecast
 * scenario, all to be run with the same trials and seed (common random numbers).
 */
import { InputError, issue } from '../errors.js';
import { hirePatch } from '../mechanismHistory.js';
import type { Scenario } from '../scenario.js';
import { simulateEach } from '../simulateEach.js';
import { patchVariant } from '../study.js';
import { formatMonth, parseMonth } from '../calibrate/dates.js';
import { forecastSetup, type ForecastInput, type ForecastSetup } from './setup.js';
import { forecastReport, type ForecastReport } from './report.js';

/** An intervention: a merge patch on the forecast scenario, or `hire` seats opening in month 1. */
export interface ForecastAction {
  name: string;
  patch?: Record<string, unknown>;
  /** seats opening now (month 1), filled after the time to fill and ramped like any hire */
  hire?: { seats: number; territory?: string };
}

export interface PreparedForecast {
  setup: ForecastSetup;
  startOfYear: ForecastSetup | null;
  startOfYearNote: string | null;
  variants: { name: string; scenario: Scenario }[];
  /** every scenario to run, in order: the forecast, its variants, then the start of the year's (if any) */
  scenarios: Scenario[];
}

function dayBefore(month: number): string {
  const m = month - 1;
  const y = Math.floor(m / 12);
  const mo = (m % 12) + 1;
  return `${y}-${String(mo).padStart(2, '0')}-${new Date(Date.UTC(y, mo, 0)).getUTCDate()}`;
}

/**
 * Validates the inputs and builds every scenario a forecast runs. Throws `InputError` naming the field
 * (`actions[N].…` for an intervention).
 * @example // prepareForecast({ opportunities: csv, scenario, asOf: '2025-06-30' }, [{ name: 'hire 5', hire: { seats: 5 } }]).scenarios.length // 3
 */
export function prepareForecast(input: ForecastInput, actions: ForecastAction[] = []): PreparedForecast {
  const setup = forecastSetup(input);
  const variants = actions.map((a, i) => {
    const at = `actions[${i}]`;
    if (typeof a.name !== 'string' || a.name.trim() === '') throw new InputError([issue(`${at}.name`, 'must be a non-empty name')]);
    if ((a.patch === undefined) === (a.hire === undefined)) throw new InputError([issue(at, 'must have either patch (a merge patch on the forecast scenario) or hire: { seats }')]);
    let patch = a.patch;
    if (a.hire) {
      const seats = a.hire.seats;
      if (!Number.isInteger(seats) || seats < 1 || seats > 10_000) throw new InputError([issue(`${at}.hire.seats`, `must be a whole number between 1 and 10000 (got ${seats})`)]);
      // the mechanism that opens seats says what a hire is in its block (or why the scenario cannot take one)
      const h = hirePatch(setup.raw, { seats, ...(a.hire.territory !== undefined ? { territory: a.hire.territory } : {}) });
      if ('refused' in h) throw new InputError([issue(`${at}.hire`, h.refused)]);
      patch = h.patch;
    }
    return { name: a.name, scenario: patchVariant(setup.raw, patch, `${at}.patch`) };
  });
  let startOfYear: ForecastSetup | null = null;
  let startOfYearNote: string | null = null;
  const y0 = parseMonth(setup.yearStart)!;
  if (setup.start !== setup.yearStart) {
    try {
      startOfYear = forecastSetup({ ...input, asOf: dayBefore(y0), through: formatMonth(y0 + 11) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      startOfYearNote = `no start-of-year forecast: at ${dayBefore(y0)}, ${e.errors[0].message}`;
    }
  } else startOfYearNote = 'the forecast starts at the plan year\'s first month: it is the start-of-year forecast';
  const scenarios = [setup.scenario, ...variants.map((v) => v.scenario), ...(startOfYear ? [startOfYear.scenario] : [])];
  return { setup, startOfYear, startOfYearNote, variants, scenarios };
}

/**
 * Runs a forecast in this thread (the CLI and server run the same scenarios on the worker pool).
 * @example // forecast({ opportunities: csv, scenario, asOf: '2025-06-30' }, { trials: 1000, seed: 1 }).now.pPlan
 */
export function forecast(input: ForecastInput, opts: { trials: number; seed: number; actions?: ForecastAction[] }): ForecastReport {
  const prepared = prepareForecast(input, opts.actions ?? []);
  const { results } = simulateEach(prepared.scenarios, { trials: opts.trials, seed: opts.seed });
  return reportPrepared(prepared, results, opts.seed);
}

/** The report from the results of `prepared.scenarios`, in order. */
export function reportPrepared(prepared: PreparedForecast, results: import('../types.js').TrialResults[], seed: number): ForecastReport {
  const k = prepared.variants.length;
  return forecastReport(prepared.setup, results[0], {
    seed,
    variants: prepared.variants.map((v, i) => ({ name: v.name, results: results[1 + i] })),
    startOfYear: prepared.startOfYear ? { setup: prepared.startOfYear, results: results[1 + k] } : null,
    startOfYearNote: prepared.startOfYearNote,
  });
}
