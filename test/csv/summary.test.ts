/**
 * The Summary's one CSV export (engine/summaryCsv.ts, issue 30): the same bytes from every interface
 * (`salesim run --csv`, POST /api/simulate with Accept: text/csv, the playground's Export CSV through the
 * server's POST /api/summary/csv and through the static build's engine worker), every figure of the
 * Summary in it (a walk of real Summaries with every block on), and a table any CSV reader takes
 * (one header, eleven fields a row, names with commas and quotes quoted).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { parseCsv, parseScenario, simulate, summarize, summaryCsv, SUMMARY_CSV_EXCLUDED, SUMMARY_CSV_EXCLUDED_LEAF, SUMMARY_CSV_HEADER, type Summary } from '../../engine/index.js';
import { runSummaryPrecise } from '../../parallel/precision.js';
import { createEnginePool } from '../../playground/src/client/pool.js';
import { createWorkerClient } from '../../playground/src/client/workers.js';
import { httpClient } from '../../playground/src/client/http.js';
import { fakeWorker } from '../playground/fake-worker.js';
import { engineSummary } from '../playground/fixtures.js';
import { post, readSse, testApp } from '../server/helpers.js';
import type { SalesimApp } from '../../server/app.js';

type Json = Record<string, any>;
const ROOT = resolve(import.meta.dirname, '../..');
const preset = (id: string) => readFileSync(join(ROOT, 'scenarios', `${id}.yaml`), 'utf8');

/** Territory names a CSV writer must quote (a comma, a quote) and one a spreadsheet would run. */
const NAMES = ['North, East', 'South "Coast"', '=West'];
/** One scenario with ARR, a plan, costs, uncertain inputs and those names. */
const SCENARIO = {
  name: 'Three, "quoted" territories',
  horizonMonths: 12,
  territories: NAMES.map((name, i) => ({ name, seats: 2 + i })),
  reps: { opportunitiesPerMonth: { lognormal: { median: 4, sigma: 0.2 } }, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 20000, sigma: 0.6 } },
  hiring: { plan: [{ month: 3, seats: 1 }], timeToFillMonths: 1, ramp: { months: 3 } },
  attrition: { annualRate: 0.2 },
  quota: { method: 'flat', annualPerRep: 400000 },
  costs: { repAnnualCost: 150000 },
  customers: { annualChurn: 0.1 },
};
const TRIALS = 300;
const SEED = 11;

/** Every figure of a Summary (numbers, and flags as 1 / 0) as its JSON carries them, but what the export leaves out on purpose. */
function figures(v: unknown, path = '', out: string[] = []): string[] {
  if (SUMMARY_CSV_EXCLUDED.includes(path) || SUMMARY_CSV_EXCLUDED_LEAF.test(path)) return out;
  if (typeof v === 'number') out.push(String(v));
  else if (typeof v === 'boolean') out.push(v ? '1' : '0');
  else if (Array.isArray(v)) v.forEach((x, i) => figures(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) figures(x, path ? `${path}.${k}` : k, out);
  return out;
}
/** The figures of an export: every cell after the metric and month columns that is not empty. */
const exported = (csv: string) => parseCsv(csv).records.flatMap((r) => r.fields.slice(2).filter((c) => c !== ''));
const sorted = (xs: string[]) => [...xs].sort();

describe('one CSV export from every interface', () => {
  let app: SalesimApp;
  const tmp = mkdtempSync(join(tmpdir(), 'salesim-csv-'));
  beforeAll(() => {
    app = testApp();
  });
  afterAll(() => app.close());

  it('salesim run --csv, Accept: text/csv, and Export CSV in the server and static builds give the same bytes for one scenario and seed', async () => {
    const file = join(tmp, 'three.yaml');
    writeFileSync(file, stringify(SCENARIO));
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'cli/index.ts', 'run', file, '--trials', String(TRIALS), '--seed', String(SEED), '--csv'], { cwd: ROOT, encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);

    const api = await post(app, '/api/simulate', { scenario: SCENARIO, trials: TRIALS, seed: SEED }, { accept: 'text/csv' });
    expect(api.status).toBe(200);
    expect(api.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const apiCsv = await api.text();

    // the playground's server build: the Summary from the stream it runs, its CSV from POST /api/summary/csv (the page's own HTTP client)
    const events = await readSse(await post(app, '/api/simulate/stream', { scenario: SCENARIO, trials: TRIALS, seed: SEED }));
    const streamed = JSON.parse(events.find((e) => e.event === 'result')!.data) as Summary;
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((url: string, init: RequestInit) => Promise.resolve(app.request(url, init))) as typeof fetch;
    let serverBuild: string;
    try {
      serverBuild = await httpClient.summaryCsv(streamed);
    } finally {
      globalThis.fetch = realFetch;
    }

    // the static build: the run and the CSV both in (stand-in) Web Workers
    const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), 2));
    const staticBuild = await client.summaryCsv(await client.stream({ scenario: SCENARIO, trials: TRIALS, seed: SEED }));

    expect(apiCsv).toBe(cli.stdout);
    expect(serverBuild).toBe(cli.stdout);
    expect(staticBuild).toBe(cli.stdout);
    // and it is the engine's export of that run, with what this scenario holds
    const lines = cli.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(SUMMARY_CSV_HEADER);
    expect(lines.filter((l) => l.startsWith('customers.arr.monthly,'))).toHaveLength(12);
    expect(lines.some((l) => l.startsWith('"territories[North, East].revenue",,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('uncertainty.contribution.r2,,'))).toBe(true);
  }, 120_000);

  it('POST /api/summary/csv: ?csv=monthly is the monthly table; a body that is not a Summary, a bad ?csv or YAML are refused naming what is wrong', async () => {
    const summary = (await (await post(app, '/api/simulate', { scenario: SCENARIO, trials: 40, seed: 2 })).json()) as Json;
    const monthly = await post(app, '/api/summary/csv?csv=monthly', summary);
    expect(monthly.status).toBe(200);
    const viaRun = await post(app, '/api/simulate?csv=monthly', { scenario: SCENARIO, trials: 40, seed: 2 });
    expect(viaRun.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const table = await monthly.text();
    expect(await viaRun.text()).toBe(table);
    expect(table.split('\n')[0]).toMatch(/^month,revenue_mean,revenue_p10,/);
    expect(table.trimEnd().split('\n')).toHaveLength(13);

    const bad = await post(app, '/api/summary/csv', { ...summary, revenue: { ...summary.revenue, total: 'lots' }, extra: 1 });
    expect(bad.status).toBe(400);
    const paths = ((await bad.json()) as Json).errors.map((e: Json) => e.path);
    expect(paths).toContain('revenue.total');
    expect(paths).toContain('extra');
    const badScenario = await post(app, '/api/summary/csv', { ...summary, scenario: { ...summary.scenario, horizonMonths: -1 } });
    expect(badScenario.status).toBe(400);
    const scenarioErrors = ((await badScenario.json()) as Json).errors as Json[];
    expect(scenarioErrors[0]).toMatchObject({ path: 'scenario.horizonMonths' });
    expect(scenarioErrors.every((e) => String(e.path).startsWith('scenario.')), JSON.stringify(scenarioErrors)).toBe(true);
    for (const path of ['/api/summary/csv?csv=wide', '/api/simulate?csv=wide']) {
      const res = await post(app, path, path.startsWith('/api/simulate') ? { scenario: SCENARIO, trials: 40 } : summary);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as Json).errors[0]).toMatchObject({ path: 'csv', rule: 'must be summary or monthly' });
    }
    const yaml = await post(app, '/api/summary/csv', stringify(summary), { 'content-type': 'application/yaml' });
    expect(yaml.status).toBe(415);
  }, 60_000);
});

describe('the export is a table any CSV reader takes', () => {
  const s = summarize(parseScenario(SCENARIO), simulate(parseScenario(SCENARIO), { trials: 60, seed: 3 }), { seed: 3 });
  const csv = summaryCsv(s);
  const t = parseCsv(csv);

  it('one header, eleven fields in every row, names with commas and quotes kept whole, nothing a spreadsheet would run', () => {
    expect(t.header).toEqual(SUMMARY_CSV_HEADER.split(','));
    expect(t.records.length).toBeGreaterThan(100);
    for (const r of t.records) expect(r.fields).toHaveLength(11);
    const metrics = t.records.map((r) => r.fields[0]);
    for (const name of NAMES) expect(metrics).toContain(`territories[${name}].revenue`);
    const north = t.records.find((r) => r.fields[0] === 'territories[North, East].revenue')!.fields;
    expect(north.slice(2).map(Number)).toEqual(['mean', 'sd', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'].map((k) => (s.territories[0].revenue as unknown as Record<string, number>)[k]));
    for (const r of t.records) expect(r.fields[0]).toMatch(/^[a-zA-Z]/);
  });

  it('the engine values, exactly: a Stats per row, a month per row of a monthly series, a single figure in mean', () => {
    const s2 = engineSummary();
    const rows = parseCsv(summaryCsv(s2)).records.map((r) => r.fields);
    expect(rows.filter((r) => r[0] === 'revenue.monthly').map((r) => Number(r[1]))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.filter((r) => r[0] === 'headcount.vacant')).toHaveLength(6);
    const total = rows.find((r) => r[0] === 'revenue.total')!;
    expect([Number(total[2]), Number(total[7])]).toEqual([s2.revenue.total.mean, s2.revenue.total.p50]);
    expect(Number(rows.find((r) => r[0] === 'revenue.monthly' && r[1] === '3')![5])).toBe(s2.revenue.monthly[2].p10);
    expect(rows.find((r) => r[0] === 'plan.probability')!.slice(1)).toEqual(['', String(s2.plan!.probability), '', '', '', '', '', '', '', '']);
    expect(rows.find((r) => r[0] === 'plan.ci.low')![2]).toBe(String(s2.plan!.ci[0]));
  });

  it('reads the Summary as its JSON: a NaN figure has no row, as a null one, and the same Summary after a trip through JSON gives the same bytes', () => {
    const withNaN = { ...s, diagnostics: { ...s.diagnostics, revenueStdError: NaN } } as Summary;
    const out = summaryCsv(withNaN);
    expect(out).toBe(summaryCsv(JSON.parse(JSON.stringify(withNaN)) as Summary));
    expect(csv).toContain('\ndiagnostics.revenueStdError,,');
    expect(out).not.toContain('\ndiagnostics.revenueStdError,');
    expect(out.split('\n')).toHaveLength(csv.split('\n').length - 1);
    expect(summaryCsv(JSON.parse(JSON.stringify(s)) as Summary)).toBe(csv);
  });
});

describe('the export holds every figure of the Summary (the walk)', () => {
  it('Summaries with every block on: the multiset of exported figures is the multiset of the Summary\'s (none left out, none made up)', async () => {
    const people = parse(preset('people-managers'));
    const inputs: [string, unknown][] = [
      ...['subscription', 'reps-marketing-nurture.nurture', 'coverage-policy.individual', 'hiring-vs-enablement.enable', 'leadership-churn.tenure-19'].map((id): [string, unknown] => [id, parse(preset(id))]),
      ['uncertain', { ...SCENARIO, uncertainty: { correlations: [{ between: ['reps.opportunitiesPerMonth', 'reps.winRate'], rho: -0.4 }] }, reps: { ...SCENARIO.reps, winRate: { pert: [0.15, 0.25, 0.4] } } }],
      [
        // every issue 27 block: compensation with a cap and a SPIF, retention with a raise, the coverage response, managers, scaling
        'people',
        {
          ...people,
          horizonMonths: 12,
          compensation: { ...people.compensation, cap: 2, spifs: [{ fromMonth: 2, toMonth: 4, rate: 0.02 }] },
          retention: { ...people.retention, raise: { amount: 0.1 } },
          coverage: { policy: 'global', multiple: 3, paddingQuality: 0.2 },
          sellingTime: { hoursPerMonth: 70, hoursPerOpportunity: 10, hoursPerPaddedOpportunity: 2, hoursPerOpenOpportunityPerMonth: 3 },
          coverageResponse: { prospectShare: 0.5, maxShareOfWorkHours: 0.5 },
          scaling: { referenceSeats: 10, dragPerDoubling: 0.05, recruitingCapacity: 1 },
        },
      ],
    ];
    const summaries: [string, Summary][] = inputs.map(([name, input]) => {
      const sc = parseScenario(input);
      return [name, summarize(sc, simulate(sc, { trials: 40, seed: 2 }), { seed: 2 })];
    });
    // a precision-targeted run: its report (trials, targets reached, met) is in the export too
    const precise = await runSummaryPrecise(parseScenario(parse(preset('baseline'))), 'revenue=5%', { seed: 1, maxTrials: 2000, workers: 1 });
    summaries.push(['precision', precise.summary]);

    const seen = new Set<string>();
    for (const [name, s] of summaries) {
      for (const [k, v] of Object.entries(s)) if (v !== null && v !== undefined) seen.add(k);
      const json = JSON.parse(JSON.stringify(s));
      const mine = figures(json);
      expect(mine.length, name).toBeGreaterThan(100);
      expect(sorted(exported(summaryCsv(s))), name).toEqual(sorted(mine));
    }
    // the walk saw every optional section, so none of the checks above was vacuous
    for (const k of ['plan', 'roi', 'roiOfMeans', 'customers', 'demand', 'coverage', 'uncertainty', 'precision', 'compensation', 'retention', 'coverageResponse', 'managers', 'scaling']) expect(seen, k).toContain(k);
  }, 120_000);

  it('the walk notices a figure left out or made up', () => {
    const s = engineSummary();
    const csv = summaryCsv({ ...s, diagnostics: { ...s.diagnostics, revenueStdError: 123.456 } });
    expect(csv).toContain('\ndiagnostics.revenueStdError,,123.456,,,,,,,,\n');
    expect(sorted(exported(csv))).not.toEqual(sorted(figures(JSON.parse(JSON.stringify(s)))));
    expect(figures({ a: 1, b: [2, { c: 3, d: true }], meta: { elapsedMs: 9 } })).toEqual(['1', '2', '3', '1']);
  });
});
