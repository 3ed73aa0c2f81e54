/**
 * The HTTP API as a Hono app (`createApp(options)`); `server/main.ts` serves it with @hono/node-server.
 * Tests call `app.request(...)` on it directly.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { createPool, type Pool } from '../parallel/index.js';
import { ApiError } from './errors.js';
import { type AppEnv } from './env.js';
import { hostGuard, keepConnectionsClean, LOOPBACK_HOSTS, requestGuard } from './guard.js';
import { defaultLimits, type Limits } from './limits.js';
import { requestLog } from './log.js';
import { errorResponse } from './respond.js';
import { createRunner, type Runner } from './runner.js';
import { openStore, type Store } from './store.js';
import { analysisRoutes } from './routes/analysis.js';
import { compareStreamRoutes } from './routes/compareStream.js';
import { calibrateRoutes } from './routes/calibrate.js';
import { forecastRoutes } from './routes/forecast.js';
import { metaRoutes } from './routes/meta.js';
import { scenarioRoutes } from './routes/scenarios.js';
import { simulateRoutes } from './routes/simulate.js';
import { solveRoutes } from './routes/solve.js';
import { playgroundRoutes } from './static.js';

/** The repository root (one level above server/). */
export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface AppOptions {
  /** SQLite file of the scenario store; default `data/salesim.db`; `:memory:` for a throw-away store */
  dbPath?: string;
  /** an open store (overrides dbPath) */
  store?: Store;
  /** folder of preset YAML files; default `scenarios/` */
  presetsDir?: string;
  /** built playground to serve; default `playground/dist` when it exists; null = none */
  staticDir?: string | null;
  /** worker threads of a pool made for the app; default = cores */
  workers?: number;
  /** an existing pool (not destroyed by close) */
  pool?: Pool;
  limits?: Partial<Limits>;
  /** origins allowed by CORS (and to make state-changing requests); default none (no CORS headers) */
  corsOrigins?: string[];
  /** host names accepted in the Host header (403 otherwise); default the loopback names; '*' = any */
  allowedHosts?: string[] | '*';
  /** accept HTTP requests without a Host header (only for a non-loopback bind with an allow-list: guard.ts missingHostAllowed) */
  allowMissingHost?: boolean;
  /** request log: false = quiet, a function receives each line; default stderr */
  log?: boolean | ((line: string) => void);
}

export type SalesimApp = Hono<AppEnv> & {
  runner: Runner;
  store: Store;
  pool: Pool;
  limits: Limits;
  /** stops the pool (if the app made it) and closes the store (if the app opened it) */
  close(): Promise<void>;
};

/**
 * @example
 * const app = createApp({ dbPath: ':memory:', log: false });
 * const res = await app.request('/api/health'); // 200 { ok: true, version }
 * await app.close();
 */
export function createApp(opts: AppOptions = {}): SalesimApp {
  // simulations yield the CPU to the event loop: /api/health stays fast while they run
  const pool = opts.pool ?? createPool({ workers: opts.workers, niceIncrement: 10 });
  const limits: Limits = { ...defaultLimits(pool.maxThreads), ...opts.limits };
  const store = opts.store ?? openStore(opts.dbPath ?? join(ROOT, 'data', 'salesim.db'));
  const runner = createRunner(pool, limits);
  const presetsDir = opts.presetsDir ?? join(ROOT, 'scenarios');
  const staticDir = opts.staticDir === undefined ? join(ROOT, 'playground', 'dist') : opts.staticDir;
  const log = opts.log === false ? null : typeof opts.log === 'function' ? opts.log : (line: string) => process.stderr.write(line + '\n');

  const app = new Hono<AppEnv>();
  app.use('*', requestLog(log));
  app.use('*', keepConnectionsClean());
  app.use('*', secureHeaders());
  app.use('*', hostGuard(opts.allowedHosts ?? LOOPBACK_HOSTS, { allowMissing: opts.allowMissingHost }));
  if (opts.corsOrigins && opts.corsOrigins.length > 0) app.use('/api/*', cors({ origin: opts.corsOrigins }));
  // origin, content type and size of every state-changing request; the body is read here, once
  // CSV exports in, and a whole Summary in for its CSV out: their own size limit
  const bigBodyPaths = ['/api/calibrate', '/api/backtest', '/api/forecast', '/api/summary/csv'];
  app.use(
    '/api/*',
    requestGuard({
      corsOrigins: opts.corsOrigins ?? [],
      csvPaths: ['/api/calibrate'],
      maxBodyBytes: (path) => (bigBodyPaths.includes(path) ? limits.maxCsvBodyBytes : limits.maxBodyBytes),
      limitName: (path) => (bigBodyPaths.includes(path) ? 'maxCsvBodyBytes' : 'maxBodyBytes'),
    }),
  );
  app.route('/api', calibrateRoutes(runner, pool));
  app.route('/api', metaRoutes({ presetsDir }));
  app.route('/api', simulateRoutes(runner));
  app.route('/api', scenarioRoutes(store));
  app.route('/api', analysisRoutes(runner, pool, { presetsDir }));
  app.route('/api', compareStreamRoutes(runner, pool, { presetsDir }));
  app.route('/api', solveRoutes(runner, pool));
  app.route('/api', forecastRoutes(runner, pool, { presetsDir }));
  if (staticDir && existsSync(join(staticDir, 'index.html'))) app.route('/', playgroundRoutes(staticDir));

  app.notFound((c) => errorResponse(c, new ApiError(404, [{ path: null, rule: 'not found', message: `no route for ${c.req.method} ${c.req.path}` }])));
  app.onError((e, c) => {
    if (!(e instanceof ApiError)) {
      // client aborts are not server faults; everything else is logged with its stack, never sent
      if (!c.req.raw.signal.aborted) c.get('logError')?.(e);
    }
    return errorResponse(c, e);
  });

  return Object.assign(app, {
    runner,
    store,
    pool,
    limits,
    async close() {
      if (!opts.store) store.close();
      if (!opts.pool) await pool.destroy();
    },
  });
}
