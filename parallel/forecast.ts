/**
 * Forecast tasks for the worker pool (server: POST /api/forecast): reading the export and roster and
 * building the forecast's scenarios (`prepareForecastTask`, linear in the export's size), and the report
 * from the trials (`forecastReportTask`, sorts per month), so neither runs on the server's event loop.
 * Bad input answers `{ ok: false, errors }` (an `InputError` does not survive the trip between threads).
 */
import { InputError, prepareForecast, reportPrepared, sampleExport, type ForecastAction, type ForecastInput, type ForecastReport, type PreparedForecast, type SampleExport, type SampleExportOptions, type TrialResults } from '../engine/index.js';
import { move, transferableSymbol, valueSymbol } from 'piscina';
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

export interface SampleExportTask {
  scenario: unknown;
  /** the sample's options (months, start, seed, prospects, resolveByAge, quarterEndWin, arrivalDrift), checked by `sampleExportOptions` */
  options: SampleExportOptions;
  /** refuse a history over this many expected rows (the server's memory cap), before any row is made */
  maxRows?: number;
  /**
   * answer with the export as UTF-8 JSON bytes (transferred), so a server writes them as they are:
   * stringifying and encoding tens of MB of CSV on its event loop blocked it
   */
  json?: boolean;
}

/**
 * The engine's `sampleExport` (a synthetic history with `salesim synth`'s options, its roster and an as-of
 * date) on a worker.
 * @example await pool.run({ scenario, options: { seed: 7, months: 18 } }, { name: 'sampleExportTask' })
 */
export function sampleExportTask(t: SampleExportTask): TaskAnswer<SampleExport | Uint8Array> {
  try {
    const value = sampleExport(t.scenario as never, { ...t.options, maxRows: t.maxRows });
    if (t.json) {
      const bytes = new TextEncoder().encode(JSON.stringify(value));
      return move({ [transferableSymbol]: [bytes.buffer], [valueSymbol]: { ok: true, value: bytes } } as never) as never;
    }
    return { ok: true, value };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, errors: e.errors };
    throw e;
  }
}
