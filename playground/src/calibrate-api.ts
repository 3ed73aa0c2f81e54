/**
 * The Calibrate view's calls: calibrate on a CRM export and back-test a scenario against it. The page's
 * client answers them (the server's /api/calibrate and /api/backtest, or the engine in this browser in
 * the static build: the export is read by the page and never uploaded). The answers are the engine's
 * `CalibrationResult` and `BacktestResult` (type-only imports).
 */
import { client } from './client/index.js';

export type { BacktestResult, CalibrationResult, CalibrationWithLeads, DemandCalibration, FittedParameter } from '../../engine/index.js';
export type { BacktestRequest, CalibrateRequestOptions } from './client/types.js';
export { calibrateCsv } from './client/http.js';

/** The calls as one object so component tests can substitute them. */
export const calibrateApi = { calibrate: client.calibrate, backtest: client.backtest };
export type CalibrateApi = typeof calibrateApi;
