/** Request id and duration for every request, one line each to the log (stderr by default). */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

/**
 * Sets `X-Request-Id` (kept from the client when it sends a sane one) and logs
 * `<iso time> <id> <method> <path> <status> <ms>ms` when the response is ready.
 * @example app.use('*', requestLog((line) => process.stderr.write(line + '\n')))
 */
export function requestLog(log: ((line: string) => void) | null): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const t0 = performance.now();
    const given = c.req.header('x-request-id');
    const id = given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    c.set('requestId', id);
    c.set('logLine', (text: string) => log?.(`${new Date().toISOString()} ${id} ${text}`));
    c.set('logError', (e: unknown) => {
      const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
      (log ?? (() => {}))(`${new Date().toISOString()} ${id} error ${detail}`);
    });
    await next();
    c.header('X-Request-Id', id);
    log?.(`${new Date().toISOString()} ${id} ${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - t0).toFixed(1)}ms`);
  };
}
