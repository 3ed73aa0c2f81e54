/**
 * Forecast tasks for the worker pool (server: POST /api/forecast): reading the export and roster and
 * building the forecast's scenarios (`prepareForecastTask`, linear in the export's size), and the report
 * from the trials (`forecastReportTask`, sorts per month), so neither runs on the server's event loop.
 * Bad input answers `{ ok: false, errors }` (an `InputError` does not survive the trip between threads).
 */
import { InputError, parseMonth, parseScenario, prepareForecast, reportPrepared, synthesize, type ForecastAction, type ForecastInput, type ForecastReport, type PreparedForecast, type TrialResults } from '../engine/index.js';
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
  seed: number;
  /** refuse a history over this many expected rows (the server's memory cap) */
  maxRows?: number;
  /**
   * answer with the export as UTF-8 JSON bytes (transferred), so a server writes them as they are:
   * stringifying and encoding tens of MB of CSV on its event loop blocked it
   */
  json?: boolean;
}

/** A synthetic export to try a forecast on: CSV texts and a month-end as-of date half way through the plan year. */
export interface SampleExport {
  opportunities: string;
  roster: string;
  asOf: string;
  warnings: string[];
}

/**
 * Twelve months of synthetic CRM history of the scenario (the engine's `synthesize`) from its plan year's
 * first month (`market.start`, else 2025-01), with the roster, and the as-of date at the end of the plan
 * year's sixth month.
 * @example await pool.run({ scenario, seed: 7 }, { name: 'sampleExportTask' })
 */
export function sampleExportTask(t: SampleExportTask): TaskAnswer<SampleExport | Uint8Array> {
  try {
    const scenario = parseScenario(t.scenario as never);
    const start = scenario.market?.start ?? '2025-01';
    const m = parseMonth(start)! + 5; // the sixth month
    const y = Math.floor(m / 12);
    const mo = (m % 12) + 1;
    const asOf = `${y}-${String(mo).padStart(2, '0')}-${new Date(Date.UTC(y, mo, 0)).getUTCDate()}`;
    const h = synthesize(scenario, { months: 12, start, seed: t.seed, roster: true, maxRows: t.maxRows });
    const value = { opportunities: h.opportunities, roster: h.roster ?? '', asOf, warnings: h.warnings };
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
