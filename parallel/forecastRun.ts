/**
 * The trials of a forecast from today (`salesim forecast`, POST /api/forecast): every scenario of the
 * prepared forecast (the forecast, then each intervention) on the same trials, either a set count or until
 * the forecast from today holds its precision targets (P(plan | bookings to date) and its plan-year total),
 * the interventions then taking the same trials. One place for both interfaces, so they give one answer.
 */
import { forecastPrecisionTracker, type PrecisionReport, type PreparedForecast, type TrialResults } from '../engine/index.js';
import { runBaseThenRest } from './precision.js';
import { runScenarios } from './runScenarios.js';
import type { Pool } from './pool.js';

export interface ForecastRunOptions {
  /** the set count (ignored with `precision`) */
  trials: number;
  seed: number;
  /** run until these targets hold for the forecast from today (p_plan, revenue), up to maxTrials */
  precision?: { spec: string; maxTrials: number; default?: boolean };
  /** the field a bad target is reported under ('--precision' in the CLI, 'precision' over HTTP) */
  field?: string;
  pool?: Pool;
  workers?: number;
  signal?: AbortSignal;
  /** trials done and the total, over every scenario */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs the prepared forecast's scenarios; with `precision`, the report of the precision reached.
 * @example const { results, precision } = await runForecastTrials(prepared, { trials: 2000, seed: 1, precision: { spec: 'p_plan=0.01', maxTrials: 1e5 }, workers: 2 });
 */
export async function runForecastTrials(prepared: PreparedForecast, opts: ForecastRunOptions): Promise<{ results: TrialResults[]; precision: PrecisionReport | null }> {
  const { trials, seed, pool, workers, signal } = opts;
  if (!opts.precision) {
    const { results } = await runScenarios(prepared.scenarios, { trials, seed, pool, workers, signal, onProgress: opts.onProgress });
    return { results, precision: null };
  }
  const { spec, maxTrials } = opts.precision;
  // the forecast from today decides the trials: its P(plan | bookings to date) and plan-year total (the engine's stopping rule)
  const tracker = forecastPrecisionTracker(prepared.setup, spec, opts.field ?? 'precision');
  const { results } = await runBaseThenRest(prepared.scenarios, tracker, { seed, maxTrials, pool, workers, signal, onCount: opts.onProgress });
  const precision = tracker.report(spec, maxTrials);
  if (opts.precision.default) precision.default = true;
  return { results, precision };
}
