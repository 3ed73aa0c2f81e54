/**
 * POST /api/forecast/sample with salesim synth's options (months, start, seed, prospects, resolveByAge,
 * quarterEndWin, arrivalDrift): the engine's history for them, described by the OpenAPI document; a bad
 * option is a 400 naming the field; a history over the row cap is refused before any row is made, naming
 * months with the most that fit. (CLI = API = static client, byte for byte: test/playground/static-client.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExport, synthesize } from '../../engine/index.js';
import type { SalesimApp } from '../../server/app.js';
import { ForecastSampleBodySchema, SampleExportSchema } from '../../server/api-schemas.js';
import { post, testApp } from './helpers.js';

type Json = Record<string, any>;

const SCENARIO = {
  name: 'sample test',
  horizonMonths: 12,
  reps: { seats: 6, opportunitiesPerMonth: 4, winRate: { mean: 0.3, concentration: 10 }, dealSize: { median: 20000, sigma: 0.7 }, cycleMonths: 2 },
  hiring: { timeToFillMonths: 2 },
  attrition: { annualRate: 0.2 },
};
const OPTIONS = { months: 18, start: '2024-07', seed: 3, prospects: 0.5, resolveByAge: [0.4, 0.35, 0.3, 0.2, 0.03, 0], quarterEndWin: 1.5, arrivalDrift: 0.05 };

let app: SalesimApp;
let capped: SalesimApp;
beforeAll(() => {
  app = testApp();
  capped = testApp({ limits: { maxSynthRows: 1000 } });
});
afterAll(async () => {
  await app.close();
  await capped.close();
});

async function errorsOf(res: Response): Promise<Json[]> {
  expect(res.status).toBe(400);
  const body = (await res.json()) as Json;
  for (const e of body.errors as Json[]) expect(e.message).not.toMatch(/at .*\.ts:\d+|TypeError|Cannot read/);
  return body.errors as Json[];
}

describe('POST /api/forecast/sample with options', () => {
  it("answers the engine's history for every option, its roster and as-of date; the body and answer are the document's", async () => {
    const body = { scenario: SCENARIO, ...OPTIONS };
    expect(ForecastSampleBodySchema.safeParse(body).success).toBe(true);
    const res = await post(app, '/api/forecast/sample', body);
    expect(res.status).toBe(200);
    const got = (await res.json()) as Json;
    expect(SampleExportSchema.strict().safeParse(got).success).toBe(true);
    const direct = synthesize(SCENARIO, { ...OPTIONS, roster: true });
    expect(got.opportunities).toBe(direct.opportunities);
    expect(got.roster).toBe(direct.roster);
    expect(got.asOf).toBe('2025-06-30'); // month 12 of 18 from 2024-07
    expect(got).toEqual(JSON.parse(JSON.stringify(sampleExport(SCENARIO, OPTIONS))));
    // months alone: a shorter history, still from the plan year's first month
    const short = (await (await post(app, '/api/forecast/sample', { scenario: SCENARIO, months: 4, seed: 2 })).json()) as Json;
    expect(short.opportunities).toBe(synthesize(SCENARIO, { months: 4, start: '2025-01', seed: 2 }).opportunities);
    expect(short.asOf).toBe('2025-02-28');
  });

  it('a bad option is a 400 naming the field, every field at once, before any work', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ months: 0 }, 'months', /^months: must be a whole number between 1 and 120$/],
      [{ months: 121 }, 'months', /between 1 and 120/],
      [{ months: '12' }, 'months', /whole number/],
      [{ start: '2024-13' }, 'start', /^start: must be a month YYYY-MM$/],
      [{ seed: -2 }, 'seed', /whole number between 0 and 4294967295/],
      [{ prospects: -1 }, 'prospects', /between 0 and 1000/],
      [{ resolveByAge: '0.3,0' }, 'resolveByAge', /list of 1 to 120 monthly probabilities/],
      [{ resolveByAge: [0.3, 1.2] }, 'resolveByAge[1]', /probability between 0 and 1/],
      [{ resolveByAge: [0, 0] }, 'resolveByAge', /must not be all 0/],
      [{ quarterEndWin: 0 }, 'quarterEndWin', /factor between 0 and 10/],
      [{ arrivalDrift: 2 }, 'arrivalDrift', /standard deviation between 0 and 1/],
      [{ drift: 0.1 }, 'drift', /is not a known field/],
    ];
    for (const [opts, path, message] of cases) {
      const errors = await errorsOf(await post(app, '/api/forecast/sample', { scenario: SCENARIO, ...opts }));
      expect(errors.map((e) => e.path), JSON.stringify(opts)).toEqual([path]);
      expect(errors[0].message).toMatch(message);
      // the document refuses what the route refuses (but the rules it cannot say: all-zero resolution)
      if (path !== 'resolveByAge' || !Array.isArray(opts.resolveByAge)) expect(ForecastSampleBodySchema.safeParse({ scenario: SCENARIO, ...opts }).success, JSON.stringify(opts)).toBe(false);
    }
    const all = await errorsOf(await post(app, '/api/forecast/sample', { scenario: { reps: { seats: -1 } }, months: 0, quarterEndWin: -1, seed: 1.5 }));
    expect(all.map((e) => e.path)).toEqual(['months', 'seed', 'quarterEndWin']);
  });

  it('a history over the row cap is refused before any row is made: months with the most that fit, then the rate', async () => {
    const errors = await errorsOf(await post(capped, '/api/forecast/sample', { scenario: SCENARIO, months: 120, seed: 1 }));
    expect(errors.map((e) => e.path)).toEqual(['months', 'reps.opportunitiesPerMonth']);
    expect(errors[0].message).toMatch(/^months: a synthetic history of about \d+ rows is over the limit of 1000 rows .*: at most \d+ months fit$/);
    const most = Number(/at most (\d+) months fit/.exec(errors[0].message)![1]);
    expect(most).toBeGreaterThan(12);
    expect((await post(capped, '/api/forecast/sample', { scenario: SCENARIO, months: most, seed: 1 })).status).toBe(200);
    expect((await errorsOf(await post(capped, '/api/forecast/sample', { scenario: SCENARIO, months: most + 1, seed: 1 })))[0].path).toBe('months');
    // prospects count: rows the history lists too
    expect((await errorsOf(await post(capped, '/api/forecast/sample', { scenario: SCENARIO, months: most, prospects: 50, seed: 1 })))[0].path).toBe('months');
  });

  it('the OpenAPI document describes the options and the answer', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as Json;
    const body = doc.components.schemas.ForecastSampleBody;
    expect(Object.keys(body.properties).sort()).toEqual(['arrivalDrift', 'months', 'prospects', 'quarterEndWin', 'resolveByAge', 'scenario', 'seed', 'start']);
    expect(body.properties.months).toMatchObject({ minimum: 1, maximum: 120 });
    expect(doc.paths['/api/forecast/sample'].post.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/SampleExport' });
  });
});
