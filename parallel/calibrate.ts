/**
 * Calibration tasks for the worker pool: reading a CRM export is linear in its size (10 MiB bodies are
 * allowed) and the fits iterate, so none of it runs on the server's event loop. An `InputError` does
 * not survive the trip between threads with its issues, so each task answers `{ ok: false, errors }`
 * for bad input instead of throwing.
 */
import {
  bookedRevenue,
  calibrateWithLeads,
  compareToBand,
  InputError,
  rollingBacktest,
  type RollingOptions,
  type RollingResult,
  type BacktestResult,
  type BookedRevenue,
  type CalibrateOptions,
  type CalibrationWithLeads,
  type InputIssue,
  type TrialResults,
} from '../engine/index.js';

/** What a calibration task answers. */
export type TaskAnswer<T> = { ok: true; value: T } | { ok: false; errors: InputIssue[] };

function guarded<T>(f: () => T): TaskAnswer<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, errors: e.errors };
    throw e;
  }
}

export interface CalibrateTask {
  csv: string;
  options: CalibrateOptions;
  /** a lead export (CSV text): adds a demand block */
  leads?: string | null;
}

/**
 * The engine's `calibrate` (with the lead export's demand block when given) on a worker.
 * @example await pool.run({ csv, options: { from: '2025-01' } }, { name: 'calibrateTask' })
 */
export function calibrateTask(t: CalibrateTask): TaskAnswer<CalibrationWithLeads> {
  return guarded(() => calibrateWithLeads(t.csv, t.options, t.leads));
}

export interface BookedRevenueTask {
  csv: string;
  from: string;
  to: string;
  mapping?: CalibrateOptions['mapping'];
  /** 'skip' drops malformed rows instead of refusing the export */
  invalidRows?: 'error' | 'skip';
}

/**
 * The engine's `bookedRevenue` (won amounts per month of the period) on a worker.
 * @example await pool.run({ csv, from: '2025-01', to: '2025-12' }, { name: 'bookedRevenueTask' })
 */
export function bookedRevenueTask(t: BookedRevenueTask): TaskAnswer<BookedRevenue> {
  return guarded(() => bookedRevenue(t.csv, { from: t.from, to: t.to, mapping: t.mapping ?? null, invalidRows: t.invalidRows ?? 'error' }));
}

export interface BandTask {
  booked: BookedRevenue;
  results: TrialResults;
  seed: number;
}

/**
 * The engine's `compareToBand` (actual revenue against the simulated P10-P90 band) on a worker.
 * @example await pool.run({ booked, results, seed: 1 }, { name: 'bandTask', transferList: transferList(results) })
 */
export function bandTask(t: BandTask): TaskAnswer<BacktestResult> {
  return guarded(() => compareToBand(t.booked, t.results, t.seed));
}

export interface RollingTask {
  csv: string;
  options: Omit<RollingOptions, 'onProgress'>;
}

/**
 * The engine's rolling-origin back-test (cut, calibrate, forecast, score at each date) on a worker.
 * @example await pool.run({ csv, options: { asOf: ['2025-06-30'], horizon: 3 } }, { name: 'rollingTask' })
 */
export function rollingTask(t: RollingTask): TaskAnswer<RollingResult> {
  return guarded(() => rollingBacktest(t.csv, t.options));
}
