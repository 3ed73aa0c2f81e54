/**
 * HTTP calls of the "As of today" view: POST /api/forecast (the export, roster and scenario as JSON) and
 * POST /api/forecast/sample (a synthetic export of the editor's scenario). The answer is the engine's
 * `ForecastReport` (type-only imports: no engine code enters the bundle).
 */
import type { ForecastAction, ForecastReport } from '../../engine/index.js';
import { requestJson } from './api.js';

export type { FanMonth, ForecastAction, ForecastReport, ForecastVariant } from '../../engine/index.js';

export interface ForecastRequest {
  opportunities: string;
  roster?: string | null;
  scenario: unknown;
  asOf: string;
  through?: string;
  plan?: number;
  actions?: ForecastAction[];
  trials?: number;
  seed?: number;
}

export interface SampleExport {
  opportunities: string;
  roster: string;
  /** a month end inside the export, half way through its plan year */
  asOf: string;
}

/**
 * Runs the forecast on the server; throws ApiError (with field paths) on a 4xx.
 * @example const report = await runForecast({ opportunities, scenario, asOf: '2025-06-30', trials: 1000, seed: 1 });
 */
export function runForecast(req: ForecastRequest, signal?: AbortSignal): Promise<ForecastReport> {
  return requestJson<ForecastReport>('POST', '/api/forecast', req, signal);
}

/**
 * A synthetic opportunity export and roster of the scenario (the engine's `synthesize`), to try the view without a CRM.
 * @example const { opportunities, roster, asOf } = await sampleExport(scenario, 7);
 */
export function sampleExport(scenario: unknown, seed: number, signal?: AbortSignal): Promise<SampleExport> {
  return requestJson<SampleExport>('POST', '/api/forecast/sample', { scenario, seed }, signal);
}

/** The calls as one object so component tests can substitute them. */
export const forecastApi = { forecast: runForecast, sample: sampleExport };
export type ForecastApi = typeof forecastApi;
