/**
 * The server entry: `node --import tsx server/main.ts` (npm start). Serves the API and the built
 * playground on http://127.0.0.1:8787 (PORT, HOST to change). Limits from the environment:
 * SALESIM_MAX_WORK, SALESIM_MAX_MEMORY_MB, SALESIM_MAX_TRIAL_MONTHS, SALESIM_MAX_QUEUE, SALESIM_RUN_TIMEOUT_MS, SALESIM_WORKERS;
 * SALESIM_DB for the store file, SALESIM_CORS for allowed origins (comma-separated),
 * SALESIM_ALLOWED_HOSTS for host names besides the loopback names and HOST (comma-separated; `*` = any).
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { allowedHosts, missingHostAllowed } from './guard.js';
import type { Limits } from './limits.js';
import { listenErrorMessage } from './listenError.js';
import { reportLoopStatsOnSignal } from './loopStats.js';
import { loadTrim } from './nativeTrim.js';
import { trimWhenIdle } from './trimWhenIdle.js';

const env = process.env;
const num = (name: string): number | undefined => {
  const v = env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) {
    process.stderr.write(`salesim server: ${name} must be a non-negative number (got '${v}')\n`);
    process.exit(2);
  }
  return n;
};

const limits: Partial<Limits> = {};
const set = <K extends keyof Limits>(k: K, v: number | undefined) => {
  if (v !== undefined) limits[k] = v;
};
set('maxWork', num('SALESIM_MAX_WORK'));
set('maxTrialMonths', num('SALESIM_MAX_TRIAL_MONTHS'));
const mem = num('SALESIM_MAX_MEMORY_MB');
set('maxMemoryBytes', mem === undefined ? undefined : mem * 2 ** 20);
set('maxQueuedRuns', num('SALESIM_MAX_QUEUE'));
set('runTimeoutMs', num('SALESIM_RUN_TIMEOUT_MS'));

const hostname = env.HOST || '127.0.0.1';
const port = num('PORT') ?? 8787;
if (!Number.isInteger(port) || port > 65535) {
  process.stderr.write(`salesim server: PORT must be a whole number from 0 to 65535 (got '${env.PORT}')\n`);
  process.exit(2);
}
const app = createApp({
  dbPath: env.SALESIM_DB || undefined,
  workers: num('SALESIM_WORKERS'),
  limits,
  corsOrigins: env.SALESIM_CORS ? env.SALESIM_CORS.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
  allowedHosts: allowedHosts(hostname, env.SALESIM_ALLOWED_HOSTS),
  allowMissingHost: missingHostAllowed(hostname, env.SALESIM_ALLOWED_HOSTS),
  log: env.SALESIM_QUIET ? false : undefined,
});

// memory a burst of requests freed goes back to the system once the server is quiet (server/trimWhenIdle.ts)
const trim = loadTrim();
const idle = trim ? trimWhenIdle({ trim, activity: () => app.pool.completed }) : null;
reportLoopStatsOnSignal(env, app.pool, idle ? () => idle.stats() : undefined);

const fetch: typeof app.fetch = (req, ...rest) => {
  // a health check is not work: a monitor polling it every second must not keep the server from trimming
  if (!req.url.endsWith('/api/health')) idle?.touch();
  return app.fetch(req, ...rest);
};
const server = serve({ fetch, port, hostname }, (info) => {
  process.stdout.write(`salesim server listening on http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${info.port}\n`);
});
// A busy port or a bad HOST: one line naming it and what to set, then exit 1, instead of a stack trace.
server.on('error', (err: NodeJS.ErrnoException) => {
  process.stderr.write(listenErrorMessage(err, hostname, port) + '\n');
  void app.close().finally(() => process.exit(1));
  setTimeout(() => process.exit(1), 3000).unref();
});

let closing = false;
const shutdown = (signal: string) => {
  if (closing) return;
  closing = true;
  process.stderr.write(`salesim server: ${signal}, shutting down\n`);
  server.close();
  void app.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
