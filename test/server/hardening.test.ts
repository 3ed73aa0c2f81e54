/**
 * Issue 13: cross-site writes and DNS rebinding (415 / 403), depth limits (400 naming the limit, never
 * a stack overflow), a keep-alive client mixing oversize and normal requests (no normal request lost),
 * YAML errors on their real lines, type errors that say which type is wanted.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseText, validateScenario } from '../../engine/index.js';
import type { SalesimApp } from '../../server/app.js';
import { allowedHosts, hostName } from '../../server/guard.js';
import { listen, small, SMALL_YAML, testApp } from './helpers.js';

type Json = Record<string, any>;

/** Every error body has the documented shape; no internal error text. */
function expectErrorShape(status: number, body: Json, text: string): void {
  expect(Array.isArray(body.errors) && body.errors.length > 0, text).toBe(true);
  for (const e of body.errors as Json[]) {
    expect(e.path === null || typeof e.path === 'string', text).toBe(true);
    expect(typeof e.rule, text).toBe('string');
    expect(typeof e.message, text).toBe('string');
  }
  expect(text).not.toMatch(/call stack|RangeError|at .*\.ts:\d+/);
  expect(status).toBeLessThan(500);
}

let app: SalesimApp;
let base: string;
let port: number;
let stop: () => Promise<void>;

beforeAll(async () => {
  app = testApp();
  const s = await listen(app);
  base = s.url;
  port = Number(new URL(base).port);
  stop = s.close;
});
afterAll(async () => {
  await stop();
  await app.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One request over node:http (any Host header, keep-alive agent optional). */
function request(method: string, path: string, body: string | Buffer | null, headers: Record<string, string> = {}, agent?: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      { host: '127.0.0.1', port, method, path, agent: agent ?? false, headers: { ...(body !== null ? { 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(body ?? undefined);
  });
}

const scenarioJson = JSON.stringify({ scenario: small() });
const JSON_TYPE = { 'content-type': 'application/json' };

/** Every state-changing route with a body that is valid when sent as JSON. */
const WRITES: [string, string][] = [
  ['POST', '/api/simulate'],
  ['POST', '/api/simulate/stream'],
  ['POST', '/api/scenarios'],
  ['POST', '/api/compare'],
  ['POST', '/api/sensitivity'],
  ['POST', '/api/calibrate'],
  ['POST', '/api/backtest'],
];

describe('cross-site requests', () => {
  it('refuses text/plain, form and multipart bodies with 415 on every route, in the documented shape', async () => {
    const created = (await (await fetch(`${base}/api/scenarios`, { method: 'POST', body: scenarioJson, headers: JSON_TYPE })).json()) as Json;
    const routes: [string, string][] = [...WRITES, ['PUT', `/api/scenarios/${created.id}`]];
    for (const [method, path] of routes) {
      for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const res = await request(method, path, type.startsWith('application/x-www') ? 'scenario=x' : scenarioJson, { 'content-type': type });
        expect(res.status, `${method} ${path} ${type}`).toBe(415);
        const body = JSON.parse(res.text) as Json;
        expectErrorShape(res.status, body, res.text);
        expect(body.errors[0]).toMatchObject({ path: null, rule: 'unsupported media type' });
      }
    }
    // a body without any content type is refused too
    expect((await request('POST', '/api/scenarios', scenarioJson, {})).status).toBe(415);
    // nothing was stored by the refused writes
    const list = (await (await fetch(`${base}/api/scenarios`)).json()) as Json;
    expect(list.scenarios.map((s: Json) => s.id)).toEqual([created.id]);
    expect(((await (await fetch(`${base}/api/scenarios/${created.id}`)).json()) as Json).revision).toBe(1);
  });

  it('accepts JSON and YAML (and CSV on /api/calibrate only)', async () => {
    expect((await request('POST', '/api/simulate', scenarioJson, JSON_TYPE)).status).toBe(200);
    expect((await request('POST', '/api/simulate', scenarioJson, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
    expect((await request('POST', '/api/simulate', SMALL_YAML, { 'content-type': 'application/yaml' })).status).toBe(200);
    expect((await request('POST', '/api/simulate', 'a,b\n1,2\n', { 'content-type': 'text/csv' })).status).toBe(415);
    const csv = await request('POST', '/api/calibrate', 'Owner,Created\n', { 'content-type': 'text/csv' });
    expect(csv.status).toBe(400); // reached the route: a CSV it cannot use, not a media-type refusal
    expect(JSON.parse(csv.text).errors[0].rule).not.toBe('unsupported media type');
  });

  it('refuses a foreign Host with 403 on every route, reads included (DNS rebinding)', async () => {
    for (const [method, path, body] of [['GET', '/api/scenarios', null], ['GET', '/api/health', null], ['POST', '/api/simulate', scenarioJson]] as const) {
      for (const host of ['evil.example', `evil.example:${port}`, `rebind.attacker.test:${port}`, '10.0.0.5']) {
        const res = await request(method, path, body, { ...JSON_TYPE, host });
        expect(res.status, `${method} ${path} Host ${host}`).toBe(403);
        expectErrorShape(res.status, JSON.parse(res.text) as Json, res.text);
        expect(JSON.parse(res.text).errors[0].rule).toBe('host not allowed');
      }
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, 'localhost']) {
      expect((await request('GET', '/api/health', null, { host })).status, host).toBe(200);
    }
  });

  it('refuses a foreign Origin (or Sec-Fetch-Site: cross-site) with 403 on state-changing routes', async () => {
    for (const [method, path] of WRITES) {
      const foreign: Record<string, string>[] = [{ origin: 'http://evil.example' }, { origin: 'null' }, { origin: `http://localhost:${port + 1}` }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }];
      for (const headers of foreign) {
        const res = await request(method, path, scenarioJson, { ...JSON_TYPE, ...headers });
        expect(res.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(403);
        const body = JSON.parse(res.text) as Json;
        expectErrorShape(res.status, body, res.text);
        expect(body.errors[0].rule).toBe('cross-origin request');
      }
    }
    const created = (await (await fetch(`${base}/api/scenarios`, { method: 'POST', body: scenarioJson, headers: JSON_TYPE })).json()) as Json;
    expect((await request('DELETE', `/api/scenarios/${created.id}`, null, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await request('PUT', `/api/scenarios/${created.id}`, scenarioJson, { ...JSON_TYPE, origin: 'http://evil.example' })).status).toBe(403);
    // the server's own pages (the playground) and clients without an Origin (curl, the CLI) pass
    expect((await request('POST', '/api/simulate', scenarioJson, { ...JSON_TYPE, origin: base, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await request('POST', '/api/simulate', scenarioJson, { ...JSON_TYPE, origin: `http://localhost:${port}`, host: `localhost:${port}` })).status).toBe(200);
    expect((await request('POST', '/api/simulate', scenarioJson, { ...JSON_TYPE, 'sec-fetch-site': 'none' })).status).toBe(200);
    expect((await request('DELETE', `/api/scenarios/${created.id}`, null, { origin: base })).status).toBe(204);
    // reads are not refused for their origin (the browser keeps a foreign page from reading them)
    expect((await request('GET', '/api/health', null, { origin: 'http://evil.example' })).status).toBe(200);
  });

  it('lets SALESIM_CORS origins write, with CORS headers', async () => {
    const a = testApp({ pool: app.pool, corsOrigins: ['http://tool.example'] });
    try {
      const ok = await a.request('/api/simulate', { method: 'POST', body: scenarioJson, headers: { ...JSON_TYPE, origin: 'http://tool.example' } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('access-control-allow-origin')).toBe('http://tool.example');
      const other = await a.request('/api/simulate', { method: 'POST', body: scenarioJson, headers: { ...JSON_TYPE, origin: 'http://evil.example' } });
      expect(other.status).toBe(403);
    } finally {
      await a.close();
    }
  });

  it('allowed hosts: loopback names, the bound address, SALESIM_ALLOWED_HOSTS', () => {
    expect(hostName('[::1]:8787')).toBe('::1');
    expect(hostName('LocalHost:80')).toBe('localhost');
    expect(hostName('example.com.')).toBe('example.com');
    expect(allowedHosts('127.0.0.1', undefined)).toEqual(['localhost', '127.0.0.1', '::1']);
    expect(allowedHosts('0.0.0.0', 'salesim.internal, 10.0.0.5')).toEqual(['localhost', '127.0.0.1', '::1', 'salesim.internal', '10.0.0.5']);
    expect(allowedHosts('192.168.1.20', '')).toContain('192.168.1.20');
    expect(allowedHosts('127.0.0.1', '*')).toBe('*');
  });
});

describe('depth and size limits', () => {
  const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
  const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);

  it('answers a body nested 5,000 levels deep with a 400 naming the limit, on every route', async () => {
    const bodies = [
      deepArray(5000),
      `{"scenario":${deepObject(5000)}}`,
      `{"scenario":{"reps":{"seats":1,"opportunitiesPerMonth":1,"winRate":${deepArray(4000)},"dealSize":1}}}`,
      `{"baseline":${deepObject(4000)},"variants":[]}`,
      `{"csv":"a,b\\n","mapping":${deepObject(4000)}}`,
      `{"csv":"a,b\\n","scenario":{"reps":${deepObject(4000)}},"from":"2025-01","to":"2025-06"}`,
    ];
    for (const [method, path] of WRITES) {
      for (const text of bodies) {
        const res = await app.request(path, { method, body: text, headers: JSON_TYPE });
        const t = await res.text();
        expect(res.status, `${path} ${text.slice(0, 60)}`).toBe(400);
        const body = JSON.parse(t) as Json;
        expectErrorShape(res.status, body, t);
        expect(body.errors[0]).toMatchObject({ path: null, rule: 'depth limit' });
        expect(body.errors[0].message).toMatch(/64 levels/);
      }
    }
  });

  it('answers deep YAML (a body, a { yaml } field, a calibration mapping) with a 400 naming the limit and its line', async () => {
    let block = '';
    for (let i = 0; i < 100; i++) block += `${' '.repeat(i)}k${i}:\n`;
    for (const [path, text, type] of [
      ['/api/simulate', `reps: ${deepArray(5000)}\n`, 'application/yaml'],
      ['/api/scenarios', block, 'application/yaml'],
      ['/api/simulate', JSON.stringify({ yaml: `name: x\nreps:\n  winRate:\n    ${'- '.repeat(3000)}1\n` }), 'application/json'],
      ['/api/calibrate', JSON.stringify({ csv: 'a,b\n', mapping: `columns: ${deepArray(3000)}\n` }), 'application/json'],
      ['/api/compare', JSON.stringify({ yaml: `compare:\n  baseline: ${deepArray(3000)}\n` }), 'application/json'],
    ] as const) {
      const res = await app.request(path, { method: 'POST', body: text, headers: { 'content-type': type } });
      const t = await res.text();
      expect(res.status, `${path} ${text.slice(0, 40)}`).toBe(400);
      const body = JSON.parse(t) as Json;
      expectErrorShape(res.status, body, t);
      expect(body.errors[0].rule).toMatch(/depth limit/);
    }
    const e = (await (await app.request('/api/scenarios', { method: 'POST', body: block, headers: { 'content-type': 'application/yaml' } })).json()) as Json;
    expect(e.errors[0].line).toBe(65);
  });

  it('refuses YAML aliases nesting deeper than the limit, and objects nested deeper than it', () => {
    // the YAML library's alias budget stops a chain first; either way, a 400-style issue, no recursion
    let text = 'a0: &a0 [1]\n';
    for (let i = 1; i < 100; i++) text += `a${i}: &a${i} [*a${i - 1}]\n`;
    expect(() => parseText(text)).toThrow(/depth limit|Excessive alias count/);
    let deep: Json = {};
    const root = deep;
    for (let i = 0; i < 10_000; i++) deep = deep.a = {};
    const r = validateScenario(root);
    expect(!r.ok && r.errors[0].rule).toMatch(/depth limit/);
  });

  it('lists at most 100 problems for a giant array of bad items', async () => {
    const territories = Array.from({ length: 20_000 }, (_, i) => ({ name: `t${i}`, seats: -1 }));
    const res = await app.request('/api/simulate', { method: 'POST', body: JSON.stringify({ scenario: { ...small(), territories } }), headers: JSON_TYPE });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Json;
    expect(body.errors).toHaveLength(100);
    expect(body.errors[99]).toMatchObject({ path: null, rule: 'too many problems' });
  });
});

describe('keep-alive connections', () => {
  it('a keep-alive client mixing oversize and normal requests loses no normal request', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const oversize = JSON.stringify({ scenario: small({ description: 'y'.repeat(1024 * 1024 + 100) }) });
    const tally = { normalOk: 0, normalFailed: 0, oversize413: 0, oversizeOther: 0 };
    try {
      for (let i = 0; i < 60; i++) {
        const big = i % 3 === 1;
        const path = i % 2 === 0 ? '/api/simulate' : '/api/scenarios';
        try {
          const res = await request('POST', path, big ? oversize : scenarioJson, JSON_TYPE, agent);
          if (big) {
            tally[res.status === 413 ? 'oversize413' : 'oversizeOther']++;
            if (res.status === 413) expectErrorShape(res.status, JSON.parse(res.text) as Json, res.text);
          } else tally[res.status < 300 ? 'normalOk' : 'normalFailed']++;
        } catch {
          tally[big ? 'oversizeOther' : 'normalFailed']++;
        }
      }
      // a body far past the limit: refused and the connection closed, the next request on a new one
      const huge = Buffer.alloc(24 * 1024 * 1024, 0x20);
      const refused = await request('POST', '/api/scenarios', huge, JSON_TYPE, agent);
      expect(refused.status).toBe(413);
      expect(refused.headers.connection).toBe('close');
      expect((await request('POST', '/api/simulate', scenarioJson, JSON_TYPE, agent)).status).toBe(200);
    } finally {
      agent.destroy();
    }
    console.log(`keep-alive mixed load: ${JSON.stringify(tally)}`);
    expect(tally).toEqual({ normalOk: 40, normalFailed: 0, oversize413: 20, oversizeOther: 0 });
  });

  it('a chunked oversize upload (no Content-Length) gets 413 and the connection stays usable', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let round = 0; round < 3; round++) {
        const status = await new Promise<number>((resolve, reject) => {
          const r = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/scenarios', agent, headers: JSON_TYPE }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode!));
          });
          r.on('error', reject);
          r.write('{"yaml":"');
          for (let i = 0; i < 20; i++) r.write('z'.repeat(64 * 1024));
          r.end('"}');
        });
        expect(status).toBe(413);
        expect((await request('POST', '/api/simulate', scenarioJson, JSON_TYPE, agent)).status).toBe(200);
      }
    } finally {
      agent.destroy();
    }
  });
});

describe('error messages', () => {
  const yamlAt = (line: number, bad: string) => {
    const lines = ['name: t', 'horizonMonths: 6', 'trials: 20', 'seed: 1', 'reps:', '  seats: 4', '  opportunitiesPerMonth: 3', '  winRate: 0.25', '  dealSize: 1000', 'costs:', '  repAnnualCost: 1'];
    lines[line - 1] = bad;
    return lines.join('\n') + '\n';
  };

  it('YAML errors on lines 5, 7 and 10 report those lines, in the engine and over HTTP', async () => {
    const cases: [number, string][] = [
      [5, 'reps: { seats: 4'], // an unclosed brace
      [5, 'reps: [1, 2'], // an unclosed bracket
      [7, '  opportunitiesPerMonth: "3'], // an unclosed quote
      [10, '    costs:'], // over-indented
      [5, '      reps:'], // over-indented
      [7, '      opportunitiesPerMonth: 3'], // over-indented
      [10, 'costs: {repAnnualCost: 1]'], // a bracket that does not match
    ];
    for (const [line, bad] of cases) {
      const text = yamlAt(line, bad);
      let issues: Json[] = [];
      try {
        parseText(text);
      } catch (e) {
        issues = (e as { errors: Json[] }).errors;
      }
      expect(issues.length, bad).toBeGreaterThan(0);
      expect(issues[0].line, `${bad}: ${JSON.stringify(issues)}`).toBe(line);
      expect(issues[0].message).toMatch(new RegExp(`^line ${line}, column \\d+: `));
      const res = await app.request('/api/scenarios', { method: 'POST', body: text, headers: { 'content-type': 'application/yaml' } });
      expect(res.status).toBe(400);
      const body = (await res.json()) as Json;
      expect(body.errors[0].line, bad).toBe(line);
      expect(body.errors[0].path).toBeNull();
    }
    // a duplicate key: reported where the second one is
    const dup = yamlAt(11, '  repAnnualCost: 1\n  repAnnualCost: 2');
    expect(() => parseText(dup)).toThrow(/line 12, column 3: Map keys must be unique/);
  });

  it('type errors say which type is wanted', async () => {
    const r = validateScenario(`${SMALL_YAML}quota:\n  annualPerRep: 100000\n  rampAdjusted: yes\n`);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([{ path: 'quota.rampAdjusted', rule: 'must be true or false', message: 'quota.rampAdjusted: must be true or false' }]);
    const named = await app.request('/api/compare', {
      method: 'POST',
      body: JSON.stringify({ baseline: { ...small(), name: { first: 'x' } }, variants: [{ name: 'v', patch: {} }], trials: 2 }),
      headers: JSON_TYPE,
    });
    expect(named.status).toBe(400);
    expect(((await named.json()) as Json).errors).toEqual([{ path: 'baseline.name', rule: 'must be a string', message: 'baseline.name: must be a string' }]);
    const missing = validateScenario({ reps: { seats: 1, opportunitiesPerMonth: 1, winRate: 0.2 } });
    expect(!missing.ok && missing.errors[0]).toMatchObject({ path: 'reps.dealSize', rule: 'is required' });
  });
});
