/**
 * The playground's HTTP client for the salesim API (issue 5). Every statistic shown comes from these
 * responses; errors arrive in the project's one shape `{ errors: [{ path, rule, message }] }`.
 */
import type { CompareResult, InputIssue, SensitivityResult, Summary } from '../../engine/index.js';
import { createSseParser } from './sse.js';

// The API's answers are the engine's own types (type-only imports: no engine code enters the bundle).
export type {
  CompareResult,
  VariantComparison as CompareVariant,
  SensitivityResult,
  SensitivityParameter,
  SensitivityOutput,
} from '../../engine/index.js';

/** One problem, in the engine's error shape (the server sends them as they are). */
export type ApiIssue = InputIssue;

/** An HTTP failure carrying the server's error list (400/413/422/429) or a synthetic one. */
export class ApiError extends Error {
  readonly status: number;
  readonly errors: ApiIssue[];
  constructor(status: number, errors: ApiIssue[]) {
    super(errors.map((e) => e.message).join('; ') || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.errors = errors;
  }
}

/** A run request: the scenario object plus optional overrides. */
export interface RunRequest {
  scenario: unknown;
  trials?: number;
  seed?: number;
}

export interface Progress {
  done: number;
  total: number;
  summary: Summary | null;
}

export interface PresetInfo {
  id: string;
  name: string;
  description?: string;
  [k: string]: unknown;
}
export interface StoredScenario {
  id: string;
  name?: string;
  updatedAt?: string;
  [k: string]: unknown;
}

/** One stored revision: its source text verbatim and its resolved scenario. */
export interface SavedRevision {
  revision: number;
  createdAt: string;
  format: 'yaml' | 'json';
  source: string;
  scenario: Record<string, unknown>;
}

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
  const res = await fetch('/api/simulate/stream', {
    method: 'POST',
    signal: opts.signal,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(req),
  });
  if (!res.ok) throw await errorFrom(res);
  if (!res.body) throw new ApiError(0, [{ path: null, rule: 'no stream', message: 'The server sent no event stream' }]);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = createSseParser();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    for (const ev of parser.push(value)) {
      const data = JSON.parse(ev.data);
      if (ev.event === 'progress') opts.onProgress?.(data as Progress);
      else if (ev.event === 'result') {
        void reader.cancel().catch(() => {});
        return (data.summary ?? data) as Summary;
      } else if (ev.event === 'error') {
        void reader.cancel().catch(() => {});
        const errors: ApiIssue[] = Array.isArray(data.errors) ? data.errors : [{ path: null, rule: 'run failed', message: data.message ?? 'The run failed' }];
        throw new ApiError(500, errors);
      }
    }
  }
  throw new ApiError(0, [{ path: null, rule: 'stream ended', message: 'The stream ended before a result' }]);
}

/** The API calls the playground makes, as one object so tests can substitute it. */
export const api = {
  presets: () => requestJson<PresetInfo[] | { presets: PresetInfo[] }>('GET', '/api/presets').then((r) => (Array.isArray(r) ? r : r.presets)),
  preset: (id: string) => requestJson<Record<string, unknown>>('GET', `/api/presets/${encodeURIComponent(id)}`),
  simulate: (req: RunRequest, signal?: AbortSignal) => requestJson<Summary>('POST', '/api/simulate', req, signal),
  stream: streamSimulation,
  compare: (body: unknown, signal?: AbortSignal) => requestJson<CompareResult>('POST', '/api/compare', body, signal),
  sensitivity: (body: unknown, signal?: AbortSignal) => requestJson<SensitivityResult>('POST', '/api/sensitivity', body, signal),
  listScenarios: () => requestJson<StoredScenario[] | { scenarios: StoredScenario[] }>('GET', '/api/scenarios').then((r) => (Array.isArray(r) ? r : r.scenarios)),
  getScenario: (id: string) => requestJson<Record<string, unknown>>('GET', `/api/scenarios/${encodeURIComponent(id)}`),
  saveScenario: (body: unknown) => requestJson<StoredScenario>('POST', '/api/scenarios', body),
  updateScenario: (id: string, body: unknown) => requestJson<StoredScenario>('PUT', `/api/scenarios/${encodeURIComponent(id)}`, body),
  deleteScenario: (id: string) => requestJson<void>('DELETE', `/api/scenarios/${encodeURIComponent(id)}`),
  scenarioRevisions: (id: string) => requestJson<{ revisions: SavedRevision[] }>('GET', `/api/scenarios/${encodeURIComponent(id)}/revisions`).then((r) => r.revisions),
  restoreRevision: (id: string, revision: number) => requestJson<StoredScenario>('POST', `/api/scenarios/${encodeURIComponent(id)}/revisions/${revision}/restore`),
};
export type Api = typeof api;
