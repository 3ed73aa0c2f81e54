/** GET /api/health, /api/schema, /api/openapi.json, /api/presets, /api/presets/:id. */
import { Hono } from 'hono';
import { ENGINE_VERSION, scenarioJsonSchema } from '../../engine/index.js';
import { openApiDocument } from '../openapi.js';
import { loadPreset, presetIds } from '../presets.js';
import { notFound } from '../respond.js';
import type { AppEnv } from '../env.js';

/**
 * @example app.route('/api', metaRoutes({ presetsDir: 'scenarios' }))
 */
export function metaRoutes(opts: { presetsDir: string }): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const schema = scenarioJsonSchema();
  const openapi = openApiDocument({ version: ENGINE_VERSION, scenarioSchema: schema });
  r.get('/health', (c) => c.json({ ok: true, version: ENGINE_VERSION }));
  r.get('/schema', (c) => c.json(schema));
  r.get('/openapi.json', (c) => c.json(openapi));
  r.get('/presets', async (c) => {
    const ids = await presetIds(opts.presetsDir);
    const presets = await Promise.all(ids.map((id) => loadPreset(opts.presetsDir, id)));
    return c.json({ presets: presets.filter((p) => p !== null) });
  });
  r.get('/presets/:id', async (c) => {
    const p = await loadPreset(opts.presetsDir, c.req.param('id'));
    if (!p) throw notFound(`there is no preset '${c.req.param('id')}'`);
    return c.json(p);
  });
  return r;
}
