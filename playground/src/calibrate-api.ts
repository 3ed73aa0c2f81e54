/**
 * The Calibrate view's calls: calibrate on a CRM export and back-test a scenario against it. The page's
 * client answers them (the server's /api/calibrate and /api/backtest, or the engine in this browser in
 * the static build: the export is read by the page and never uploaded). The answers are the engine's
 * `CalibrationResult` and `BacktestResult` (type-only imports).
 */
import { client } from './client/index.js';

export type { BacktestResult, RollingResult, CalibrationResult, CalibrationWithLeads, DemandCalibration, FittedParameter } from '../../engine/index.js';
export type { BacktestRequest, CalibrateRequestOptions, RollingBacktestRequest } from './client/types.js';
export { calibrateCsv } from './client/http.js';

/** The calls as one object so component tests can substitute them. */
export const calibrateApi = { calibrate: client.calibrate, backtest: client.backtest, rollingBacktest: client.rollingBacktest };
/** The calls a view uses; the rolling back-test optional (a substitute that does not use it leaves it out). */
export type CalibrateApi = Omit<typeof calibrateApi, 'rollingBacktest'> & Partial<Pick<typeof calibrateApi, 'rollingBacktest'>>;
