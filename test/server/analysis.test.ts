/**
 * POST /api/compare and /api/sensitivity: the same results as the engine's compare() and sensitivity()
 * run in-process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compare, parseScenario, parseText, scenarioIndices, sensitivity } from '../../engine/index.js';
import { SobolResultSchema } from '../../server/api-schemas.js';
import type { SalesimApp } from '../../server/app.js';
import { post, small, testApp } from './helpers.js';

type Json = Record<string, any>;

/** Drops run timings at any depth (meta, trialsPerSecond) so results compare on their numbers. */
function stripTimings(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripTimings);
  if (v && typeof v === 'object') {
    const out: Json = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'meta' && k !== 'trialsPerSecond') out[k] = stripTimings(x);
    return out;
  }
  return v;
}

let app: SalesimApp;
beforeAll(() => {
  app = testApp();
});
afterAll(async () => {
  await app.close();
});

const baseline = small({ reps: { seats: 8, opportunitiesPerMonth: 3, winRate: { mean: 0.25, concentration: 8 }, dealSize: 2000 }, horizonMonths: 9 });

describe('POST /api/compare', () => {
  it("gives the engine's comparison on common random numbers", async () => {
    const study = { trials: 120, seed: 4, compare: { baseline, variants: [{ name: 'more reps', patch: { reps: { seats: 10 } } }, { name: 'same', patch: {} }] } };
    const res = await post(app, '/api/compare', study);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    const b = parseScenario(baseline);
    const direct = compare(b, [{ name: 'more reps', scenario: parseScenario({ ...baseline, reps: { ...baseline.reps, seats: 10 } }) }, { name: 'same', scenario: b }], { trials: 120, seed: 4 });
    expect(stripTimings(body)).toEqual(stripTimings(JSON.parse(JSON.stringify(direct))));
    // a variant identical to the baseline differs by exactly 0 in every trial
    const same = body.variants[1];
    expect(same.difference.total.mean).toBe(0);
    expect(same.difference.total.sd).toBe(0);
    expect(body.variants[0].difference.total.mean).toBeGreaterThan(0);
  });

  it('answers a bad study with 400 and paths, and the work budget with 422', async () => {
    const bad = await post(app, '/api/compare', { compare: { baseline, variants: [{ name: 'x', patch: { reps: { winRat: 0.3 } } }] } });
    expect(bad.status).toBe(400);
    const errors = ((await bad.json()) as Json).errors as Json[];
    expect(errors.some((e) => String(e.path).includes('winRat'))).toBe(true);
    const big = await post(app, '/api/compare', { trials: 1_000_000, compare: { baseline: { ...baseline, reps: { ...baseline.reps, seats: 5000 } }, variants: [{ name: 'x', patch: {} }] } });
    expect(big.status).toBe(422);
  });
});

describe('POST /api/sensitivity', () => {
  it("gives the engine's tornado", async () => {
    const res = await post(app, '/api/sensitivity', { scenario: baseline, trials: 80, seed: 2 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    const direct = sensitivity(parseScenario(baseline), { trials: 80, seed: 2 });
    expect(stripTimings(body)).toEqual(stripTimings(JSON.parse(JSON.stringify(direct))));
    expect(body.parameters.length).toBeGreaterThan(0);
  });

  it('takes explicit parameters and rejects unknown paths with 400', async () => {
    const res = await post(app, '/api/sensitivity', { scenario: baseline, trials: 40, params: [{ path: 'reps.dealSize', low: 1000, high: 3000 }] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.parameters.map((p: Json) => p.path)).toEqual(['reps.dealSize']);
    // deal size scales revenue linearly: the swing of the mean is (3000 - 1000) / 2000 x the base mean
    expect(body.parameters[0].swing.mean).toBeCloseTo(body.base.mean, 6);
    const bad = await post(app, '/api/sensitivity', { scenario: baseline, params: [{ path: 'reps.nope' }], relative: 2 });
    expect(bad.status).toBe(400);
    const paths = (((await bad.json()) as Json).errors as Json[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['relative']));
  });
});

describe('POST /api/sensitivity with sobol (salesim sensitivity --sobol)', () => {
  // tiers and an enablement programme: the scenario uses registered assumptions
  const scenario = {
    horizonMonths: 6,
    reps: { seats: 6, opportunitiesPerMonth: 4, winRate: { tiers: [{ share: 0.2, mean: 0.4, concentration: 50 }, { share: 0.8, mean: 0.2, concentration: 50 }] }, dealSize: 10000 },
    enablement: [{ gapClosed: 0.25, cost: { perRepPerMonth: 1500 } }],
    seed: 4,
  };
  it("answers the engine's Sobol indices for the metric, draws and seed asked, described by the OpenAPI document", async () => {
    const res = await post(app, '/api/sensitivity', { scenario, sobol: { metric: 'margin', draws: 8 }, seed: 2 });
    expect(res.status).toBe(200);
    const got = (await res.json()) as Json;
    const direct = scenarioIndices(parseScenario(scenario), { metric: 'margin', n: 8, seed: 2 });
    expect(direct.assumptions.length).toBeGreaterThan(0);
    expect(got).toEqual(JSON.parse(JSON.stringify(direct)));
    const parsed = SobolResultSchema.safeParse(got);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
    // defaults: the scenario's seed, 256 draws, revenue without customers
    const d = (await (await post(app, '/api/sensitivity', { scenario: { ...scenario, horizonMonths: 3 }, sobol: true })).json()) as Json;
    expect([d.metric, d.n, d.seed]).toEqual(['revenue', 256, 4]);
  });
  it('names what does not go with it, and a metric the scenario cannot give', async () => {
    const bad = await post(app, '/api/sensitivity', { scenario, sobol: { draws: 4, extra: 1 }, trials: 10, params: [] });
    expect(bad.status).toBe(400);
    expect((((await bad.json()) as Json).errors as Json[]).map((e) => e.path).sort()).toEqual(['params', 'sobol.draws', 'sobol.extra', 'trials']);
    const plan = await post(app, '/api/sensitivity', { scenario, sobol: { metric: 'plan' } });
    expect(plan.status).toBe(400);
    expect((((await plan.json()) as Json).errors as Json[])[0].path).toBe('sobol.metric');
    // sobol: false is the tornado
    expect((await post(app, '/api/sensitivity', { scenario, sobol: false, trials: 20, params: [{ path: 'reps.opportunitiesPerMonth' }] })).status).toBe(200);
  });
});

describe('POST /api/compare with assumptions', () => {
  it("adds the engine's assumption analysis, and names a bad option", async () => {
    const withAttrition = { ...baseline, attrition: { annualRate: 0.2 } };
    const body = { trials: 60, seed: 2, compare: { baseline: withAttrition, variants: [{ name: 'more reps', patch: { reps: { seats: 10 } } }] }, assumptions: { draws: 16 } };
    const res = await post(app, '/api/compare', body);
    expect(res.status).toBe(200);
    const out = (await res.json()) as Json;
    const { compareAssumptions } = await import('../../engine/compareAssumptions.js');
    const b = parseScenario(withAttrition);
    const direct = compareAssumptions(b, [{ name: 'more reps', scenario: parseScenario({ ...withAttrition, reps: { ...withAttrition.reps, seats: 10 } }) }], { n: 16, seed: 2, breakEvenTrials: 60 });
    expect(out.assumptions).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(out.assumptions.assumptions.map((a: Json) => a.path)).toContain('attrition.pipelineLossOnExit');
    expect(out.assumptions.variants[0].variance.assumptions + out.assumptions.variants[0].variance.noise).toBeCloseTo(1, 12);
    for (const [opt, path] of [
      [{ metric: 'profit' }, 'assumptions.metric'],
      [{ draws: 3 }, 'assumptions.draws'],
      [{ bogus: 1 }, 'assumptions.bogus'],
      ['yes', 'assumptions'],
    ] as const) {
      const bad = await post(app, '/api/compare', { ...body, assumptions: opt });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as Json).errors[0].path).toBe(path);
    }
  }, 60000);
});

describe('a field given both as a number and as a distribution', () => {
  it('is a 400 naming the field (simulate and compare), not a silent choice of one; the resolved form (median in place) parses', async () => {
    const both = { ...baseline, reps: { ...baseline.reps, opportunitiesPerMonth: 3 }, uncertainty: { parameters: [{ path: 'reps.opportunitiesPerMonth', distribution: { uniform: [4, 6] } }] } };
    const sim = await post(app, '/api/simulate', { scenario: both, trials: 10 });
    expect(sim.status).toBe(400);
    const e = ((await sim.json()) as Json).errors as Json[];
    expect(e.map((x) => x.path)).toEqual(['reps.opportunitiesPerMonth']);
    expect(e[0].message).toMatch(/is given both as a fixed value \(3\) and as a distribution \(uncertainty\.parameters\[0\]\).*median is 5\)$/);
    const cmp = await post(app, '/api/compare', { baseline, variants: [{ name: 'both', scenario: both }], trials: 10 });
    expect(cmp.status).toBe(400);
    expect((((await cmp.json()) as Json).errors as Json[])[0].message).toMatch(/reps\.opportunitiesPerMonth: is given both as a fixed value/);
    // the resolved form (the median in place) is one form: it parses, to the same uncertain input
    const resolved = parseScenario({ ...both, reps: { ...both.reps, opportunitiesPerMonth: 5 } });
    expect(resolved.uncertainty?.parameters).toEqual([{ path: 'reps.opportunitiesPerMonth', distribution: { uniform: [4, 6] } }]);
   }, 180000);
});

describe('POST /api/compare, other body forms', () => {
  it('takes { baseline, variants, trials, seed } and reports paths from the body root', async () => {
    const res = await post(app, '/api/compare', { baseline, variants: [{ name: 'more reps', patch: { reps: { seats: 10 } } }], trials: 60, seed: 4 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.trials).toBe(60);
    expect(body.variants[0].name).toBe('more reps');
    const bad = await post(app, '/api/compare', { baseline, variants: [{ name: 'x', patch: { reps: { winRat: 0.3 } } }] });
    expect(bad.status).toBe(400);
    expect((((await bad.json()) as Json).errors as Json[]).map((e) => e.path)).toContain('variants[0].patch.reps.winRat');
  });

  it('runs the preset study, whose scenarios are preset files, and refuses files outside the presets', async () => {
    const text = readFileSync(resolve(import.meta.dirname, '../../scenarios/hiring-vs-enablement.study.yaml'), 'utf8');
    const study = parseText(text) as Json;
    const res = await post(app, '/api/compare', { ...study, trials: 40 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.variants.map((v: Json) => v.name)).toEqual(study.compare.variants.map((v: Json) => v.name));
    const baselineFile = resolve(import.meta.dirname, '../../scenarios', study.compare.baseline as string);
    expect(body.baseline.scenario.name).toBe(parseScenario(readFileSync(baselineFile, 'utf8')).name);
    const asYaml = await post(app, '/api/compare', { yaml: text.replace(/^trials: \d+$/m, 'trials: 40') });
    expect(asYaml.status).toBe(200);
    expect(stripTimings(await asYaml.json())).toEqual(stripTimings(body));
    for (const file of ['../package.json', '/etc/passwd', 'nope.yaml']) {
      const r = await post(app, '/api/compare', { trials: 10, compare: { baseline: file, variants: [{ name: 'x', patch: {} }] } });
      expect(r.status, file).toBe(400);
      expect(JSON.stringify(await r.json())).not.toContain('root:');
    }
  });
});
