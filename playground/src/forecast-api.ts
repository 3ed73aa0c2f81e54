/**
 * The "As of today" view's calls: the forecast from an as-of date, and a synthetic export of the
 * editor's scenario to try it on. The page's client answers them (the server's /api/forecast and
 * /api/forecast/sample, or the engine in this browser in the static build). The answer is the engine's
 * `ForecastReport` (type-only imports).
 */
import { client } from './client/index.js';

export type { FanMonth, ForecastAction, ForecastReport, ForecastVariant } from '../../engine/index.js';
export type { ForecastRequest, SampleExport, SampleRequest } from './client/types.js';
export type { SampleExportOptions } from '../../engine/index.js';

/** The calls as one object so component tests can substitute them. */
export const forecastApi = { forecast: client.forecast, sample: client.sample };
export type ForecastApi = typeof forecastApi;
