/**
 * One piece of work answered as server-sent events (POST /api/compare/stream, /api/solve/stream): the
 * client's disconnect aborts the work's signal; the work sends its own `progress` events and returns its
 * result, sent as one `result` event; a failure is one `error` event `{ status, errors }` (nothing is sent
 * once the client has gone).
 */
import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { errorResponseParts } from './respond.js';
import type { AppEnv } from './env.js';

/**
 * @example return streamWork(c, (stream, signal) => runner.call(work, (s) => task(s), signal));
 */
export function streamWork(c: Context<AppEnv>, run: (stream: SSEStreamingApi, signal: AbortSignal) => Promise<unknown>): Response {
  const clientGone = c.req.raw.signal;
  c.header('Cache-Control', 'no-cache');
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    const ctrl = new AbortController();
    const cancel = () => ctrl.abort(new Error('the client disconnected'));
    stream.onAbort(cancel);
    if (clientGone.aborted) cancel();
    else clientGone.addEventListener('abort', cancel, { once: true });
    try {
      const result = await run(stream, ctrl.signal);
      if (!stream.aborted) await stream.writeSSE({ event: 'result', data: JSON.stringify(result) });
    } catch (e) {
      if (ctrl.signal.aborted && !(e && (e as { status?: number }).status)) return; // nobody to tell
      const { status, body } = errorResponseParts(e, c.get('requestId'));
      if (status >= 500) c.get('logError')(e);
      if (!stream.aborted) await stream.writeSSE({ event: 'error', data: JSON.stringify({ status, ...body }) });
    } finally {
      clientGone.removeEventListener('abort', cancel);
    }
  });
}
