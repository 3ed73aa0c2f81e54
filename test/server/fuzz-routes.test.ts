/**
 * Fuzz (issue 13): every route that takes a body, with deep nesting (JSON and YAML, at the top and
 * inside scenarios, comparisons, mappings), giant arrays, wrong content types and oversize bodies,
 * mixed with valid requests. No answer is a 5xx; every error answer has the documented shape
 * `{ errors: [ { path: null | string, rule, message } ] }` and no internal error text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, simulate, summarize, synthesize } from '../../engine/index.js';
import type { SalesimApp } from '../../server/app.js';
import { small, SMALL_YAML, testApp } from './helpers.js';

type Json = Record<string, any>;

const RUNS = Number(process.env.SALESIM_FUZZ_ROUTE_RUNS ?? 300);

let app: SalesimApp;
let savedId = '';
beforeAll(async () => {
  app = testApp();
  const res = await app.request('/api/scenarios', { method: 'POST', body: SMALL_YAML, headers: { 'content-type': 'application/yaml' } });
  savedId = ((await res.json()) as Json).id;
});
afterAll(async () => {
  await app.close();
});

/** A small CRM export the calibration can fit. */
const CSV = synthesize(
  { reps: { seats: 4, opportunitiesPerMonth: 4, winRate: { mean: 0.3, concentration: 10 }, dealSize: { median: 20000, sigma: 0.7 }, cycleMonths: 2 } },
  { months: 8, start: '2025-01', seed: 3 },
).opportunities;

/** A Summary as /api/simulate answers it: the body of /api/summary/csv. */
const SUMMARY = JSON.parse(JSON.stringify(summarize(parseScenario(small()), simulate(parseScenario(small()), { trials: 5, seed: 1 }), { seed: 1 })));

/** Routes and a valid body for each (JSON). */
const ROUTES: { method: string; path: () => string; valid: () => Json }[] = [
  { method: 'POST', path: () => '/api/simulate', valid: () => ({ scenario: small(), trials: 5 }) },
  { method: 'POST', path: () => '/api/simulate/stream', valid: () => ({ scenario: small(), trials: 5 }) },
  { method: 'POST', path: () => '/api/validate', valid: () => ({ scenario: small() }) },
  { method: 'POST', path: () => '/api/scenarios', valid: () => ({ scenario: small() }) },
  { method: 'PUT', path: () => `/api/scenarios/${savedId}`, valid: () => ({ scenario: small() }) },
  { method: 'DELETE', path: () => '/api/scenarios/none-such', valid: () => ({}) },
  { method: 'POST', path: () => '/api/compare', valid: () => ({ baseline: small(), variants: [{ name: 'v', patch: { reps: { winRate: 0.3 } } }], trials: 3 }) },
  { method: 'POST', path: () => '/api/compare/stream', valid: () => ({ baseline: small(), variants: [{ name: 'v', patch: { reps: { winRate: 0.3 } } }], trials: 3 }) },
  { method: 'POST', path: () => '/api/solve/stream', valid: () => ({ scenario: small(), trials: 3, vary: 'reps.seats', target: 'mean(revenue) >= 1000', min: 1, max: 4 }) },
  { method: 'POST', path: () => '/api/sensitivity', valid: () => ({ scenario: small(), trials: 2, params: [{ path: 'reps.winRate' }] }) },
  { method: 'POST', path: () => '/api/calibrate', valid: () => ({ csv: CSV }) },
  { method: 'POST', path: () => '/api/backtest', valid: () => ({ csv: CSV, scenario: small(), from: '2025-02', to: '2025-07', trials: 3 }) },
  { method: 'POST', path: () => '/api/forecast', valid: () => ({ opportunities: CSV, scenario: small({ hiring: { timeToFillMonths: 1 } }), asOf: '2025-05-31', plan: 100_000, trials: 3, actions: [{ name: 'hire 1', hire: { seats: 1 } }] }) },
  { method: 'POST', path: () => '/api/forecast/sample', valid: () => ({ scenario: small(), seed: 2 }) },
  { method: 'POST', path: () => '/api/summary/csv', valid: () => structuredClone(SUMMARY) },
];

const deepJson = (depth: number, kind: 'array' | 'object' | 'mixed') => {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    const arr = kind === 'array' || (kind === 'mixed' && i % 2 === 0);
    open += arr ? '[' : '{"k":';
    close = (arr ? ']' : '}') + close;
  }
  return open + '1' + close;
};
const deepYaml = (depth: number, kind: 'flow' | 'block' | 'seq') => {
  if (kind === 'flow') return '['.repeat(depth) + ']'.repeat(depth);
  if (kind === 'seq') return `\n  ${'- '.repeat(depth)}1`;
  let out = '';
  // indentation grows with the square of the depth: keep the body under the size limit
  for (let i = 0; i < Math.min(depth, 1000); i++) out += `\n${' '.repeat(i + 2)}k${i}:`;
  return out + ' 1';
};

/** Puts raw JSON text `inner` at `where` inside an otherwise valid body of the route. */
function placeJson(valid: Json, where: string, inner: string): string {
  const marker = '"__INNER__"';
  const body = structuredClone(valid);
  const keys = where.split('.');
  let cur: Json = body;
  for (const k of keys.slice(0, -1)) cur = cur[k] = cur[k] && typeof cur[k] === 'object' ? cur[k] : {};
  cur[keys.at(-1)!] = '__INNER__';
  return JSON.stringify(body).replace(marker, inner);
}

const PLACES = ['top', 'scenario', 'scenario.reps', 'scenario.reps.winRate', 'baseline', 'variants', 'mapping', 'params', 'scenario.territories', 'scenario.hiring.plan', 'scenario.enablement'];

interface Req {
  kind: string;
  route: number;
  text: string;
  type: string | null;
}

const route = fc.integer({ min: 0, max: ROUTES.length - 1 });

const validReq = route.map((r): Req => ({ kind: 'valid', route: r, text: JSON.stringify(ROUTES[r].valid()), type: 'application/json' }));

const deepReq = fc
  .tuple(route, fc.integer({ min: 65, max: 4000 }), fc.constantFrom('array', 'object', 'mixed') as fc.Arbitrary<'array' | 'object' | 'mixed'>, fc.constantFrom(...PLACES))
  .map(([r, depth, kind, where]): Req => ({ kind: 'deep', route: r, text: where === 'top' ? deepJson(depth, kind) : placeJson(ROUTES[r].valid(), where, deepJson(depth, kind)), type: 'application/json' }));

const deepYamlReq = fc
  .tuple(route, fc.integer({ min: 65, max: 3000 }), fc.constantFrom('flow', 'block', 'seq') as fc.Arbitrary<'flow' | 'block' | 'seq'>, fc.constantFrom('body', 'yaml', 'mapping'))
  .map(([r, depth, kind, where]): Req => {
    const doc = `name: deep\nreps:\n  winRate:${kind === 'flow' ? ' ' : ''}${deepYaml(depth, kind)}\n`;
    if (where === 'body') return { kind: 'deep', route: r, text: doc, type: 'application/yaml' };
    if (where === 'mapping') return { kind: 'deep', route: r, text: JSON.stringify({ ...ROUTES[r].valid(), mapping: `columns:${deepYaml(depth, kind === 'flow' ? 'seq' : kind)}\n` }), type: 'application/json' };
    return { kind: 'deep', route: r, text: JSON.stringify({ yaml: doc }), type: 'application/json' };
  });

const junk = fc.oneof(fc.integer(), fc.string({ maxLength: 3 }), fc.constant(null), fc.constant({}), fc.constant([]));
const giantReq = fc
  .tuple(route, fc.integer({ min: 1000, max: 60_000 }), junk, fc.constantFrom(...PLACES))
  .map(([r, n, item, where]): Req => {
    const arr = JSON.stringify(Array.from({ length: n }, () => item));
    return { kind: 'giant', route: r, text: where === 'top' ? arr : placeJson(ROUTES[r].valid(), where, arr), type: 'application/json' };
  });

const wrongTypeReq = fc
  .tuple(route, fc.constantFrom('text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=b', 'image/png', 'application/xml', 'text/html', null))
  .map(([r, type]): Req => ({ kind: 'type', route: r, text: JSON.stringify(ROUTES[r].valid()), type }));

const oversizeReq = fc
  .tuple(route, fc.integer({ min: 1, max: 64 * 1024 }), fc.boolean())
  .map(([r, extra, csvSized]): Req => {
    const size = (csvSized ? 10 * 1024 * 1024 : 1024 * 1024) + extra;
    const body = { ...ROUTES[r].valid(), pad: '' };
    const base = JSON.stringify(body);
    return { kind: 'oversize', route: r, text: base.replace('"pad":""', `"pad":"${'x'.repeat(Math.max(0, size - base.length))}"`), type: 'application/json' };
  });

const anyReq = fc.oneof(
  { weight: 3, arbitrary: validReq },
  { weight: 3, arbitrary: deepReq },
  { weight: 2, arbitrary: deepYamlReq },
  { weight: 2, arbitrary: giantReq },
  { weight: 2, arbitrary: wrongTypeReq },
  { weight: 1, arbitrary: oversizeReq },
);

const tally = new Map<string, number>();
const count = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);

async function check(req: Req): Promise<void> {
  const r = ROUTES[req.route];
  const path = r.path();
  const headers: Record<string, string> = req.type ? { 'content-type': req.type } : {};
  // without a content type, send bytes (a string body would get text/plain from fetch)
  const body = req.type ? req.text : new TextEncoder().encode(req.text);
  const res = await app.request(path, { method: r.method, body, headers });
  const text = await res.text(); // an SSE stream is read to its end
  count(`${res.status}`);
  count(`${req.kind} ${res.status}`);
  const what = `${r.method} ${path} ${req.kind} ${req.type} ${req.text.slice(0, 80)} -> ${res.status} ${text.slice(0, 200)}`;
  expect(res.status, what).toBeLessThan(500);
  expect(text, what).not.toMatch(/call stack|RangeError|TypeError|at .*\.(ts|js):\d+/);
  if (res.status >= 400) {
    const json = JSON.parse(text) as Json;
    expect(Array.isArray(json.errors) && json.errors.length > 0, what).toBe(true);
    for (const e of json.errors as Json[]) {
      expect(e.path === null || typeof e.path === 'string', what).toBe(true);
      expect(typeof e.rule, what).toBe('string');
      expect(typeof e.message, what).toBe('string');
    }
  }
  // what each kind must get
  const csvRoute = ['/api/calibrate', '/api/backtest'].includes(path);
  const bigBodyRoute = csvRoute || path === '/api/forecast' || path === '/api/summary/csv'; // CSV exports in JSON, a whole Summary: the CSV body limit
  const jsonOnly = csvRoute || path === '/api/summary/csv'; // a YAML body is not what they take
  if (req.kind === 'type') expect(res.status, what).toBe(415);
  if (req.kind === 'oversize' && !(bigBodyRoute && req.text.length <= 10 * 1024 * 1024)) expect(res.status, what).toBe(413);
  if (req.kind === 'deep') expect(res.status, what).toBe(r.method === 'DELETE' ? 404 : jsonOnly && req.type === 'application/yaml' ? 415 : 400);
  if (req.kind === 'valid') expect(res.status, what).toBe(r.method === 'DELETE' ? 404 : r.path().endsWith('scenarios') ? 201 : 200);
}

describe('fuzz over every route', () => {
  it(`${RUNS} requests: deep nesting, giant arrays, wrong content types, oversize bodies; no 5xx, every error in the documented shape`, async () => {
    await fc.assert(fc.asyncProperty(anyReq, check), { numRuns: RUNS, seed: 1313 });
    const byStatus = Object.fromEntries([...tally].filter(([k]) => /^\d+$/.test(k)).sort());
    const byKind = Object.fromEntries([...tally].filter(([k]) => !/^\d+$/.test(k)).sort());
    console.log(`fuzz over every route: ${RUNS} requests, by status ${JSON.stringify(byStatus)}; by kind ${JSON.stringify(byKind)}`);
    for (const s of [400, 413, 415]) expect(tally.get(`${s}`) ?? 0, `status ${s}`).toBeGreaterThan(RUNS / 50);
    expect((tally.get('200') ?? 0) + (tally.get('201') ?? 0)).toBeGreaterThan(RUNS / 50);
    expect([...tally.keys()].filter((k) => /^5\d\d$/.test(k))).toEqual([]);
  }, 300_000);
});
