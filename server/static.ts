/** Serves the built playground (playground/dist): files as they are, index.html for app routes. */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './env.js';

/**
 * @example app.route('/', playgroundRoutes('playground/dist'))
 */
export function playgroundRoutes(dir: string): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const root = relative(process.cwd(), dir) || '.';
  r.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    return serveStatic({ root })(c, next);
  });
  // single-page app: any other GET that is not an API or a file path gets index.html
  r.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api' || /\.[a-z0-9]+$/i.test(c.req.path)) return next();
    return c.html(await readFile(join(dir, 'index.html'), 'utf8'));
  });
  return r;
}
