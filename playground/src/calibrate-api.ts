/**
 * HTTP calls of the Calibrate view: POST /api/calibrate (the CRM export as text/csv) and
 * POST /api/backtest. Shapes mirror the engine's `CalibrationResult` and `BacktestResult`.
 */
import { ApiError, requestJson, type ApiIssue } from './api.js';
import type { BacktestMonthRow } from './charts/backtest.js';

export interface FittedParameter {
  path: string;
  value: number;
  se: number | null;
  method: string;
  [k: string]: unknown;
}

export interface CalibrationResult {
  scenario: Record<string, unknown>;
  yaml: string;
  report: {
    parameters: FittedParameter[];
    rows: { total: number; used: number; rejected: number; open: number; prePipeline?: number; rejections: ApiIssue[] };
    warnings: string[];
    window: { from: string; to: string; months: number };
    [k: string]: unknown;
  };
}

export interface BacktestResult {
  from: string;
  to: string;
  trials: number;
  seed: number;
  months: BacktestMonthRow[];
  inside: number;
  insideShare: number;
  total: { actual: number; mean: number; p10: number; p50: number; p90: number; inside: boolean };
  scores?: { bias: { ratio: number; interval: [number, number]; level: number }; meanPit: number; meanIntervalScore: number; relativeIntervalScore: number };
  warnings: string[];
}

export interface BacktestRequest {
  csv: string;
  scenario: unknown;
  from: string;
  to: string;
  trials?: number;
  seed?: number;
}

/**
 * Sends a CRM export (and optionally a rep roster) to /api/calibrate; throws ApiError (with row/column
 * paths) on a 4xx.
 * @example const { scenario, report } = await calibrateCsv(await file.text());
 */
export async function calibrateCsv(csv: string, roster?: string | null, signal?: AbortSignal): Promise<CalibrationResult> {
  // with a roster: JSON { csv, roster }; without: the export itself as text/csv
  if (roster) return requestJson<CalibrationResult>('POST', '/api/calibrate', { csv, roster }, signal);
  const res = await fetch('/api/calibrate', { method: 'POST', signal, headers: { 'content-type': 'text/csv', accept: 'application/json' }, body: csv });
  if (!res.ok) {
    let errors: ApiIssue[] = [];
    try {
      const body = (await res.json()) as { errors?: ApiIssue[] };
      if (Array.isArray(body.errors)) errors = body.errors;
    } catch {
      /* not JSON */
    }
    if (errors.length === 0) errors = [{ path: null, rule: `HTTP ${res.status}`, message: `The server answered ${res.status}` }];
    throw new ApiError(res.status, errors);
  }
  return (await res.json()) as CalibrationResult;
}

/**
 * Back-tests a scenario against the export over [from, to].
 * @example const bt = await runBacktest({ csv, scenario, from: '2025-01', to: '2025-12', trials: 1000, seed: 1 });
 */
export function runBacktest(req: BacktestRequest, signal?: AbortSignal): Promise<BacktestResult> {
  return requestJson<BacktestResult>('POST', '/api/backtest', req, signal);
}

/** The calls as one object so component tests can substitute them. */
export const calibrateApi = { calibrate: calibrateCsv, backtest: runBacktest };
export type CalibrateApi = typeof calibrateApi;
