/**
 * Forecast tasks for the worker pool (server: POST /api/forecast): reading the export and roster and
 * building the forecast's scenarios (`prepareForecastTask`, linear in the export's size), and the report
 * from the trials (`forecastReportTask`, sorts per month), so neither runs on the server's event loop.
 * Bad input answers `{ ok: false, errors }` (an `InputError` does not survive the trip between threads).
 */
import { InputError, prepareForecast, reportPrepared, type ForecastAction, type ForecastInput, type ForecastReport, type PreparedForecast, type TrialResults } from '../engine/index.js';
import type { TaskAnswer } from './calibrate.js';

export interface PrepareForecastTask {
  input: ForecastInput;
  actions: ForecastAction[];
}

/**
 * The engine's `prepareForecast` on a worker.
 * @example await pool.run({ input: { opportunities, scenario, asOf: '2025-06-30' }, actions: [] }, { name: 'prepareForecastTask' })
 */
export function prepareForecastTask(t: PrepareForecastTask): TaskAnswer<PreparedForecast> {
  try {
    return { ok: true, value: prepareForecast(t.input, t.actions) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, errors: e.errors };
    throw e;
  }
}

export interface ForecastReportTask {
  prepared: PreparedForecast;
  results: TrialResults[];
  seed: number;
}

/**
 * The engine's `reportPrepared` on a worker.
 * @example await pool.run({ prepared, results, seed: 1 }, { name: 'forecastReportTask', transferList: results.flatMap(transferList) })
 */
export function forecastReportTask(t: ForecastReportTask): ForecastReport {
  return reportPrepared(t.prepared, t.results, t.seed);
}
