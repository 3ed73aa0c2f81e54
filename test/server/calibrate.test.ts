/**
 * POST /api/calibrate and /api/backtest: the engine's calibrate() and backtest() results over HTTP,
 * 400 with row/column paths for malformed exports, 413 beyond the CSV body limit, never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backtest, calibrate, rollingBacktest, synthesize } from '../../engine/index.js';
import { MAX_CSV_BODY_BYTES } from '../../server/routes/calibrate.js';
import type { SalesimApp } from '../../server/app.js';
import { post, testApp } from './helpers.js';

type Json = Record<string, any>;

const TRUTH = {
  reps: { seats: 12, opportunitiesPerMonth: 4, winRate: { mean: 0.25, concentration: 10 }, dealSize: { median: 20000, sigma: 0.7 }, cycleMonths: 2, noDecisionRate: 0.2 },
};
const history = synthesize(TRUTH, { months: 18, start: '2025-01', seed: 7 });
const HEAD = 'Opportunity Owner,Created Date,Close Date,Stage,Amount';

let app: SalesimApp;
beforeAll(() => {
  app = testApp();
});
afterAll(async () => {
  await app.close();
});

const csvPost = (path: string, csv: string, query = '') =>
  Promise.resolve(app.request(path + query, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } }));

describe('POST /api/calibrate', () => {
  it("answers a CSV body with the engine's calibration (scenario, commented YAML, report)", async () => {
    const res = await csvPost('/api/calibrate', history.opportunities);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    const direct = calibrate(history.opportunities, { source: 'request body' });
    expect(body).toEqual(JSON.parse(JSON.stringify(direct)));
    const paths = (body.report.parameters as Json[]).map((p) => p.path);
    expect(paths).toContain('reps.winRate.mean');
    for (const p of body.report.parameters as Json[]) expect(typeof p.method).toBe('string');
    expect(body.yaml).toMatch(/winRate/);
    expect(body.report.rows.used).toBeGreaterThan(0);
  });

  it('takes JSON { csv, from, to } with the same options as the engine', async () => {
    const res = await post(app, '/api/calibrate', { csv: history.opportunities, from: '2025-04', to: '2026-03', name: 'fitted' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    const direct = calibrate(history.opportunities, { from: '2025-04', to: '2026-03', name: 'fitted', source: 'request body' });
    expect(body).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(body.report.window).toEqual({ from: '2025-04', to: '2026-03', months: 12 });
  });

  it('takes point and trend as calibrate --point and --trend do, in JSON and in the query; anything but a boolean is a 400 naming it', async () => {
    for (const opts of [{ point: true }, { trend: true }, { point: true, trend: true }]) {
      const res = await post(app, '/api/calibrate', { csv: history.opportunities, ...opts });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { scenario: unknown };
      expect(body.scenario).toEqual(JSON.parse(JSON.stringify(calibrate(history.opportunities, { ...opts, source: 'request body' }).scenario)));
    }
    const pointed = (await (await csvPost('/api/calibrate', history.opportunities, '?point=true')).json()) as { scenario: { uncertainty?: unknown } };
    expect(pointed.scenario.uncertainty).toBeUndefined();
    const drawn = (await (await post(app, '/api/calibrate', { csv: history.opportunities })).json()) as { scenario: { uncertainty?: unknown } };
    expect(drawn.scenario.uncertainty).toBeDefined();
    for (const res of [await post(app, '/api/calibrate', { csv: history.opportunities, point: 'yes', trend: 1 }), await csvPost('/api/calibrate', history.opportunities, '?trend=maybe')]) {
      expect(res.status).toBe(400);
      const paths = ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
      expect(paths.some((p) => p === 'point' || p === 'trend')).toBe(true);
    }
  });

  it('fits attrition from a roster sent with the export', async () => {
    const h = synthesize({ ...TRUTH, attrition: { annualRate: 0.25 } }, { months: 18, start: '2025-01', seed: 9, roster: true });
    const res = await post(app, '/api/calibrate', { csv: h.opportunities, roster: h.roster });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body).toEqual(JSON.parse(JSON.stringify(calibrate(h.opportunities, { roster: h.roster, source: 'request body' }))));
    expect((body.report.parameters as Json[]).map((p) => p.path)).toContain('attrition.annualRate');
  });

  it('excludes pre-pipeline rows (no created date, stage Prospecting) with a warning and counts them, in both routes', async () => {
    const h = synthesize(TRUTH, { months: 18, start: '2025-01', seed: 7, prospects: 0.5 });
    const res = await csvPost('/api/calibrate', h.opportunities);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.report.rows.prePipeline).toBe(12 * 18 * 0.5);
    expect(body.report.warnings.some((w: string) => /pre-pipeline stage \(Prospecting\)/.test(w))).toBe(true);
    const bt = await post(app, '/api/backtest', { csv: h.opportunities, scenario: TRUTH, from: '2025-01', to: '2025-06', trials: 50, seed: 1 });
    expect(bt.status).toBe(200);
    expect(((await bt.json()) as Json).warnings[0]).toMatch(/pre-pipeline/);
    const stray = await csvPost('/api/calibrate', `${HEAD}\nAda,2025-01-03,2025-02-10,Closed Won,1000\nBo,,,Negotiation,900\n`);
    expect(stray.status).toBe(400);
    expect((((await stray.json()) as Json).errors as Json[]).map((e) => e.path)).toEqual(['rows[3].Created Date']);
  });

  it.each([
    ['an unparseable date', `${HEAD}\nAda,2025-01-03,2025-02-10,Closed Won,1000\nBo,2025-13-45,2025-02-10,Closed Won,900\n`, 'rows[3].Created Date'],
    ['an unparseable amount', `${HEAD}\nAda,2025-01-03,2025-02-10,Closed Won,1000\nBo,2025-01-05,2025-02-10,Closed Won,lots\n`, 'rows[3].Amount'],
    ['a negative amount', `${HEAD}\nAda,2025-01-03,2025-02-10,Closed Won,-1000\nBo,2025-01-05,2025-02-10,Closed Won,900\n`, 'rows[2].Amount'],
    ['a missing column', 'Opportunity Owner,Created Date,Close Date,Stage\nAda,2025-01-03,2025-02-10,Closed Won\n', 'columns.Amount'],
  ])('answers %s with 400 naming the row and column', async (_what, csv, path) => {
    for (const res of [await csvPost('/api/calibrate', csv), await post(app, '/api/calibrate', { csv })]) {
      expect(res.status).toBe(400);
      const errors = ((await res.json()) as Json).errors as Json[];
      expect(errors.map((e) => e.path)).toContain(path);
      for (const e of errors) expect(typeof e.message).toBe('string');
    }
  });

  it('answers no closed deals, an empty body and bad fields with 400, an unknown media type with 415', async () => {
    const open = await csvPost('/api/calibrate', `${HEAD}\nAda,2025-01-03,,Prospecting,1000\n`);
    expect(open.status).toBe(400);
    expect(((await csvPost('/api/calibrate', '')).status)).toBe(400);
    const bad = await post(app, '/api/calibrate', { csv: 3, from: 'January', extra: true });
    expect(bad.status).toBe(400);
    const paths = (((await bad.json()) as Json).errors as Json[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['csv', 'extra']));
    const badFrom = await csvPost('/api/calibrate', history.opportunities, '?from=January');
    expect(badFrom.status).toBe(400);
    expect((((await badFrom.json()) as Json).errors as Json[])[0].path).toBe('from');
    const media = await app.request('/api/calibrate', { method: 'POST', body: history.opportunities, headers: { 'content-type': 'image/png' } });
    expect(media.status).toBe(415);
  });

  it('accepts CSV bodies over the general 1 MiB limit and answers 413 beyond the CSV limit', async () => {
    expect(history.opportunities.length).toBeLessThan(app.limits.maxBodyBytes);
    // the same export padded with blank-owner-free repeats of its rows: over 1 MiB, under 10 MiB
    const [head, ...rows] = history.opportunities.trimEnd().split('\n');
    const big = [head, ...Array.from({ length: Math.ceil((1.5 * 1024 * 1024) / history.opportunities.length) }, () => rows).flat()].join('\n');
    expect(big.length).toBeGreaterThan(app.limits.maxBodyBytes);
    const ok = await csvPost('/api/calibrate', big);
    expect(ok.status).toBe(200);
    const tooBig = await csvPost('/api/calibrate', 'x'.repeat(MAX_CSV_BODY_BYTES + 1));
    expect(tooBig.status).toBe(413);
    expect((((await tooBig.json()) as Json).errors as Json[])[0].rule).toBe('body size limit');
    // other routes keep the general limit
    const sim = await post(app, '/api/simulate', { yaml: 'x'.repeat(app.limits.maxBodyBytes + 1) });
    expect(sim.status).toBe(413);
  });
});

describe('POST /api/backtest', () => {
  it("equals the engine's backtest for the same seed (trials on the pool)", async () => {
    const opts = { from: '2025-03', to: '2026-02', trials: 300, seed: 11 };
    const res = await post(app, '/api/backtest', { csv: history.opportunities, scenario: TRUTH, ...opts });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    const direct = backtest(history.opportunities, TRUTH, opts);
    expect(body).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(body.months).toHaveLength(12);
    expect(body.inside).toBe((body.months as Json[]).filter((m) => m.actual >= m.p10 && m.actual <= m.p90).length);
  });

  it('takes the scenario as { yaml } text, e.g. the one /api/calibrate wrote', async () => {
    const fit = (await (await csvPost('/api/calibrate', history.opportunities)).json()) as Json;
    const opts = { from: '2025-01', to: '2025-06', trials: 200, seed: 3 };
    const res = await post(app, '/api/backtest', { csv: history.opportunities, scenario: { yaml: fit.yaml }, ...opts });
    expect(res.status).toBe(200);
    const direct = backtest(history.opportunities, fit.yaml, opts);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it('answers bad bodies with 400 and paths', async () => {
    const missing = await post(app, '/api/backtest', { csv: history.opportunities });
    expect(missing.status).toBe(400);
    const paths = (((await missing.json()) as Json).errors as Json[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['from', 'to', 'scenario']));
    const badScenario = await post(app, '/api/backtest', { csv: history.opportunities, scenario: { reps: { winRat: 0.2 } }, from: '2025-01', to: '2025-03' });
    expect(badScenario.status).toBe(400);
    const badCsv = await post(app, '/api/backtest', { csv: `${HEAD}\nAda,2025-01-03,2025-02-10,Closed Won,abc\n`, scenario: TRUTH, from: '2025-01', to: '2025-03', trials: 10 });
    expect(badCsv.status).toBe(400);
    expect((((await badCsv.json()) as Json).errors as Json[]).map((e) => e.path)).toContain('rows[2].Amount');
    const reversed = await post(app, '/api/backtest', { csv: history.opportunities, scenario: TRUTH, from: '2025-06', to: '2025-01' });
    expect(reversed.status).toBe(400);
    const outside = await post(app, '/api/backtest', { csv: history.opportunities, scenario: TRUTH, from: '2030-01', to: '2030-03', trials: 10 });
    expect(outside.status).toBe(400);
    expect((((await outside.json()) as Json).errors as Json[])[0].path).toBe('from');
  });
});

describe('POST /api/backtest: invalidRows', () => {
  it("'skip' drops malformed rows, as salesim backtest --skip-invalid does, in both forms; another value is a 400", async () => {
    const csv = `${history.opportunities.trimEnd()}\nAda,2025-01-03,2025-02-10,Closed Won,abc\n`;
    const opts = { from: '2025-01', to: '2025-06', trials: 40, seed: 2 };
    expect((await post(app, '/api/backtest', { csv, scenario: TRUTH, ...opts })).status).toBe(400);
    const res = await post(app, '/api/backtest', { csv, scenario: TRUTH, ...opts, invalidRows: 'skip' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(backtest(csv, TRUTH, { ...opts, invalidRows: 'skip' }))));
    const roll = { asOf: ['2025-09-30'], horizon: 2, trials: 50, seed: 3 };
    expect((await post(app, '/api/backtest', { csv, ...roll })).status).toBe(400);
    const r = await post(app, '/api/backtest', { csv, ...roll, invalidRows: 'skip' });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual(JSON.parse(JSON.stringify(rollingBacktest(csv, { ...roll, invalidRows: 'skip' }))));
    const bad = await post(app, '/api/backtest', { csv, scenario: TRUTH, ...opts, invalidRows: 'drop' });
    expect(bad.status).toBe(400);
    expect((((await bad.json()) as Json).errors as Json[])[0].path).toBe('invalidRows');
  });
});

describe('fuzz', () => {
  // near-valid exports: real header, cells drawn from valid values, garbage and edge cases
  const cell = (valid: fc.Arbitrary<string>) => fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }, { weight: 1, arbitrary: fc.constantFrom('', '"', '""', ',', '-1', 'NaN', '1e309', '\n') });
  const date = fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10));
  const row = fc
    .tuple(cell(fc.constantFrom('Ada', 'Bo', 'Cy')), cell(date), cell(fc.oneof(date, fc.constant(''))), cell(fc.constantFrom('Closed Won', 'Closed Lost', 'No Decision', 'Prospecting')), cell(fc.integer({ min: 0, max: 90000 }).map(String)))
    .map((cells) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
  const csv = fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constant(HEAD) }, { weight: 1, arbitrary: fc.constantFrom(HEAD.toLowerCase(), 'Opportunity Owner,Created Date,Stage,Amount', '') }), fc.array(row, { maxLength: 40 })).map(([h, rows]) => [h, ...rows].join('\n'));

  it('near-valid exports, 900 bodies over the three forms (rows skipped when invalid): no 5xx, every 400 with errors', async () => {
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(csv, fc.constantFrom('csv', 'json', 'backtest'), async (text, how) => {
        const res =
          how === 'csv'
            ? await csvPost('/api/calibrate', text, '?invalidRows=skip')
            : how === 'json'
              ? await post(app, '/api/calibrate', { csv: text, invalidRows: 'skip' })
              : await post(app, '/api/backtest', { csv: text, scenario: TRUTH, from: '2024-03', to: '2024-08', trials: 5 });
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        expect([200, 400]).toContain(res.status);
        if (res.status === 400) {
          const errors = ((await res.json()) as Json).errors as Json[];
          expect(errors.length).toBeGreaterThan(0);
          for (const e of errors) expect(typeof e.message).toBe('string');
        }
      }),
      { numRuns: 900, seed: 8 },
    );
    process.stdout.write(`fuzz /api/calibrate, /api/backtest: statuses ${JSON.stringify(statuses)}\n`);
    expect(statuses[200] ?? 0).toBeGreaterThan(0);
    expect(statuses[400] ?? 0).toBeGreaterThan(0);
  }, 120_000);
});

describe('POST /api/backtest, rolling origin (asOf)', () => {
  it("answers { csv, asOf, horizon } with the engine's rolling back-test, and names bad fields", async () => {
    const body = { csv: history.opportunities, asOf: ['2025-09-30', '2025-12-31'], horizon: 2, trials: 100, seed: 4 };
    const res = await post(app, '/api/backtest', body);
    expect(res.status).toBe(200);
    const got = (await res.json()) as Json;
    const direct = rollingBacktest(history.opportunities, { asOf: body.asOf, horizon: 2, trials: 100, seed: 4, point: false, roster: null, mapping: null });
    expect(got).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(got.cuts).toHaveLength(2);
    const bad = await post(app, '/api/backtest', { csv: history.opportunities, asOf: ['2025-09-15'], trials: 100 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/asOf\[0\]/);
    const over = await post(app, '/api/backtest', { csv: history.opportunities, asOf: ['2025-09-30'], trials: 1_000_000 });
    expect(over.status).toBe(400);
    expect(JSON.stringify(await over.json())).toMatch(/trials/);
  });
});
