/**
 * The scenario store over HTTP: GET|POST /api/scenarios, GET|PUT|DELETE /api/scenarios/:id,
 * GET /api/scenarios/:id/revisions, GET /api/scenarios/:id/revisions/:revision and
 * POST /api/scenarios/:id/revisions/:revision/restore (adds that revision again as the latest). Bodies: `{ yaml: "..." }` (source text kept verbatim),
 * `{ scenario: {...} }` (kept as pretty JSON), or raw YAML with a YAML content type.
 */
import { Hono } from 'hono';
import { badRequest } from '../errors.js';
import { asObject, checkKnownKeys, readBody, scenarioFrom, type ScenarioInput } from '../request.js';
import { notFound } from '../respond.js';
import type { Store } from '../store.js';
import type { AppEnv } from '../env.js';
import type { ApiIssue } from '../errors.js';

function scenarioBody(raw: unknown): ScenarioInput {
  const body = asObject(raw);
  const errors: ApiIssue[] = [];
  checkKnownKeys(body, ['scenario', 'yaml'], errors);
  let input: ScenarioInput | null = null;
  if (body.scenario !== undefined && body.yaml !== undefined) errors.push({ path: 'yaml', rule: 'cannot be given together with scenario', message: 'yaml: cannot be given together with scenario' });
  else if (body.yaml !== undefined) {
    if (typeof body.yaml !== 'string') errors.push({ path: 'yaml', rule: 'must be a string', message: 'yaml: must be a string of YAML or JSON text' });
    else input = scenarioFrom(body.yaml, 'yaml', errors);
  } else input = scenarioFrom(body.scenario, 'scenario', errors);
  if (errors.length > 0 || !input) throw badRequest(errors);
  return input;
}

const noScenario = (id: string) => notFound(`there is no scenario with id '${id}'`);
const noRevision = (id: string, rev: string) => notFound(`scenario '${id}' has no revision '${rev}'`);

/** A revision number from the path: a whole number from 1, else null. */
function revisionParam(v: string): number | null {
  return /^[1-9][0-9]{0,8}$/.test(v) ? Number(v) : null;
}

/**
 * @example app.route('/api', scenarioRoutes(store))
 */
export function scenarioRoutes(store: Store): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/scenarios', (c) => c.json({ scenarios: store.list() }));
  r.post('/scenarios', async (c) => {
    const saved = store.create(scenarioBody(await readBody(c)));
    return c.json(saved, 201, { Location: `/api/scenarios/${saved.id}` });
  });
  r.get('/scenarios/:id', (c) => {
    const s = store.get(c.req.param('id'));
    if (!s) throw noScenario(c.req.param('id'));
    return c.json(s);
  });
  r.put('/scenarios/:id', async (c) => {
    const id = c.req.param('id');
    if (!store.get(id)) throw noScenario(id);
    const input = scenarioBody(await readBody(c));
    const s = store.update(id, input);
    if (!s) throw noScenario(id);
    return c.json(s);
  });
  r.delete('/scenarios/:id', (c) => {
    if (!store.remove(c.req.param('id'))) throw noScenario(c.req.param('id'));
    return c.body(null, 204);
  });
  r.get('/scenarios/:id/revisions', (c) => {
    const revs = store.revisions(c.req.param('id'));
    if (!revs) throw noScenario(c.req.param('id'));
    return c.json({ id: c.req.param('id'), revisions: revs });
  });
  r.get('/scenarios/:id/revisions/:revision', (c) => {
    const { id, revision: rev } = c.req.param();
    const n = revisionParam(rev);
    const found = n === null ? null : store.revision(id, n);
    if (!found) throw store.get(id) ? noRevision(id, rev) : noScenario(id);
    return c.json({ id, ...found });
  });
  r.post('/scenarios/:id/revisions/:revision/restore', (c) => {
    const { id, revision: rev } = c.req.param();
    const n = revisionParam(rev);
    const restored = n === null ? null : store.restore(id, n);
    if (!restored) throw store.get(id) ? noRevision(id, rev) : noScenario(id);
    return c.json(restored);
  });
  return r;
}
