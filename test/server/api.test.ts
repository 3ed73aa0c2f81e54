import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION, monthlyCsv, parseScenario, scenarioJsonSchema, simulate, summarize, summaryCsv, type Summary } from '../../engine/index.js';
import { createPool, type Pool } from '../../parallel/index.js';
import { openStore } from '../../server/store.js';
import type { SalesimApp } from '../../server/app.js';
import { post, readSse, small, SMALL_YAML, testApp, withoutMeta } from './helpers.js';

type Json = Record<string, any>;

let pool: Pool;
let app: SalesimApp;
let presetsDir: string;

beforeAll(() => {
  pool = createPool({ workers: 2 });
  presetsDir = mkdtempSync(join(tmpdir(), 'salesim-presets-'));
  writeFileSync(join(presetsDir, 'tiny.yaml'), `# Tiny team\n# Two lines of description\n\n${SMALL_YAML.replace(/^#.*\n/, '')}`);
  writeFileSync(join(presetsDir, 'broken.yaml'), '# Broken on purpose\nreps: { seats: -1 }\n');
  writeFileSync(join(presetsDir, 'notes.txt'), 'not a preset');
  app = testApp({ pool, presetsDir });
});
afterAll(async () => {
  await app.close();
  await pool.destroy();
});

/** Every error body lists problems with path, rule and message, and carries no stack trace. */
function expectErrorBody(body: Json, pathNull = false) {
  expect(Array.isArray(body.errors)).toBe(true);
  expect(body.errors.length).toBeGreaterThan(0);
  for (const e of body.errors) {
    expect(Object.keys(e)).toEqual(expect.arrayContaining(['path', 'rule', 'message']));
    expect(typeof e.rule).toBe('string');
    expect(typeof e.message).toBe('string');
    if (pathNull) expect(e.path).toBeNull();
  }
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |\.ts:\d+|\.js:\d+/);
}

describe('GET /api/health', () => {
  it('answers ok with the engine version, security headers, a request id and no CORS', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: ENGINE_VERSION });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const cors = await app.request('/api/health', { headers: { Origin: 'http://evil.example' } });
    expect(cors.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('adds CORS only for configured origins', async () => {
    const a = testApp({ pool, corsOrigins: ['http://localhost:5173'] });
    const res = await a.request('/api/health', { headers: { Origin: 'http://localhost:5173' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    await a.close();
  });

  it('keeps a sane client request id', async () => {
    const res = await app.request('/api/health', { headers: { 'X-Request-Id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
  });
});

describe('POST /api/simulate', () => {
  it("returns the engine's Summary for the same seed and trials", async () => {
    const res = await post(app, '/api/simulate', { scenario: small(), trials: 30, seed: 9 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    const scenario = { ...parseScenario(small()), trials: 30, seed: 9 };
    const expected = JSON.parse(JSON.stringify(summarize(scenario, simulate(scenario, { trials: 30, seed: 9 }), { seed: 9 })));
    expect(body.trials).toBe(30);
    expect(body.seed).toBe(9);
    expect(withoutMeta(body)).toEqual(withoutMeta(expected));
  });

  it("defaults trials and seed to the scenario's", async () => {
    const body = (await (await post(app, '/api/simulate', { scenario: small({ trials: 12, seed: 4 }) })).json()) as Json;
    expect(body.trials).toBe(12);
    expect(body.seed).toBe(4);
  });

  it('accepts YAML text as { scenario: { yaml } }, { yaml } and a YAML body, all alike', async () => {
    const a = (await (await post(app, '/api/simulate', { scenario: { yaml: SMALL_YAML } })).json()) as Json;
    const b = (await (await post(app, '/api/simulate', { yaml: SMALL_YAML })).json()) as Json;
    const c = (await (await post(app, '/api/simulate', SMALL_YAML, { 'content-type': 'application/yaml' })).json()) as Json;
    expect(a.scenario.name).toBe('small yaml');
    expect(withoutMeta(b)).toEqual(withoutMeta(a));
    expect(withoutMeta(c)).toEqual(withoutMeta(a));
  });

  it('is reproducible: the same request gives the same Summary', async () => {
    const req = { scenario: small(), trials: 25, seed: 3 };
    const a = (await (await post(app, '/api/simulate', req)).json()) as Json;
    const b = (await (await post(app, '/api/simulate', req)).json()) as Json;
    expect(withoutMeta(a)).toEqual(withoutMeta(b));
  });

  it('answers 400 with every problem and its path', async () => {
    const res = await post(app, '/api/simulate', {
      scenario: { reps: { seats: -1, opportunitiesPerMonth: 2, winRate: 1.5, dealSize: 100 }, horizonMonths: 0, bogus: 1 },
      trials: 0,
      seed: 'x',
      extra: true,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Json;
    expectErrorBody(body);
    const paths = body.errors.map((e: Json) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['trials', 'seed', 'extra', 'reps.seats', 'reps.winRate', 'horizonMonths', 'bogus']));
  });

  it.each([
    ['invalid JSON', '{"scenario": ', 'invalid JSON'],
    ['a JSON array', '[1,2]', 'must be a JSON object'],
    ['an empty body', '', 'body is required'],
    ['no scenario', '{}', 'is required'],
    ['a scenario of the wrong kind', '{"scenario": 5}', 'must be an object'],
  ])('answers 400 for %s', async (_what, body, rule) => {
    const res = await post(app, '/api/simulate', body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as Json;
    expectErrorBody(json);
    expect(json.errors.map((e: Json) => e.rule)).toContain(rule);
  });

  it('reports a YAML syntax error with line and column', async () => {
    const res = await post(app, '/api/simulate', { yaml: 'reps:\n  seats: [1, 2\n' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Json;
    expectErrorBody(body);
    expect(body.errors[0].line).toBeGreaterThanOrEqual(1);
  });

  it('answers 400 (not 500) for YAML the parser rejects with a plain error', async () => {
    for (const yaml of ['*a', 'reps: *missing']) {
      const res = await post(app, '/api/simulate', { yaml });
      expect(res.status).toBe(400);
      const body = (await res.json()) as Json;
      expectErrorBody(body, true);
      expect(body.errors[0].rule).toMatch(/alias/i); // the engine's own rule, with a line and column
    }
  });

  it('answers 413 over the body limit', async () => {
    const big = JSON.stringify({ scenario: small({ description: 'x'.repeat(1024 * 1024) }) });
    const res = await post(app, '/api/simulate', big);
    expect(res.status).toBe(413);
    const body = (await res.json()) as Json;
    expectErrorBody(body, true);
    expect(body.errors[0].message).toContain('1048576');
  });

  it('answers 422 naming the work budget', async () => {
    const res = await post(app, '/api/simulate', { scenario: small({ reps: { ...small().reps, seats: 100_000 }, horizonMonths: 120 }), trials: 1_000_000 });
    expect(res.status).toBe(422);
    const body = (await res.json()) as Json;
    expectErrorBody(body, false);
    expect(body.errors[0].rule).toBe('work budget');
    // the field that drives the cost and the largest value of it that fits
    expect(body.errors[0].path).toBe('trials');
    expect(body.errors[0].message).toMatch(/the largest value that fits is \d+/);
    expect(body.errors[0].message).toContain('maxWork');
  });

  it('answers 422 when a run exceeds the time limit', async () => {
    const a = testApp({ pool, limits: { runTimeoutMs: 30, maxWork: 1e12, maxMemoryBytes: 2 ** 40, maxTrialMonths: 1e9 } });
    const res = await post(a, '/api/simulate', { scenario: small({ reps: { ...small().reps, seats: 100 }, horizonMonths: 36 }), trials: 200_000 });
    expect(res.status).toBe(422);
    const body = (await res.json()) as Json;
    expectErrorBody(body, true);
    expect(body.errors[0].rule).toBe('time limit');
    // the shared pool is free again: a small run goes through (on an app without the tiny limit)
    expect((await post(app, '/api/simulate', { scenario: small() })).status).toBe(200);
    await a.close();
  });

  it('answers 429 with Retry-After when the queue is full', async () => {
    const a = testApp({ pool, limits: { maxConcurrentRuns: 1, maxQueuedRuns: 1, retryAfterSeconds: 7 } });
    const long = { scenario: small({ reps: { ...small().reps, seats: 50 }, horizonMonths: 24 }), trials: 20_000 };
    const ctrl = new AbortController();
    const first = a.request('/api/simulate', { method: 'POST', body: JSON.stringify(long), headers: { 'content-type': 'application/json' }, signal: ctrl.signal });
    const second = a.request('/api/simulate', { method: 'POST', body: JSON.stringify(long), headers: { 'content-type': 'application/json' }, signal: ctrl.signal });
    await new Promise((r) => setTimeout(r, 50));
    expect(a.runner.queue.running).toBe(1);
    expect(a.runner.queue.waiting).toBe(1);
    const third = await post(a, '/api/simulate', { scenario: small() });
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('7');
    expectErrorBody((await third.json()) as Json, true);
    ctrl.abort();
    await Promise.allSettled([first, second]);
    await a.close();
  });
});

describe('POST /api/validate (salesim validate)', () => {
  it('answers the resolved scenario without running it, and every problem with its path, in JSON or YAML', async () => {
    const ok = await post(app, '/api/validate', { scenario: small() });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as Json;
    expect(body.ok).toBe(true);
    expect(body.scenario).toEqual(JSON.parse(JSON.stringify(parseScenario(small()))));
    const yaml = await post(app, '/api/validate', SMALL_YAML, { 'content-type': 'application/yaml' });
    expect(yaml.status).toBe(200);
    expect(((await yaml.json()) as Json).scenario).toEqual(JSON.parse(JSON.stringify(parseScenario(SMALL_YAML))));
    const bad = await post(app, '/api/validate', { scenario: { reps: { seats: -1, winRate: 2 } } });
    expect(bad.status).toBe(400);
    const errors = ((await bad.json()) as Json).errors as Json[];
    expectErrorBody({ errors });
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['reps.seats', 'reps.winRate'])); // paths in the scenario, as /api/simulate names them
    expect((await post(app, '/api/validate', { scenario: small(), trials: 3 })).status).toBe(400);
  });
});

describe('POST /api/simulate with Accept: text/csv', () => {
  it("answers the Summary's CSV export salesim run --csv prints for the same run; ?csv=monthly the monthly table of --monthly-csv", async () => {
    const body = { scenario: { ...small(), customers: { annualChurn: 0.1, initial: { count: 20, arr: 10000 } } }, trials: 40, seed: 3 };
    const json = (await (await post(app, '/api/simulate', body)).json()) as Summary;
    const res = await post(app, '/api/simulate', body, { accept: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await res.text();
    expect(text).toBe(summaryCsv(json));
    expect(text.split('\n')[0]).toBe('metric,month,mean,sd,p5,p10,p25,p50,p75,p90,p95');
    expect(text).toContain('\ncustomers.arr.monthly,6,'); // a section's figures too
    const monthly = await post(app, '/api/simulate?csv=monthly', body, { accept: 'text/csv' });
    const table = await monthly.text();
    expect(table).toBe(monthlyCsv(json));
    expect(table.split('\n')[0]).toContain(',arr_mean,'); // a section's columns too
    expect(table.trim().split('\n')).toHaveLength(json.horizonMonths + 1);
    // errors stay JSON
    const bad = await post(app, '/api/simulate', { ...body, trials: 0 }, { accept: 'text/csv' });
    expect(bad.status).toBe(400);
    expectErrorBody((await bad.json()) as Json);
  });
});

describe('POST /api/simulate/stream', () => {
  it('streams partial Summaries at least every 10% of trials, then the result of /api/simulate', async () => {
    const req = { scenario: small({ reps: { ...small().reps, seats: 10 } }), trials: 400, seed: 21 };
    const res = await post(app, '/api/simulate/stream', req);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = await readSse(res);
    const progress = events.filter((e) => e.event === 'progress').map((e) => JSON.parse(e.data) as Json);
    const results = events.filter((e) => e.event === 'result');
    expect(results).toHaveLength(1);
    expect(events.at(-1)!.event).toBe('result');
    expect(events.some((e) => e.event === 'error')).toBe(false);
    let last = 0;
    for (const p of progress) {
      expect(p.total).toBe(400);
      expect(p.done - last).toBeLessThanOrEqual(40);
      expect(p.done).toBeGreaterThan(last);
      expect(p.summary.trials).toBe(p.done);
      last = p.done;
    }
    expect(400 - last).toBeLessThanOrEqual(40);
    // a partial Summary is the Summary of the first `done` trials with the same seed
    const mid = progress[Math.floor(progress.length / 2)];
    const direct = (await (await post(app, '/api/simulate', { ...req, trials: mid.done })).json()) as Json;
    const { scenario: _a, ...midRest } = withoutMeta(mid.summary);
    const { scenario: _b, ...directRest } = withoutMeta(direct);
    expect(midRest).toEqual(directRest);
    const plain = (await (await post(app, '/api/simulate', req)).json()) as Json;
    expect(withoutMeta(JSON.parse(results[0].data))).toEqual(withoutMeta(plain));
  });

  it('answers a bad request with a plain 400 before any stream', async () => {
    const res = await post(app, '/api/simulate/stream', { scenario: { reps: {} } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as Json;
    expectErrorBody(body);
    expect(body.errors.map((e: Json) => e.path)).toEqual(expect.arrayContaining(['reps.opportunitiesPerMonth', 'reps.winRate', 'reps.dealSize']));
  });

  it('answers the work budget with a plain 422', async () => {
    const res = await post(app, '/api/simulate/stream', { scenario: small({ reps: { ...small().reps, seats: 100_000 } }), trials: 1_000_000 });
    expect(res.status).toBe(422);
  });

  it('sends an error event when the run fails mid-stream', async () => {
    const a = testApp({ pool, limits: { runTimeoutMs: 40, maxWork: 1e12, maxMemoryBytes: 2 ** 40, maxTrialMonths: 1e9 } });
    const res = await post(a, '/api/simulate/stream', { scenario: small({ reps: { ...small().reps, seats: 100 }, horizonMonths: 36 }), trials: 200_000 });
    expect(res.status).toBe(200);
    const events = await readSse(res);
    expect(events.at(-1)!.event).toBe('error');
    expect(events.some((e) => e.event === 'result')).toBe(false);
    const err = JSON.parse(events.at(-1)!.data) as Json;
    expect(err.status).toBe(422);
    expectErrorBody(err, true);
    await a.close();
  });
});

describe('presets', () => {
  it('lists scenarios/*.yaml with source, parsed scenario and header comment', async () => {
    const res = await app.request('/api/presets');
    expect(res.status).toBe(200);
    const { presets } = (await res.json()) as Json;
    expect(presets.map((p: Json) => p.id)).toEqual(['broken', 'tiny']);
    const tiny = presets[1];
    expect(tiny.description).toBe('Tiny team\nTwo lines of description');
    expect(tiny.source).toContain('# four reps');
    expect(tiny.scenario.reps.seats).toBe(4);
    expect(tiny.name).toBe('small yaml');
    const broken = presets[0];
    expect(broken.scenario).toBeNull();
    expectErrorBody({ errors: broken.errors });
  });

  it('gets one preset by id, 404 JSON otherwise', async () => {
    const res = await app.request('/api/presets/tiny');
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).scenario.horizonMonths).toBe(6);
    for (const id of ['nope', '..%2F..%2Fpackage', 'notes']) {
      const r = await app.request(`/api/presets/${id}`);
      expect(r.status).toBe(404);
      expectErrorBody((await r.json()) as Json, true);
    }
  });

  it('serves the real presets folder of the repository', async () => {
    const a = testApp({ pool });
    const { presets } = (await (await a.request('/api/presets')).json()) as Json;
    for (const p of presets) {
      expect(p.errors).toBeUndefined();
      expect(typeof p.description).toBe('string');
    }
    await a.close();
  });
});

describe('scenarios store', () => {
  it('creates, reads, updates with revisions, lists and deletes; source text survives verbatim', async () => {
    const created = await post(app, '/api/scenarios', { yaml: SMALL_YAML });
    expect(created.status).toBe(201);
    const s = (await created.json()) as Json;
    expect(created.headers.get('location')).toBe(`/api/scenarios/${s.id}`);
    expect(s.revision).toBe(1);
    expect(s.source).toBe(SMALL_YAML);
    expect(s.format).toBe('yaml');
    expect(s.scenario.reps.seats).toBe(4);
    expect(s.name).toBe('small yaml');

    const got = (await (await app.request(`/api/scenarios/${s.id}`)).json()) as Json;
    expect(got).toEqual(s);

    const v2 = SMALL_YAML.replace('seats: 4              # four reps', 'seats: 6              # six reps now');
    const put = await app.request(`/api/scenarios/${s.id}`, { method: 'PUT', body: v2, headers: { 'content-type': 'text/yaml' } });
    expect(put.status).toBe(200);
    const u = (await put.json()) as Json;
    expect(u.revision).toBe(2);
    expect(u.source).toBe(v2);
    expect(u.scenario.reps.seats).toBe(6);
    expect(u.createdAt).toBe(s.createdAt);

    const put3 = await app.request(`/api/scenarios/${s.id}`, { method: 'PUT', body: JSON.stringify({ scenario: small({ name: 'renamed' }) }), headers: { 'content-type': 'application/json' } });
    expect(put3.status).toBe(200);
    const u3 = (await put3.json()) as Json;
    expect(u3.format).toBe('json');
    expect(u3.name).toBe('renamed');

    const revs = (await (await app.request(`/api/scenarios/${s.id}/revisions`)).json()) as Json;
    expect(revs.revisions.map((r: Json) => r.revision)).toEqual([1, 2, 3]);
    expect(revs.revisions[0].source).toBe(SMALL_YAML);
    expect(revs.revisions[1].source).toBe(v2);

    const list = (await (await app.request('/api/scenarios')).json()) as Json;
    const item = list.scenarios.find((x: Json) => x.id === s.id);
    expect(item).toMatchObject({ id: s.id, name: 'renamed', revision: 3 });
    expect(item.source).toBeUndefined();

    const del = await app.request(`/api/scenarios/${s.id}`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    for (const path of [`/api/scenarios/${s.id}`, `/api/scenarios/${s.id}/revisions`]) {
      const r = await app.request(path);
      expect(r.status).toBe(404);
      expectErrorBody((await r.json()) as Json, true);
    }
    expect((await app.request(`/api/scenarios/${s.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('rejects invalid scenarios with 400 and paths, and unknown ids with 404', async () => {
    const bad = await post(app, '/api/scenarios', { scenario: { reps: { seats: 2, opportunitiesPerMonth: -1, winRate: 0.2, dealSize: 1 } } });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as Json;
    expectErrorBody(body);
    expect(body.errors[0].path).toBe('reps.opportunitiesPerMonth');
    const both = await post(app, '/api/scenarios', { yaml: SMALL_YAML, scenario: small() });
    expect(both.status).toBe(400);
    const put = await app.request('/api/scenarios/does-not-exist', { method: 'PUT', body: JSON.stringify({ yaml: SMALL_YAML }), headers: { 'content-type': 'application/json' } });
    expect(put.status).toBe(404);
  });
});

describe('schema, OpenAPI, unknown routes, failures', () => {
  it("serves the engine's scenario JSON Schema", async () => {
    const res = await app.request('/api/schema');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it('describes every registered API route in OpenAPI 3.1', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as Json;
    expect(doc.openapi).toBe('3.1.0');
    const routes = app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL');
    expect(routes.length).toBeGreaterThanOrEqual(12);
    for (const r of routes) {
      const p = r.path.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[p], `${r.method} ${p}`).toBeDefined();
      expect(doc.paths[p][r.method.toLowerCase()], `${r.method} ${p}`).toBeDefined();
    }
    // and nothing in the document that the app does not serve
    for (const [p, ops] of Object.entries(doc.paths as Json)) {
      for (const m of Object.keys(ops as Json)) {
        expect(routes.some((r) => r.path.replace(/:(\w+)/g, '{$1}') === p && r.method.toLowerCase() === m), `${m} ${p}`).toBe(true);
      }
    }
  });

  it('answers unknown routes with 404 JSON', async () => {
    for (const path of ['/api/nope', '/nope', '/']) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expectErrorBody((await res.json()) as Json, true);
    }
    const wrongMethod = await app.request('/api/health', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(404);
  });

  it('never sends a stack trace, even when the server itself fails', async () => {
    const store = openStore(':memory:');
    const failing = {
      ...store,
      list() {
        throw new Error('disk on fire\n    at secret (/srv/app/store.ts:12:3)');
      },
    };
    const lines: string[] = [];
    const a = testApp({ pool, store: failing, log: (l) => lines.push(l) });
    const res = await a.request('/api/scenarios');
    expect(res.status).toBe(500);
    const body = (await res.json()) as Json;
    expectErrorBody(body, true);
    expect(JSON.stringify(body)).not.toContain('disk on fire');
    expect(body.errors[0].message).toContain(res.headers.get('x-request-id'));
    // the log has it, with the request id
    expect(lines.some((l) => l.includes('disk on fire') && l.includes(res.headers.get('x-request-id')!))).toBe(true);
    expect(lines.some((l) => / GET \/api\/scenarios 500 [\d.]+ms$/.test(l))).toBe(true);
    await a.close();
    store.close();
  });
});
