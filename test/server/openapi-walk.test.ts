/**
 * The OpenAPI document cannot lag the product: real answers of every analysis route parse with the
 * strict zod schemas the document is generated from (a field the engine adds and the document does not
 * describe fails), and a walk of real Summaries (every block on: costs, leadership, coverage, customers,
 * demand, uncertain inputs, issue 27's people blocks) finds every field described in the served document.
 * The scenario is one schema (issue 30): every echo of it (a Summary's, a fitted, saved, preset or
 * validated one) is a `$ref` to components/schemas/Scenario, the engine's published schema, a walk of
 * the document fails on any schema that restates it, every `$ref` resolves, and real answers validate
 * against the document itself (test/helpers/jsonSchema.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { API_SCHEMAS, BacktestResultSchema, CalibrateBodySchema, CalibrateResultSchema, ForecastBodySchema, ForecastSampleBodySchema, RollingBacktestBodySchema, RollingResultSchema, CompareBodySchema, CompareResultSchema, SensitivityBodySchema, SensitivityResultSchema, SolveBodySchema, SolveResultSchema, SummarySchema } from '../../server/api-schemas.js';
import { testApp, post } from './helpers.js';
import { backtest, rollingBacktest, synthesize } from '../../engine/index.js';
import { leadExport } from '../helpers/leads.js';
import { resolvePointer, validateJson } from '../helpers/jsonSchema.js';
import { scenarioJsonSchema } from '../../engine/index.js';

type Json = Record<string, any>;
const app = testApp();
afterAll(() => app.close());
const preset = (id: string) => readFileSync(resolve(import.meta.dirname, '../../scenarios', `${id}.yaml`), 'utf8');

/** The presets and one uncertain scenario: between them every optional Summary section is present. */
const SOURCES: [string, string][] = [
  ['baseline', preset('baseline')],
  ['subscription', preset('subscription')],
  ['demand', preset('reps-marketing-nurture.nurture')],
  ['coverage', preset('coverage-policy.individual')],
  ['leadership', preset('leadership-churn.tenure-19')],
  ['enablement', preset('hiring-vs-enablement.enable')],
  [
    // every issue 27 block on: the managers preset with a cap, a SPIF and a retention raise, plus a coverage rule with the prospecting response, drift and growth limits
    'people',
    stringify({
      ...parse(preset('people-managers')),
      horizonMonths: 12,
      compensation: { ...parse(preset('people-managers')).compensation, cap: 2, spifs: [{ fromMonth: 2, toMonth: 4, rate: 0.02 }] },
      retention: { ...parse(preset('people-managers')).retention, raise: { amount: 0.1 } },
      coverage: { policy: 'global', multiple: 3, paddingQuality: 0.2 },
      sellingTime: { hoursPerMonth: 70, hoursPerOpportunity: 10, hoursPerPaddedOpportunity: 2, hoursPerOpenOpportunityPerMonth: 3 },
      coverageResponse: { prospectShare: 0.5, maxShareOfWorkHours: 0.5 },
      drift: { winRate: { change: -0.2, overMonths: 12 }, dealSize: { change: 0.1, overMonths: 6, walkSd: 0.02 }, noDecisionRate: { change: 0.1 } },
      scaling: { referenceSeats: 10, dragPerDoubling: 0.05, recruitingCapacity: 1 },
    }),
  ],
  [
    'uncertain',
    'name: uncertain\nhorizonMonths: 12\nreps:\n  seats: 6\n  winRate: { pert: [0.15, 0.25, 0.4] }\n  opportunitiesPerMonth: { lognormal: { median: 4, sigma: 0.2 } }\n  dealSize: 20000\nuncertainty:\n  correlations: [{ between: [reps.winRate, reps.opportunitiesPerMonth], rho: -0.5 }]\n',
  ],
];

/** Every leaf path of a JSON value: `a.b[].c` (array indices collapsed). */
function leafPaths(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return v.length === 0 ? [prefix] : [...new Set(v.flatMap((x) => leafPaths(x, `${prefix}[]`)))];
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    return keys.length === 0 ? [prefix] : keys.flatMap((k) => leafPaths((v as Json)[k], prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/** Whether the document's schema describes the value at `path` (following $ref, anyOf/oneOf, items, prefixItems). */
function described(doc: Json, schema: Json | undefined, path: string[]): boolean {
  if (!schema) return false;
  if (schema.$ref) return described(doc, doc.components.schemas[String(schema.$ref).split('/').pop()!], path);
  for (const k of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(schema[k])) return schema[k].some((s: Json) => described(doc, s, path));
  if (path.length === 0) return true;
  const [head, ...rest] = path;
  if (head === '[]') {
    if (schema.items) return described(doc, schema.items, rest);
    if (Array.isArray(schema.prefixItems)) return schema.prefixItems.some((s: Json) => described(doc, s, rest));
    return false;
  }
  if (schema.properties?.[head]) return described(doc, schema.properties[head], rest);
  // a map (cost breakdown by item, the echoed scenario): described by its value schema
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') return rest.length === 0 || Object.keys(schema.additionalProperties).length === 0 || described(doc, schema.additionalProperties, rest);
  return false;
}
const split = (p: string) => p.replaceAll('[]', '.[].').split('.').filter(Boolean);

describe('the OpenAPI document describes every field the API answers with', () => {
  it('Summary: every section and every field of real Summaries, strict', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as Json;
    const sections = new Set<string>();
    const undocumented = new Set<string>();
    for (const [name, yaml] of SOURCES) {
      const res = await post(app, '/api/simulate', { yaml, trials: 60, seed: 3 });
      expect(res.status, name).toBe(200);
      const summary = (await res.json()) as Json;
      const parsed = SummarySchema.safeParse(summary);
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${name}: ${i.path.join('.')}: ${i.message}`)).toEqual([]);
      for (const k of Object.keys(summary)) if (summary[k] !== null) sections.add(k);
      for (const p of leafPaths(summary)) if (!p.startsWith('scenario.') && !described(doc, doc.components.schemas.Summary, split(p))) undocumented.add(p);
    }
    expect([...undocumented]).toEqual([]);
    // the walk saw every optional section, so none of the checks above was vacuous
    for (const k of ['customers', 'demand', 'uncertainty', 'coverage', 'plan', 'roi', 'compensation', 'retention', 'coverageResponse', 'managers', 'scaling']) expect(sections, k).toContain(k);
    for (const k of ['customers', 'demand', 'uncertainty', 'compensation', 'retention', 'coverageResponse', 'managers', 'scaling']) expect(doc.components.schemas.Summary.properties[k], k).toBeDefined();
  });

  it('the walk notices a field the document does not describe', () => {
    const doc = { components: { schemas: { S: { type: 'object', properties: { a: { type: 'array', items: { type: 'object', properties: { b: { type: 'number' } } } } } } } } };
    expect(described(doc, doc.components.schemas.S, split('a[].b'))).toBe(true);
    expect(described(doc, doc.components.schemas.S, split('a[].c'))).toBe(false);
    expect(SummarySchema.safeParse({ extra: 1 }).success).toBe(false);
  });

  it('compare (given { yaml, trials, seed } as /api/simulate takes), sensitivity and solve answers parse strictly', async () => {
    const study = preset('reps-or-customer-success.study');
    const cmpBody = { yaml: study, trials: 40, seed: 5 };
    expect(CompareBodySchema.safeParse(cmpBody).success).toBe(true);
    const cmp = await post(app, '/api/compare', cmpBody);
    expect(cmp.status).toBe(200);
    const c = (await cmp.json()) as Json;
    expect([c.trials, c.seed]).toEqual([40, 5]);
    const cp = CompareResultSchema.safeParse(c);
    expect(cp.success ? [] : cp.error.issues.slice(0, 5)).toEqual([]);
    expect(c.variants[0].difference.arr).toBeDefined(); // the subscription form of the difference was checked too

    const sensBody = { yaml: preset('baseline'), trials: 30, seed: 2, params: [{ path: 'reps.opportunitiesPerMonth' }] };
    expect(SensitivityBodySchema.safeParse(sensBody).success).toBe(true);
    const sensRes = await post(app, '/api/sensitivity', sensBody);
    expect(sensRes.status).toBe(200);
    const sens = (await sensRes.json()) as Json;
    const sp = SensitivityResultSchema.safeParse(sens);
    expect(sp.success ? [] : sp.error.issues.slice(0, 5)).toEqual([]);

    const solveBody = { yaml: preset('baseline'), trials: 30, seed: 2, vary: 'reps.opportunitiesPerMonth', target: 'P(plan) >= 0.5', min: 1, max: 12 };
    expect(SolveBodySchema.safeParse(solveBody).success).toBe(true);
    const solve = await post(app, '/api/solve', solveBody);
    expect(solve.status).toBe(200);
    const so = SolveResultSchema.safeParse(await solve.json());
    expect(so.success ? [] : so.error.issues.slice(0, 5)).toEqual([]);
  });

  it("the engine's back-test answer parses strictly", () => {
    const s = parse(preset('baseline'));
    const { opportunities } = synthesize(s, { months: 12, start: '2025-01', seed: 4 });
    const r = backtest(opportunities, s, { from: '2025-01', to: '2025-06', trials: 30, seed: 1 });
    const bp = BacktestResultSchema.safeParse(JSON.parse(JSON.stringify(r)));
    expect(bp.success ? [] : bp.error.issues.slice(0, 5)).toEqual([]);
  });

  it('every JSON request body is typed: a zod-generated component, or an object whose fields are all described', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as Json;
    const untyped: string[] = [];
    const refs = new Set<string>();
    const check = (schema: Json, at: string): void => {
      if (schema.$ref) {
        const id = String(schema.$ref).split('/').pop()!;
        refs.add(id);
        if (!doc.components.schemas[id]) untyped.push(`${at}: $ref ${id} is not in the document`);
      } else if (schema.oneOf) schema.oneOf.forEach((x: Json, i: number) => check(x, `${at}.oneOf[${i}]`));
      else if (schema.type !== 'object' || !schema.properties || schema.additionalProperties !== false) untyped.push(at);
      else for (const [k, v] of Object.entries(schema.properties as Json)) if (!((v as Json).type || (v as Json).$ref || (v as Json).oneOf || (v as Json).enum)) untyped.push(`${at}.${k}`);
    };
    for (const [path, ops] of Object.entries(doc.paths as Json))
      for (const [method, op] of Object.entries(ops as Json)) {
        const body = (op as Json).requestBody?.content?.['application/json']?.schema;
        if (body) check(body, `${method} ${path}`);
      }
    expect(untyped).toEqual([]);
    // the analysis routes' bodies come from zod (API_SCHEMAS), the rolling back-test's asOf form included
    for (const id of ['CompareBody', 'SensitivityBody', 'SolveBody', 'BacktestBody', 'RollingBacktestBody', 'CalibrateBody', 'ForecastBody', 'ForecastSampleBody']) {
      expect(refs.has(id), id).toBe(true);
      expect(id in API_SCHEMAS, id).toBe(true);
    }
    expect(doc.components.schemas.RollingBacktestBody.properties.asOf.type).toBe('array');
    expect(doc.paths['/api/backtest'].post.responses['200'].content['application/json'].schema.oneOf.map((x: Json) => x.$ref)).toEqual(['#/components/schemas/BacktestResult', '#/components/schemas/RollingResult']);
    const check2 = { a: { type: 'object' } };
    untyped.length = 0;
    check(check2.a, 'x');
    expect(untyped).toEqual(['x']); // the walk notices an untyped body
  });

  it('the bodies the routes accept parse with their schemas, and fields the routes refuse are refused', async () => {
    const s = parse(preset('baseline'));
    const { opportunities } = synthesize(s, { months: 12, start: '2025-01', seed: 4 });
    const rolling = { csv: opportunities, asOf: ['2025-06-30', '2025-08-31'], horizon: 2, trials: 40, seed: 3 };
    expect(RollingBacktestBodySchema.safeParse(rolling).success).toBe(true);
    const res = await post(app, '/api/backtest', rolling);
    expect(res.status).toBe(200);
    const rp = RollingResultSchema.safeParse(await res.json());
    expect(rp.success ? [] : rp.error.issues.slice(0, 5)).toEqual([]);
    const direct = rollingBacktest(opportunities, { asOf: rolling.asOf, horizon: 2, trials: 40, seed: 3 });
    expect(RollingResultSchema.safeParse(JSON.parse(JSON.stringify(direct))).success).toBe(true);
    expect(RollingBacktestBodySchema.safeParse({ ...rolling, asOf: '2025-06-30' }).success).toBe(false);
    expect((await post(app, '/api/backtest', { ...rolling, asOf: '2025-06-30' })).status).toBe(400);
    expect(RollingBacktestBodySchema.safeParse({ ...rolling, extra: 1 }).success).toBe(false);
    expect((await post(app, '/api/backtest', { ...rolling, extra: 1 })).status).toBe(400);

    const cal = { csv: opportunities, from: '2025-01', to: '2025-12', asOf: '2025-12-31', horizonMonths: 12, invalidRows: 'skip', name: 'fit' };
    expect(CalibrateBodySchema.safeParse(cal).success).toBe(true);
    expect((await post(app, '/api/calibrate', cal)).status).toBe(200);
    expect(CalibrateBodySchema.safeParse({ ...cal, horizonMonths: 0 }).success).toBe(false);
    expect((await post(app, '/api/calibrate', { ...cal, horizonMonths: 0 })).status).toBe(400);

    const sample = { scenario: 'baseline', seed: 2 };
    expect(ForecastSampleBodySchema.safeParse(sample).success).toBe(true);
    const sm = (await (await post(app, '/api/forecast/sample', sample)).json()) as Json;
    const fc = { opportunities: sm.opportunities, roster: sm.roster, scenario: 'baseline', asOf: sm.asOf, trials: 40, seed: 1, actions: [{ name: 'two more', hire: { seats: 2 } }, { name: 'faster', patch: { reps: { opportunitiesPerMonth: 5 } } }] };
    expect(ForecastBodySchema.safeParse(fc).success).toBe(true);
    expect((await post(app, '/api/forecast', fc)).status).toBe(200);
    const fcRes = await post(app, '/api/forecast', { ...fc, point: true });
    expect(fcRes.status).toBe(200);
    expect(ForecastBodySchema.safeParse({ ...fc, point: true }).success).toBe(true);
    // every field of the forecast answer is described by the document's (hand-written) response schema
    const doc = (await (await app.request('/api/openapi.json')).json()) as Json;
    const fcSchema = doc.paths['/api/forecast'].post.responses['200'].content['application/json'].schema;
    expect(leafPaths(await fcRes.json()).filter((p) => !described(doc, fcSchema, split(p)))).toEqual([]);
    const badAction = { ...fc, actions: [{ name: 'x', hire: { seats: 2, where: 'a' } }] };
    expect(ForecastBodySchema.safeParse(badAction).success).toBe(false);
    expect((await post(app, '/api/forecast', badAction)).status).toBe(400);
  });

  it("compare's assumption analysis parses strictly (typed, not an untyped record)", async () => {
    // a programme's gapClosed against none: the enablement assumptions are varied (as test/playground/assumptions-view.test.ts)
    const reps = { seats: 6, opportunitiesPerMonth: 4, winRate: { tiers: [{ share: 0.2, mean: 0.4, concentration: 50 }, { share: 0.8, mean: 0.2, concentration: 50 }] }, dealSize: 10000 };
    const body = { baseline: { horizonMonths: 6, reps }, variants: [{ name: 'programme', patch: { enablement: [{ gapClosed: 0.25, cost: { perRepPerMonth: 1500 } }] } }], trials: 40, seed: 3, assumptions: { draws: 8, metric: 'margin' } };
    expect(CompareBodySchema.safeParse(body).success).toBe(true);
    const res = await post(app, '/api/compare', body);
    expect(res.status).toBe(200);
    const c = (await res.json()) as Json;
    expect(c.assumptions.assumptions.length).toBeGreaterThan(0);
    expect(c.assumptions.variants[0].indices.length).toBeGreaterThan(0);
    const cp = CompareResultSchema.safeParse(c);
    expect(cp.success ? [] : cp.error.issues.slice(0, 5)).toEqual([]);
    const doc = (await (await app.request('/api/openapi.json')).json()) as Json;
    // corners' values are keyed by field path (keys with dots): one key stands for all
    const undocumented = [...new Set(leafPaths(c.assumptions).map((p) => p.replace(/\.values\..*$/, '.values.path')))].filter((p) => !described(doc, doc.components.schemas.CompareResult.properties.assumptions, split(p)));
    expect(undocumented).toEqual([]);
    expect(CompareResultSchema.safeParse({ ...c, assumptions: { ...c.assumptions, extra: 1 } }).success).toBe(false);
    // no assumption in play: the analysis says so with nulls where its figures are undefined, and is still described
    const none = { baseline: { horizonMonths: 6, reps: { seats: 4, opportunitiesPerMonth: 3, winRate: { mean: 0.25, concentration: 20 }, dealSize: 10000 } }, variants: [{ name: 'more', patch: { reps: { seats: 6 } } }], trials: 30, seed: 1, assumptions: { draws: 8 } };
    const n = (await (await post(app, '/api/compare', none)).json()) as Json;
    expect(n.assumptions.assumptions).toEqual([]);
    const np = CompareResultSchema.safeParse(n);
    expect(np.success ? [] : np.error.issues.slice(0, 5)).toEqual([]);
  });

  it('the precision fields the analysis routes accept are in their bodies, their precision report in their answers, and the calibrate query lists point and trend', async () => {
    const yaml = preset('baseline');
    type Schema = { safeParse(v: unknown): { success: boolean; error?: { issues: unknown[] } } };
    const bodies: [string, Json, Schema, Schema][] = [
      ['/api/compare', { baseline: { horizonMonths: 6, reps: { seats: 3, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 1000 } }, variants: [{ name: 'v', patch: { reps: { seats: 4 } } }], precision: 'diff=2000', maxTrials: 400 }, CompareBodySchema, CompareResultSchema],
      ['/api/sensitivity', { yaml, precision: 'revenue=5%', maxTrials: 200, params: [{ path: 'reps.opportunitiesPerMonth' }] }, SensitivityBodySchema, SensitivityResultSchema],
      ['/api/solve', { yaml, precision: 'bracket', maxTrials: 500, vary: 'reps.opportunitiesPerMonth', target: 'P(plan) >= 0.5', min: 1, max: 8 }, SolveBodySchema, SolveResultSchema],
    ];
    for (const [path, body, schema, result] of bodies) {
      expect(schema.safeParse(body).success, path).toBe(true);
      expect(schema.safeParse({ ...body, maxTrials: 0 }).success, path).toBe(false);
      const res = await post(app, path, body);
      expect(res.status, path).toBe(200);
      // the answer carries the precision reached, and the document describes it
      const answer = (await res.json()) as Json;
      expect(answer.precision?.spec, path).toBe(body.precision);
      const parsed = result.safeParse(answer);
      expect(parsed.success ? [] : parsed.error!.issues.slice(0, 3), path).toEqual([]);
    }
    const doc = (await (await app.request('/api/openapi.json')).json()) as Json;
    const query = (doc.paths['/api/calibrate'].post.parameters as Json[]).map((p) => p.name);
    expect(query).toEqual(['from', 'to', 'asOf', 'name', 'invalidRows', 'point', 'trend']);
  });

  it("calibrate's answer parses strictly (the fit report and the lead-export fit are typed), long and short exports", async () => {
    const truth = { territories: [{ name: 'E', seats: 6 }, { name: 'W', seats: 6 }], reps: { opportunitiesPerMonth: 4, winRate: { mean: 0.3, concentration: 10 }, dealSize: { median: 20000, sigma: 0.7 }, cycleMonths: 2.5, noDecisionRate: 0.2 }, hiring: { backfill: true, timeToFillMonths: 1, ramp: { months: 3 } }, attrition: { annualRate: 0.2 } };
    const long = synthesize(truth, { months: 24, start: '2024-01', seed: 3, roster: true, prospects: 0.3 });
    const short = synthesize(truth, { months: 4, start: '2025-01', seed: 3 });
    const bodies = [
      { csv: `${long.opportunities.trimEnd()}\nAda,2025-01-03,2025-02-10,Closed Won,abc\n`, roster: long.roster, leads: leadExport(), asOf: '2025-10-31', trend: true, invalidRows: 'skip' },
      { csv: long.opportunities, point: true },
      { csv: short.opportunities },
    ];
    const doc = (await (await app.request('/api/openapi.json')).json()) as Json;
    const schema = doc.paths['/api/calibrate'].post.responses['200'].content['application/json'].schema;
    for (const [i, body] of bodies.entries()) {
      expect(CalibrateBodySchema.safeParse(body).success, `body ${i}`).toBe(true);
      const res = await post(app, '/api/calibrate', body);
      expect(res.status, `body ${i}`).toBe(200);
      const answer = (await res.json()) as Json;
      const parsed = CalibrateResultSchema.safeParse(answer);
      expect(parsed.success ? [] : parsed.error.issues.slice(0, 5).map((x) => `${i}: ${x.path.join('.')}: ${x.message}`)).toEqual([]);
      expect(leafPaths(answer).filter((p) => !p.startsWith('scenario.') && !described(doc, schema, split(p)))).toEqual([]);
      if (i === 0) expect([answer.demandReport?.leads, answer.report.rows.rejections.length, answer.report.asOf?.date]).toEqual([600, 1, '2025-10-31']);
    }
  });

  it('/api/compare names a bad trials or seed in the { yaml } form', async () => {
    const res = await post(app, '/api/compare', { yaml: preset('coverage-policy.study'), trials: 0 });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Json).errors[0].path).toBe('trials');
  });
});

/** The scenario echo rule, as a walk of the document (every node of paths and components, but the Scenario schema and its defs themselves). */
const SCENARIO_REF = '#/components/schemas/Scenario';
function scenarioEchoOffenders(doc: Json): string[] {
  const S = doc.components.schemas.Scenario as Json;
  const at = (ref: string): Json | undefined => resolvePointer(doc, ref) as Json | undefined;
  /** the property names an object schema describes (through $ref, anyOf / oneOf / allOf, items) */
  const props = (n: Json | undefined, seen = 0): string[] => {
    if (!n || typeof n !== 'object' || seen > 8) return [];
    if (n.$ref) return props(at(n.$ref), seen + 1);
    if (n.properties) return Object.keys(n.properties);
    for (const k of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(n[k])) return n[k].flatMap((b: Json) => props(b, seen + 1));
    return n.items ? props(n.items, seen + 1) : [];
  };
  const scenarioKeys = Object.keys(S.properties);
  /** a schema that restates the scenario: the reps block's own fields, or most of its blocks with their fields */
  const restates = (n: Json) => {
    const shared = Object.keys(n.properties).filter((k) => scenarioKeys.includes(k));
    const deep = shared.filter((k) => props(n.properties[k]).some((p) => props(S.properties[k]).includes(p)));
    const repsLike = 'reps' in n.properties && props(n.properties.reps).filter((p) => props(S.properties.reps).includes(p)).length >= 2;
    return repsLike || (shared.length >= scenarioKeys.length / 2 && deep.length >= shared.length / 2);
  };
  /** a scenario field's schema: the $ref, or a choice of it with source text, a name or null */
  const isEcho = (n: Json): boolean =>
    n.$ref === SCENARIO_REF ||
    ['anyOf', 'oneOf'].some((k) => Array.isArray(n[k]) && n[k].some(isEcho) && n[k].every((b: Json) => isEcho(b) || b.$ref === '#/components/schemas/SourceText' || b.type === 'string' || b.type === 'null'));
  const out: string[] = [];
  const walk = (n: unknown, path: string): void => {
    if (Array.isArray(n)) return n.forEach((x, i) => walk(x, `${path}[${i}]`));
    if (n === null || typeof n !== 'object') return;
    const o = n as Json;
    if (o.properties && typeof o.properties === 'object' && !Array.isArray(o.properties)) {
      if (restates(o)) out.push(`${path}: restates the scenario's fields instead of $ref Scenario`);
      if (o.properties.scenario && !isEcho(o.properties.scenario)) out.push(`${path}.properties.scenario: not a $ref to Scenario`);
    }
    // a loose object said to be (part of) a scenario (a merge patch on one is not an echo)
    if (o.type === 'object' && !o.properties && /scenario/i.test(String(o.description ?? '')) && !/patch/i.test(String(o.description))) out.push(`${path}: a loose object described as a scenario`);
    for (const [k, x] of Object.entries(o)) walk(x, `${path}.${k}`);
  };
  walk(doc.paths, 'paths');
  for (const [name, s] of Object.entries(doc.components.schemas as Json)) if (name !== 'Scenario' && !name.startsWith('Scenario')) walk(s, `components.schemas.${name}`);
  return out;
}

/** Every `$ref` of the document, with where it is. */
function refsOf(v: unknown, path = '', out: [string, string][] = []): [string, string][] {
  if (Array.isArray(v)) v.forEach((x, i) => refsOf(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === '$ref' && typeof x === 'string' ? out.push([path, x]) : refsOf(x, `${path}.${k}`, out);
  return out;
}

describe('the scenario is one schema in the OpenAPI document', () => {
  it('every echo of the scenario (Summary, fitted, saved, revision, preset, validated) is a $ref to the one input schema, and no schema restates it', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as Json;
    expect(scenarioEchoOffenders(doc)).toEqual([]);
    const s = doc.components.schemas;
    const echoes = [
      s.Summary.properties.scenario,
      s.CalibrateResult.properties.scenario,
      s.StoredScenario.properties.scenario,
      s.Revision.properties.scenario,
      s.Preset.properties.scenario.oneOf[0],
      doc.paths['/api/validate'].post.responses['200'].content['application/json'].schema.properties.scenario,
    ];
    for (const e of echoes) expect(e.$ref).toBe(SCENARIO_REF);
    // the comparison's Summaries and a variant's are the Summary, so they echo through it
    expect(s.CompareResult.properties.baseline.$ref).toBe('#/components/schemas/Summary');
    // distributions as a scenario writes them are the scenario schema's own definition
    expect(s.Summary.properties.uncertainty.properties.parameters.items.properties.distribution.$ref).toBe('#/components/schemas/ScenarioDistribution');
  });

  it('the walk notices an inline scenario, a loose scenario object and a partial copy of the reps block', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as Json;
    const S = doc.components.schemas.Scenario;
    const bad = structuredClone(doc);
    bad.components.schemas.StoredScenario.properties.scenario = { type: 'object', description: 'the resolved scenario' };
    bad.components.schemas.Summary.properties.scenario = { type: 'object', properties: structuredClone(S.properties) };
    bad.components.schemas.Extra = { type: 'object', properties: { horizonMonths: { type: 'integer' }, reps: { type: 'object', properties: { seats: S.properties.reps.properties.seats, winRate: S.properties.reps.properties.winRate } } } };
    expect(scenarioEchoOffenders(bad).sort()).toEqual(
      [
        "components.schemas.Summary.properties.scenario: restates the scenario's fields instead of $ref Scenario",
        'components.schemas.Summary.properties.scenario: not a $ref to Scenario',
        'components.schemas.StoredScenario.properties.scenario: not a $ref to Scenario',
        'components.schemas.StoredScenario.properties.scenario: a loose object described as a scenario',
        "components.schemas.Extra: restates the scenario's fields instead of $ref Scenario",
      ].sort(),
    );
  });

  it('the document validates: every $ref resolves in it, Scenario is the engine\'s published schema, and real answers and their echoes validate against it', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as Json;
    const refs = refsOf(doc);
    expect(refs.length).toBeGreaterThan(100);
    expect(refs.filter(([, r]) => resolvePointer(doc, r) === undefined)).toEqual([]);
    // the engine's schema embedded as it is served, its #/$defs/... refs would point at the document's root: the walk notices
    const { $schema: _s, $id: _i, ...asServed } = scenarioJsonSchema();
    const naive = { components: { schemas: { Scenario: asServed } } };
    expect(refsOf(naive).filter(([, r]) => resolvePointer(naive, r) === undefined).length).toBeGreaterThan(0);
    // Scenario and its defs are GET /api/schema's, references aside
    const served = (await (await app.request('/api/schema')).json()) as Json;
    const back = JSON.parse(JSON.stringify(doc.components.schemas.Scenario).replaceAll('"#/components/schemas/ScenarioDistribution"', '"#/$defs/distribution"'));
    const { $schema: _s2, $id: _i2, $defs, ...servedRest } = served;
    expect(back).toEqual(servedRest);
    expect(doc.components.schemas.ScenarioDistribution).toEqual($defs.distribution);

    const schemaOf = (path: string, method: string, status = '200') => doc.paths[path][method].responses[status].content['application/json'].schema;
    const errors: string[] = [];
    const check = (what: string, schema: Json, value: unknown) => errors.push(...validateJson(doc, value, schema).map((e) => `${what}: ${e}`));
    for (const [name, yaml] of SOURCES) check(`Summary ${name}`, schemaOf('/api/simulate', 'post'), await (await post(app, '/api/simulate', { yaml, trials: 40, seed: 3 })).json());
    const validated = (await (await post(app, '/api/validate', { yaml: preset('subscription') })).json()) as Json;
    check('validate', schemaOf('/api/validate', 'post'), validated);
    const saved = await post(app, '/api/scenarios', { yaml: preset('baseline') });
    expect(saved.status).toBe(201);
    const stored = (await saved.json()) as Json;
    check('stored scenario', doc.paths['/api/scenarios'].post.responses['201'].content['application/json'].schema, stored);
    const revisions = (await (await app.request(`/api/scenarios/${stored.id}/revisions`)).json()) as Json;
    check('revisions', schemaOf('/api/scenarios/{id}/revisions', 'get'), revisions);
    check('presets', schemaOf('/api/presets', 'get'), await (await app.request('/api/presets')).json());
    const study = await post(app, '/api/compare', { yaml: preset('reps-or-customer-success.study'), trials: 30, seed: 5 });
    check('compare', schemaOf('/api/compare', 'post'), await study.json());
    const { opportunities } = synthesize(parse(preset('baseline')), { months: 12, start: '2025-01', seed: 4 });
    check('calibrate', schemaOf('/api/calibrate', 'post'), await (await post(app, '/api/calibrate', { csv: opportunities })).json());
    expect(errors).toEqual([]);
    // and the check has teeth: a Summary whose echo is not a scenario fails
    const summary = (await (await post(app, '/api/simulate', { yaml: preset('baseline'), trials: 20, seed: 1 })).json()) as Json;
    const broken = validateJson(doc, { ...summary, scenario: { ...summary.scenario, reps: { ...summary.scenario.reps, winRat: 0.2 } } }, schemaOf('/api/simulate', 'post'));
    expect(broken.length).toBeGreaterThan(0);
    expect(broken.every((e) => e.startsWith('$.scenario.reps')), broken.join('; ')).toBe(true);
  }, 120_000);
});
