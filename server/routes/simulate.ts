/**
 * POST /api/simulate (a Summary, or with Accept: text/csv its CSV export as salesim run --csv prints it,
 * ?csv=monthly the monthly table), POST /api/summary/csv (a Summary's CSV from the Summary itself: the
 * playground's Export CSV) and POST /api/simulate/stream (Server-Sent Events: `progress` events
 * with a partial Summary at least every 10% of trials, then one `result`, or an `error` mid-run). A
 * precision-targeted run (`precision`, or the default precision of a request naming no trials) sends a
 * `progress` event per block instead: { done, total: the cap, precision: the report so far }.
 * Bad requests, the work budget and a full queue are answered before a stream starts.
 */
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { monthlyCsv, summaryCsv, zodIssues, type Summary } from '../../engine/index.js';
import { SummarySchema } from '../api-schemas.js';
import { errorResponseParts } from '../respond.js';
import { asObject, checkKnownKeys, parseRunRequest, readBody, scenarioFrom } from '../request.js';
import { ApiError, apiIssue, badRequest, fromInputIssues, type ApiIssue } from '../errors.js';
import type { Runner } from '../runner.js';
import type { AppEnv } from '../env.js';

/** The CSV asked for by `?csv=`: summary (every figure) or monthly (the monthly table); undefined when not given. */
function csvKind(v: string | undefined): 'summary' | 'monthly' | undefined {
  if (v === undefined) return undefined;
  if (v === 'summary' || v === 'monthly') return v;
  throw badRequest([apiIssue('csv', 'must be summary or monthly', `csv: must be summary (every figure of the Summary) or monthly (the monthly table) (got '${v.slice(0, 40)}')`)]);
}

/** The Summary's CSV as the answer. */
function csvAnswer(c: Context<AppEnv>, summary: Summary, kind: 'summary' | 'monthly'): Response {
  return c.body(kind === 'monthly' ? monthlyCsv(summary) : summaryCsv(summary), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
}

/**
 * @example app.route('/api', simulateRoutes(runner))
 */
export function simulateRoutes(runner: Runner): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.post('/simulate', async (c) => {
    // checked before the run: a bad ?csv is a 400, not a run thrown away
    const csv = csvKind(c.req.query('csv'));
    const req = parseRunRequest(await readBody(c));
    const summary = await runner.run(req, { signal: c.req.raw.signal });
    // Accept: text/csv (or ?csv=): the engine's CSV of the Summary, as salesim run --csv / --monthly-csv
    if (csv || /\btext\/csv\b/i.test(c.req.header('accept') ?? '')) return csvAnswer(c, summary, csv ?? 'summary');
    return c.json(summary);
  });

  // a Summary's CSV from the Summary itself (the playground's Export CSV): nothing is run, the engine writes it
  r.post('/summary/csv', async (c) => {
    const csv = csvKind(c.req.query('csv')) ?? 'summary';
    if (!/^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
      throw new ApiError(415, [apiIssue(null, 'unsupported media type', `send the Summary as application/json (got '${(c.req.header('content-type') ?? 'no content type').slice(0, 100)}')`)]);
    }
    const body = await readBody(c);
    const parsed = SummarySchema.safeParse(body);
    if (!parsed.success) throw badRequest(fromInputIssues(zodIssues(parsed.error.issues, [], body)).slice(0, 50));
    return csvAnswer(c, body as Summary, csv);
  });

  // check a scenario without running it (salesim validate): its resolved form, or a 400 naming every problem
  r.post('/validate', async (c) => {
    const body = asObject(await readBody(c));
    const errors: ApiIssue[] = [];
    checkKnownKeys(body, ['scenario', 'yaml'], errors);
    if (body.scenario !== undefined && body.yaml !== undefined) errors.push(apiIssue('yaml', 'cannot be given together with scenario'));
    const input = body.scenario === undefined && typeof body.yaml === 'string' ? scenarioFrom(body.yaml, 'yaml', errors) : scenarioFrom(body.scenario, 'scenario', errors);
    if (errors.length > 0 || !input) throw badRequest(errors);
    return c.json({ ok: true, scenario: input.scenario });
  });

  r.post('/simulate/stream', async (c) => {
    const req = parseRunRequest(await readBody(c));
    const clientGone = c.req.raw.signal;
    const admitted = await runner.admit(req, clientGone);
    const ctrl = new AbortController();
    const cancel = () => ctrl.abort(new Error('the client disconnected'));
    if (clientGone.aborted) cancel();
    else clientGone.addEventListener('abort', cancel, { once: true });
    c.header('Cache-Control', 'no-cache');
    c.header('X-Accel-Buffering', 'no');
    // streamSSE sets Connection: keep-alive; a client that asked to close gets its socket closed after the last event
    const closeAfter = /\bclose\b/i.test(c.req.header('connection') ?? '');
    const res = streamSSE(c, async (stream) => {
      stream.onAbort(cancel);
      const t0 = performance.now();
      let outcome = 'result';
      try {
        const summary = await admitted.execute({
          signal: ctrl.signal,
          onProgress: async (p) => {
            if (!stream.aborted) await stream.writeSSE({ event: 'progress', data: JSON.stringify(p) });
          },
        });
        if (!stream.aborted) await stream.writeSSE({ event: 'result', data: JSON.stringify(summary) });
      } catch (e) {
        if (ctrl.signal.aborted && !(e && (e as { status?: number }).status)) {
          outcome = 'cancelled (client gone)';
          return; // nobody to tell
        }
        const { status, body } = errorResponseParts(e, c.get('requestId'));
        outcome = `error ${status}`;
        if (status >= 500) c.get('logError')(e);
        if (!stream.aborted) await stream.writeSSE({ event: 'error', data: JSON.stringify({ status, ...body }) });
      } finally {
        c.get('logLine')(`stream end: ${outcome} after ${(performance.now() - t0).toFixed(1)}ms`);
        admitted.release();
        clientGone.removeEventListener('abort', cancel);
      }
    });
    if (closeAfter) res.headers.set('Connection', 'close');
    return res;
  });

  return r;
}
