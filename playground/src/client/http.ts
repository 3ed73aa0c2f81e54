/**
 * The client over HTTP to the salesim server (the default build; issue 5): every statistic shown
 * comes from the server's answers; errors arrive in the project's one shape `{ errors: [{ path, rule, message }] }`.
 */
import type { BacktestResult, RollingResult, ScenarioIndices, CalibrationWithLeads, CompareResult, SolvePoint, ForecastReport, SensitivityResult, SolveResult, Summary } from '../../../engine/index.js';
import { createSseParser } from '../sse.js';
import { ApiError, type ApiIssue } from './errors.js';
import { runBody } from './runBody.js';
import type { BacktestRequest, RollingBacktestRequest, SobolRequest, CalibrateRequestOptions, CompareProgress, ForecastRequest, PresetInfo, Progress, RunRequest, SalesimClient, SampleExport, SampleRequest, SavedRevision, StoredScenario } from './types.js';

async function errorFrom(res: Response): Promise<ApiError> {
  let errors: ApiIssue[] = [];
  try {
    const body = (await res.json()) as { errors?: ApiIssue[]; error?: string };
    if (Array.isArray(body.errors)) errors = body.errors;
    else if (body.error) errors = [{ path: null, rule: body.error, message: body.error }];
  } catch {
    /* not JSON */
  }
  if (errors.length === 0) errors = [{ path: null, rule: `HTTP ${res.status}`, message: `The server answered ${res.status} ${res.statusText}`.trim() }];
  return new ApiError(res.status, errors);
}

/**
 * Calls a JSON endpoint and returns the parsed body; throws ApiError on any non-2xx answer.
 * @example const presets = await requestJson<PresetInfo[]>('GET', '/api/presets');
 */
export async function requestJson<T>(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, {
    method,
    signal,
    headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw await errorFrom(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/**
 * Runs a simulation over the SSE endpoint, calling `onProgress` with every partial Summary, and
 * resolves with the final Summary. Aborting `signal` cancels the run on the server too.
 * @example const summary = await streamSimulation({ scenario, seed: 1 }, { onProgress: (p) => draw(p.summary) });
 */
export async function streamSimulation(req: RunRequest, opts: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {}): Promise<Summary> {
  const data = await streamResult<Summary | { summary: Summary }, Progress>('/api/simulate/stream', runBody(req), opts);
  return 'summary' in data ? data.summary : data;
}

/**
 * POSTs `body` to an SSE endpoint, calling `onProgress` with each `progress` event's data, and resolves
 * with the `result` event's data; an `error` event rejects with its status and errors. Aborting
 * `signal` cancels the work on the server too.
 * @example const r = await streamResult<CompareResult, CompareProgress>('/api/compare/stream', body, { onProgress: show });
 */
export async function streamResult<T, P>(url: string, body: unknown, opts: { signal?: AbortSignal; onProgress?: (p: P) => void } = {}): Promise<T> {
  const res = await fetch(url, { method: 'POST', signal: opts.signal, headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify(body) });
  if (!res.ok) throw await errorFrom(res);
  if (!res.body) throw new ApiError(0, [{ path: null, rule: 'no stream', message: 'The server sent no event stream' }]);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = createSseParser();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    for (const ev of parser.push(value)) {
      const data = JSON.parse(ev.data);
      if (ev.event === 'progress') opts.onProgress?.(data as P);
      else if (ev.event === 'result') {
        void reader.cancel().catch(() => {});
        return data as T;
      } else if (ev.event === 'error') {
        void reader.cancel().catch(() => {});
        throw new ApiError(typeof data.status === 'number' ? data.status : 500, Array.isArray(data.errors) ? data.errors : [{ path: null, rule: 'run failed', message: data.message ?? 'The work failed' }]);
      }
    }
  }
  throw new ApiError(0, [{ path: null, rule: 'stream ended', message: 'The stream ended before a result' }]);
}

/**
 * A comparison over /api/compare/stream, calling `onProgress` with the trials done per design.
 * @example const r = await streamCompare(body, { onProgress: (p) => show(p.designs) });
 */
export const streamCompare = (body: unknown, opts: { signal?: AbortSignal; onProgress?: (p: CompareProgress) => void } = {}) => streamResult<CompareResult, CompareProgress>('/api/compare/stream', body, opts);

/**
 * A goal seek over /api/solve/stream, calling `onPoint` with each value as it is run.
 * @example const r = await streamSolve(body, { onPoint: (p) => show(p) });
 */
export const streamSolve = (body: unknown, opts: { signal?: AbortSignal; onPoint?: (p: SolvePoint) => void } = {}) =>
  streamResult<SolveResult, { evaluated: number; point: SolvePoint }>('/api/solve/stream', body, { signal: opts.signal, onProgress: opts.onPoint && ((e) => opts.onPoint!(e.point)) });

/**
 * Sends a CRM export (and optionally a rep roster and a lead export) to /api/calibrate; throws ApiError
 * (with row/column paths) on a 4xx.
 * @example const { scenario, report } = await calibrateCsv(await file.text());
 */
export async function calibrateCsv(csv: string, roster?: string | null, signal?: AbortSignal, leads?: string | null, options: CalibrateRequestOptions = {}): Promise<CalibrationWithLeads> {
  // with a roster, leads or options: JSON { csv, roster?, leads?, asOf?, from?, to?, point?, trend? }; without: the export itself as text/csv
  if (roster || leads || Object.keys(options).length > 0) return requestJson<CalibrationWithLeads>('POST', '/api/calibrate', { csv, ...(roster ? { roster } : {}), ...(leads ? { leads } : {}), ...options }, signal);
  const res = await fetch('/api/calibrate', { method: 'POST', signal, headers: { 'content-type': 'text/csv', accept: 'application/json' }, body: csv });
  if (!res.ok) throw await errorFrom(res);
  return (await res.json()) as CalibrationWithLeads;
}

/**
 * A Summary's CSV export from the server (POST /api/summary/csv): the engine writes it, nothing is run.
 * @example const text = await summaryCsvOf(summary);
 */
export async function summaryCsvOf(summary: Summary, signal?: AbortSignal): Promise<string> {
  const res = await fetch('/api/summary/csv', { method: 'POST', signal, headers: { 'content-type': 'application/json', accept: 'text/csv' }, body: JSON.stringify(summary) });
  if (!res.ok) throw await errorFrom(res);
  return res.text();
}

/** The client over HTTP (same-origin /api). */
export const httpClient: SalesimClient = {
  kind: 'server',
  hasStore: true,
  presets: () => requestJson<PresetInfo[] | { presets: PresetInfo[] }>('GET', '/api/presets').then((r) => (Array.isArray(r) ? r : r.presets)),
  preset: (id: string) => requestJson<Record<string, unknown>>('GET', `/api/presets/${encodeURIComponent(id)}`),
  simulate: (req: RunRequest, signal?: AbortSignal) => requestJson<Summary>('POST', '/api/simulate', runBody(req), signal),
  stream: streamSimulation,
  summaryCsv: summaryCsvOf,
  compare: (body: unknown, signal?: AbortSignal, onProgress?: (p: CompareProgress) => void) =>
    onProgress && !(body as { assumptions?: unknown } | null)?.assumptions ? streamCompare(body, { signal, onProgress }) : requestJson<CompareResult>('POST', '/api/compare', body, signal),
  sensitivity: (body: unknown, signal?: AbortSignal) => requestJson<SensitivityResult>('POST', '/api/sensitivity', body, signal),
  sobol: ({ scenario, seed, metric, draws }: SobolRequest, signal?: AbortSignal) =>
    requestJson<ScenarioIndices>('POST', '/api/sensitivity', { scenario, ...(seed !== undefined ? { seed } : {}), sobol: metric || draws ? { ...(metric ? { metric } : {}), ...(draws ? { draws } : {}) } : true }, signal),
  solve: (body, signal, onPoint) => (onPoint ? streamSolve(body, { signal, onPoint }) : requestJson<SolveResult>('POST', '/api/solve', body, signal)),
  calibrate: calibrateCsv,
  backtest: (req: BacktestRequest, signal?: AbortSignal) => requestJson<BacktestResult>('POST', '/api/backtest', req, signal),
  rollingBacktest: (req: RollingBacktestRequest, signal?: AbortSignal) => requestJson<RollingResult>('POST', '/api/backtest', { ...req, roster: req.roster ?? undefined }, signal),
  forecast: (req: ForecastRequest, signal?: AbortSignal) => requestJson<ForecastReport>('POST', '/api/forecast', req, signal),
  sample: (req: SampleRequest, signal?: AbortSignal) => requestJson<SampleExport>('POST', '/api/forecast/sample', req, signal),
  listScenarios: () => requestJson<StoredScenario[] | { scenarios: StoredScenario[] }>('GET', '/api/scenarios').then((r) => (Array.isArray(r) ? r : r.scenarios)),
  getScenario: (id: string) => requestJson<Record<string, unknown>>('GET', `/api/scenarios/${encodeURIComponent(id)}`),
  saveScenario: (body: unknown) => requestJson<StoredScenario>('POST', '/api/scenarios', body),
  updateScenario: (id: string, body: unknown) => requestJson<StoredScenario>('PUT', `/api/scenarios/${encodeURIComponent(id)}`, body),
  deleteScenario: (id: string) => requestJson<void>('DELETE', `/api/scenarios/${encodeURIComponent(id)}`),
  scenarioRevisions: (id: string) => requestJson<{ revisions: SavedRevision[] }>('GET', `/api/scenarios/${encodeURIComponent(id)}/revisions`).then((r) => r.revisions),
  restoreRevision: (id: string, revision: number) => requestJson<StoredScenario>('POST', `/api/scenarios/${encodeURIComponent(id)}/revisions/${revision}/restore`),
};
