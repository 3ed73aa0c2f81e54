/**
 * The static build's client (issue 31) in Node: the engine worker's tasks run in stand-in workers
 * (structured clone and transfer, as a browser does), and every answer is compared with the server's
 * for the same scenario, seed and trials (bit-identical apart from wall times), for any worker count.
 * Also: the chunking rule is parallel/'s, a cancel frees the workers at once and spares other calls,
 * and the store's calls say they need the server.
 */
import fc from 'fast-check';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockBoundaries, parseScenario, synthesize } from '../../engine/index.js';
import { createPool, defaultChunkSize, runSummary, type Pool } from '../../parallel/index.js';
import { chunkSize } from '../../playground/src/client/blocks.js';
import { ApiError } from '../../playground/src/client/errors.js';
import { browserWorkers, createEnginePool } from '../../playground/src/client/pool.js';
import { fakeWorker } from './fake-worker.js';
import { createWorkerClient } from '../../playground/src/client/workers.js';
import { calibrateCsv } from '../../playground/src/client/http.js';
import type { SalesimApp } from '../../server/app.js';
import { post, readSse, small, testApp } from '../server/helpers.js';
import { leadExport } from '../helpers/leads.js';

type Json = Record<string, any>;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Drops wall times (elapsedMs, trialsPerSecond): everything else must be identical. */
function withoutTimes(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutTimes);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'elapsedMs' && k !== 'trialsPerSecond').map(([k, x]) => [k, withoutTimes(x)]));
  return v;
}
/** Through JSON, as the server's answers arrive (NaN as null, -0 as 0). */
const asJson = (v: unknown) => withoutTimes(JSON.parse(JSON.stringify(v)));

let pool: Pool;
let app: SalesimApp;
beforeAll(() => {
  pool = createPool({ workers: 2 });
  app = testApp({ pool });
});
afterAll(async () => {
  await app.close();
  await pool.destroy();
});

const scenario = small({ horizonMonths: 12, reps: { seats: 6, opportunitiesPerMonth: 3, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 20000, sigma: 0.7 } } });

describe('static client: the same numbers as the server and the CLI', () => {
  for (const workers of [1, 3]) {
    it(`a run with progress (${workers} worker${workers > 1 ? 's' : ''}): the final Summary equals the server's stream and the CLI's runSummary; each partial one is a run of its first trials`, async () => {
      const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), workers));
      const partials: { done: number; summary: unknown }[] = [];
      const summary = await client.stream({ scenario, trials: 300, seed: 7 }, { onProgress: (p) => partials.push({ done: p.done, summary: p.summary }) });
      const events = await readSse(await post(app, '/api/simulate/stream', { scenario, trials: 300, seed: 7 }));
      const server = JSON.parse(events.find((e) => e.event === 'result')!.data);
      expect(asJson(summary)).toEqual(asJson(server));
      const cli = await runSummary(parseScenario({ ...scenario, trials: 300, seed: 7 }), { trials: 300, seed: 7, workers: 1 });
      expect(asJson(summary)).toEqual(asJson(cli.summary));
      expect(partials.length).toBeGreaterThan(0);
      const first = partials[0];
      expect(first.done).toBeLessThan(300);
      const direct = await client.simulate({ scenario: { ...scenario, trials: first.done }, trials: first.done, seed: 7 });
      // a partial Summary is of `done` trials of a 300-trial run: the same trials, so the same statistics
      expect(asJson({ ...(first.summary as Json), scenario: null })).toEqual(asJson({ ...direct, scenario: null }));
    });
  }

  for (const workers of [1, 3]) {
    it(`trials: auto (${workers} worker${workers > 1 ? 's' : ''}): the default precision, block by block; the Summary and the report equal the server's stream`, async () => {
      const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), workers));
      const planned = { ...scenario, quota: { method: 'flat', plan: 600_000 } };
      const progress: Json[] = [];
      const mine = await client.stream({ scenario: planned, trials: 'auto', seed: 5 }, { onProgress: (p) => progress.push(p) });
      // the server's answer to a body naming no trial count (runBody drops the scenario's own trials)
      const { trials: _own, ...bare } = planned;
      const events = await readSse(await post(app, '/api/simulate/stream', { scenario: bare, seed: 5 }));
      const server = JSON.parse(events.find((e) => e.event === 'result')!.data);
      expect(server.precision).toMatchObject({ spec: 'p_plan=0.01,revenue=0.5%', default: true, met: true });
      expect(asJson(mine)).toEqual(asJson(server));
      // the same progress events: one per block, with the precision so far
      const theirs = events.filter((e) => e.event === 'progress').map((e) => JSON.parse(e.data));
      expect(asJson(progress)).toEqual(asJson(theirs));
    }, 120_000);
  }

  it('an explicit precision and cap, uncertain inputs: equal to the server\'s', async () => {
    const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), 2));
    const uncertain = { ...scenario, reps: { ...scenario.reps, winRate: { pert: [0.15, 0.25, 0.35] } } };
    const body = { scenario: uncertain, seed: 9, precision: 'revenue=1%', maxTrials: 3000 };
    const mine = await client.stream(body, { onProgress: () => {} });
    const theirs = (await (await post(app, '/api/simulate', body)).json()) as Json;
    expect(theirs.precision.spec).toBe('revenue=1%');
    expect(asJson(mine)).toEqual(asJson(theirs));
  }, 120_000);

  it('uncertain inputs (drawn per trial over the run\'s design): the Summary equals the server\'s', async () => {
    const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), 2));
    const uncertain = { ...scenario, reps: { ...scenario.reps, winRate: { pert: [0.15, 0.25, 0.35] } } };
    const body = { scenario: uncertain, trials: 240, seed: 11 };
    const mine = await client.stream(body, { onProgress: () => {} });
    expect(mine.uncertainty).toBeTruthy();
    expect(asJson(mine)).toEqual(asJson(await (await post(app, '/api/simulate', body)).json()));
  });

  it('compare and sensitivity equal the server\'s', async () => {
    const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), 2));
    const body = { seed: 3, trials: 200, compare: { baseline: scenario, variants: [{ name: 'hire 2', scenario: { ...scenario, reps: { ...scenario.reps, seats: 8 } } }] } };
    const seen: { done: number; total: number; designs: { done: number }[] }[] = [];
    const mine = await client.compare(body, undefined, (p) => seen.push(p));
    const theirs = await (await post(app, '/api/compare', body)).json();
    expect(asJson(mine)).toEqual(asJson(theirs));
    // the trials done per design as the workers report them: in order, summing to the total, ending complete
    expect(seen.length).toBeGreaterThan(1);
    for (const [i, p] of seen.entries()) {
      expect(p.designs.reduce((a, d) => a + d.done, 0)).toBe(p.done);
      if (i > 0) expect(p.done).toBeGreaterThanOrEqual(seen[i - 1].done);
    }
    expect(seen.at(-1)!.designs.map((d) => d.done)).toEqual([200, 200]);
    const sbody = { scenario, seed: 3, trials: 100, params: [{ path: 'reps.winRate.mean' }, { path: 'reps.seats' }] };
    expect(asJson(await client.sensitivity(sbody))).toEqual(asJson(await (await post(app, '/api/sensitivity', sbody)).json()));
  });

  it("a ranged sensitivity (each parameter's own low and high) equals the server's; a bad range is the same 400, naming the parameter", async () => {
    const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), 2));
    const sbody = { scenario, seed: 3, trials: 120, relative: 0.3, params: [{ path: 'reps.winRate.mean', low: 0.2, high: 0.35 }, { path: 'reps.seats', high: 9 }, { path: 'reps.opportunitiesPerMonth' }] };
    const mine = await client.sensitivity(sbody);
    expect(asJson(mine)).toEqual(asJson(await (await post(app, '/api/sensitivity', sbody)).json()));
    const byPath = Object.fromEntries(mine.parameters.map((p) => [p.path, p]));
    expect([byPath['reps.winRate.mean'].low, byPath['reps.winRate.mean'].high]).toEqual([0.2, 0.35]);
    expect([byPath['reps.seats'].low, byPath['reps.seats'].high]).toEqual([4, 9]); // 6 - 30%, rounded outward; and as set
    for (const params of [[{ path: 'reps.winRate.mean', low: 0.35, high: 0.2 }], [{ path: 'reps.winRate.mean', low: 0.2, high: 1.5 }], [{ path: 'reps.seats', low: 9 }], [{ path: 'reps.seats', low: '2' }]]) {
      const b = { ...sbody, params };
      const res = await post(app, '/api/sensitivity', b);
      expect(res.status).toBe(400);
      const theirs = ((await res.json()) as Json).errors as Json[];
      const err = await client.sensitivity(b).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(400);
      expect((err as ApiError).errors.map((e) => [e.path, e.message])).toEqual(theirs.map((e) => [e.path, e.message]));
      expect(theirs[0].path).toMatch(/^reps\.|^params\[0\]$/);
    }
  });

  it("the sample export with salesim synth's options: the CLI's CSV, the server's and this page's, byte for byte; a bad option is the same 400", async () => {
    const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), 1));
    const team = { name: 'synth parity', horizonMonths: 12, reps: { seats: 6, opportunitiesPerMonth: 4, winRate: { mean: 0.3, concentration: 10 }, dealSize: { median: 20000, sigma: 0.7 }, cycleMonths: 2 }, hiring: { timeToFillMonths: 2 }, attrition: { annualRate: 0.2 } };
    const options = { months: 18, start: '2024-07', seed: 3, prospects: 0.5, resolveByAge: [0.4, 0.35, 0.3, 0.2, 0.03, 0], quarterEndWin: 1.5, arrivalDrift: 0.05 };
    const dir = mkdtempSync(join(tmpdir(), 'salesim-synth-'));
    const file = join(dir, 'team.yaml');
    writeFileSync(file, JSON.stringify(team));
    const cli = await new Promise<{ stdout: string; stderr: string }>((done, fail) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'cli/index.ts'), 'synth', file, '--months', '18', '--start', '2024-07', '--seed', '3', '--roster', join(dir, 'reps.csv'), '--prospects', '0.5', '--resolve-by-age', '0.4,0.35,0.3,0.2,0.03,0', '--quarter-end-win', '1.5', '--drift', '0.05'],
        { cwd: ROOT, maxBuffer: 64 * 2 ** 20 },
        (err, stdout, stderr) => (err ? fail(new Error(stderr)) : done({ stdout, stderr })),
      ),
    );
    const server = (await (await post(app, '/api/forecast/sample', { scenario: team, ...options })).json()) as Json;
    const mine = await client.sample({ scenario: team, ...options });
    expect(server.opportunities).toBe(cli.stdout);
    expect(server.roster).toBe(readFileSync(join(dir, 'reps.csv'), 'utf8'));
    expect(mine.opportunities).toBe(cli.stdout);
    expect(mine.roster).toBe(server.roster);
    expect(asJson(mine)).toEqual(asJson(server));
    expect(cli.stdout.split('\n').length).toBeGreaterThan(100);
    // a preset by name, in this page as on the server
    const preset = { scenario: 'baseline', months: 3, seed: 2 };
    expect(asJson(await client.sample(preset))).toEqual(asJson(await (await post(app, '/api/forecast/sample', preset)).json()));
    for (const bad of [{ months: 0 }, { start: 'July' }, { resolveByAge: [0.3, 2] }, { arrivalDrift: 'x' }, { drift: 0.1 }]) {
      const b = { scenario: team, ...bad };
      const res = await post(app, '/api/forecast/sample', b);
      expect(res.status).toBe(400);
      const err = await client.sample(b as never).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(400);
      expect((err as ApiError).errors.map((e) => [e.path, e.message])).toEqual(((await res.json()) as Json).errors.map((e: Json) => [e.path, e.message]));
    }
  }, 60_000);

  it('compare with assumptions (the engine\'s analysis in a worker) equals the server\'s; a bad option is the same 400', async () => {
    const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), 2));
    // an uncertain win rate is one assumption the analysis varies (plus any registered one the scenario uses)
    const uncertain = { ...scenario, reps: { ...scenario.reps, winRate: { mean: { pert: [0.15, 0.25, 0.35] }, concentration: 8 } } };
    const body = { seed: 3, trials: 20, assumptions: { draws: 8, metric: 'margin' }, compare: { baseline: uncertain, variants: [{ name: 'hire 2', scenario: { ...uncertain, reps: { ...uncertain.reps, seats: 8 } } }] } };
    const mine = await client.compare(body);
    const theirs = await (await post(app, '/api/compare', body)).json();
    expect(mine.assumptions!.metric).toBe('margin');
    expect(mine.assumptions!.assumptions.map((a) => a.path)).toContain('reps.winRate.mean');
    expect(mine.assumptions!.variants[0].name).toBe('hire 2');
    expect(asJson(mine)).toEqual(asJson(theirs));
    // without the option there is no analysis, as from the server
    expect((await client.compare({ ...body, assumptions: false })).assumptions).toBeUndefined();
    for (const bad of [{ draws: 2 }, { metric: 'arr' }, { why: 1 }]) {
      const b = { ...body, assumptions: bad };
      const res = await post(app, '/api/compare', b);
      expect(res.status).toBe(400);
      const err = await client.compare(b).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(400);
      expect((err as ApiError).errors.map((e) => e.message)).toEqual(((await res.json()) as Json).errors.map((e: Json) => e.message));
    }
  }, 300000);

  it('goal seek, calibrate, back-test, forecast and the sample export equal the server\'s', async () => {
    const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), 2));
    const solveBody = { scenario: { ...scenario, quota: { method: 'flat', plan: 1_000_000 } }, seed: 2, trials: 100, vary: 'reps.seats', target: 'P(plan) >= 0.5', min: 1, max: 20 };
    const points: unknown[] = [];
    const solved = await client.solve(solveBody, undefined, (p) => points.push(p));
    expect(asJson(solved)).toEqual(asJson(await (await post(app, '/api/solve', solveBody)).json()));
    // each value run, as it ran: the engine's own evaluations, in order
    expect(asJson(points)).toEqual(asJson(solved.evaluations));
    // until decided (salesim solve --precision bracket): the worker's answer is the server's
    const { trials: _t, ...noTrials } = solveBody;
    const decided = { ...noTrials, precision: 'bracket', maxTrials: 1000 };
    const pSolved = await client.solve(decided);
    expect((pSolved as typeof pSolved & { precision?: { spec: string } }).precision?.spec).toBe('bracket');
    expect(asJson(pSolved)).toEqual(asJson(await (await post(app, '/api/solve', decided)).json()));

    const csv = synthesize(scenario, { months: 18, start: '2025-01', seed: 8 }).opportunities;
    const fit = await client.calibrate(csv);
    const server = await (await post(app, '/api/calibrate', csv, { 'content-type': 'text/csv' })).json();
    // the report names where the export came from: this browser, not a request body
    const noSource = (r: unknown) => JSON.parse(JSON.stringify(r).replaceAll('a file read in this browser', 'X').replaceAll('request body', 'X'));
    expect(noSource(asJson(fit))).toEqual(noSource(asJson(server)));
    // with a lead export: the same demand block and report as the server's { csv, leads }
    const withLeads = await client.calibrate(csv, null, undefined, leadExport());
    expect(withLeads.demandReport?.leads).toBe(600);
    const noLeadSource = (r: unknown) => noSource(JSON.parse(JSON.stringify(r).replaceAll('a lead export read in this browser', 'the lead export')));
    expect(noLeadSource(asJson(withLeads))).toEqual(noLeadSource(asJson(await (await post(app, '/api/calibrate', { csv, leads: leadExport() })).json())));

    // the fit's options (salesim calibrate --as-of, --from/--to, --point, --trend): in this page as on the server
    const options = { asOf: '2026-03-31', from: '2025-03', to: '2026-03', point: true, trend: true };
    const withOptions = await client.calibrate(csv, null, undefined, null, options);
    expect(withOptions.report.asOf?.date).toBe('2026-03-31');
    expect(noSource(asJson(withOptions))).toEqual(noSource(asJson(await (await post(app, '/api/calibrate', { csv, ...options })).json())));
    // the HTTP client sends them as JSON (the export alone goes as text/csv)
    const bodies: unknown[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (_url: string, init: { body: string }) => {
      bodies.push(JSON.parse(init.body));
      return new Response(JSON.stringify(withOptions), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch;
    try {
      await calibrateCsv(csv, null, undefined, null, options);
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(bodies).toEqual([{ csv, ...options }]);
    // Sobol indices over the assumptions (salesim sensitivity --sobol): the worker's answer is the server's
    const tiered = { ...scenario, reps: { ...scenario.reps, winRate: { tiers: [{ share: 0.2, mean: 0.4, concentration: 50 }, { share: 0.8, mean: 0.2, concentration: 50 }] } }, enablement: [{ gapClosed: 0.25, cost: { perRepPerMonth: 1500 } }] };
    const sob = await client.sobol({ scenario: tiered, seed: 3, metric: 'margin', draws: 8 });
    expect(sob.indices.length).toBeGreaterThan(0);
    expect(asJson(sob)).toEqual(asJson(await (await post(app, '/api/sensitivity', { scenario: tiered, seed: 3, sobol: { metric: 'margin', draws: 8 } })).json()));
    const badSob = await client.sobol({ scenario: tiered, metric: 'arr' }).catch((x: unknown) => x);
    expect(badSob).toBeInstanceOf(ApiError);
    expect((badSob as ApiError).errors.map((e) => e.path)).toEqual(['sobol.metric']);
    // a column mapping and skipped rows (--map, --skip-invalid): read in this page as on the server, for the fit and both back-tests
    const renamed = `${csv.replace('Opportunity Owner', 'Rep').trimEnd()}\nAda,2025-01-03,2025-02-10,Closed Won,abc\n`;
    const read = { mapping: 'columns: { owner: Rep }\n', invalidRows: 'skip' as const };
    const mapped = await client.calibrate(renamed, null, undefined, null, read);
    expect(mapped.report.rows.rejected).toBe(1);
    expect(noSource(asJson(mapped))).toEqual(noSource(asJson(await (await post(app, '/api/calibrate', { csv: renamed, ...read })).json())));
    const btMapped = { csv: renamed, scenario: fit.scenario, from: '2025-07', to: '2025-12', trials: 60, seed: 4, ...read };
    expect(asJson(await client.backtest(btMapped))).toEqual(asJson(await (await post(app, '/api/backtest', btMapped)).json()));
    const rollMapped = { csv: renamed, asOf: ['2025-12-31'], horizon: 2, trials: 40, seed: 3, ...read };
    expect(asJson(await client.rollingBacktest(rollMapped))).toEqual(asJson(await (await post(app, '/api/backtest', rollMapped)).json()));
    // the rolling-origin back-test (salesim backtest --as-of): the worker's answer is the server's
    const roll = { csv, asOf: ['2025-09-30', '2025-12-31'], horizon: 2, trials: 60, seed: 3, point: true };
    expect(asJson(await client.rollingBacktest(roll))).toEqual(asJson(await (await post(app, '/api/backtest', roll)).json()));
    const badRoll = { ...roll, trials: 5 };
    const rollErr = await client.rollingBacktest(badRoll).catch((x: unknown) => x);
    expect(rollErr).toBeInstanceOf(ApiError);
    expect((rollErr as ApiError).errors.map((e) => e.path)).toEqual(((await (await post(app, '/api/backtest', badRoll)).json()) as Json).errors.map((e: Json) => e.path));
    const bt = { csv, scenario: fit.scenario, from: '2025-07', to: '2026-06', trials: 150, seed: 4 };
    expect(asJson(await client.backtest(bt))).toEqual(asJson(await (await post(app, '/api/backtest', bt)).json()));

    const sample = await client.sample({ scenario, seed: 5 });
    expect(asJson(sample)).toEqual(asJson(await (await post(app, '/api/forecast/sample', { scenario, seed: 5 })).json()));
    const fc = { opportunities: sample.opportunities, roster: sample.roster, scenario, plan: 400_000, asOf: sample.asOf, actions: [{ name: 'win rate 0.3', patch: { reps: { winRate: { mean: 0.3 } } } }], trials: 100, seed: 5 };
    expect(asJson(await client.forecast(fc))).toEqual(asJson(await (await post(app, '/api/forecast', fc)).json()));
    // with a column mapping and a malformed row skipped (salesim forecast --map, --skip-invalid)
    const mappedFc = { ...fc, opportunities: sample.opportunities.replace('Opportunity Owner', 'Rep') + 'Ann,not a date,,Closed Won,100\n', mapping: 'columns: { owner: Rep }\n', invalidRows: 'skip' as const };
    const viaServer = (await (await post(app, '/api/forecast', mappedFc)).json()) as { warnings: string[] };
    expect(viaServer.warnings.some((w) => /skipped|malformed|rejected/i.test(w)), JSON.stringify(viaServer.warnings)).toBe(true);
    expect(asJson(await client.forecast(mappedFc))).toEqual(asJson(viaServer));
    // point (salesim forecast --point): the uncertainty block ignored in this page as on the server
    const fcPoint = { ...fc, scenario: { ...scenario, uncertainty: { parameters: [{ path: 'reps.opportunitiesPerMonth', distribution: { uniform: [2, 4] } }] } }, point: true };
    const pointed = await client.forecast(fcPoint);
    expect(pointed.parameterUncertainty.paths).toEqual([]);
    expect(asJson(pointed)).toEqual(asJson(await (await post(app, '/api/forecast', fcPoint)).json()));
  });

  describe('to a precision (Trials: auto in the views): compare, sensitivity and forecast block by block, as the server runs them', () => {
    // P(plan) about 0.75: P(plan) +-0.04 holds after 500 trials (blocks 200, 300, 400, 500)
    const planned = { ...scenario, quota: { method: 'flat', plan: 1_100_000 } };
    const hire = { ...planned, reps: { ...planned.reps, seats: 8 } };
    const { trials: _own, ...bare } = planned;
    for (const workers of [1, 3]) {
      it(`compare with targets (${workers} worker${workers > 1 ? 's' : ''}): the same numbers and trials used as POST /api/compare, stopped at the block where the targets hold; progress per design of the cap`, async () => {
        const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), workers));
        const body = { seed: 3, precision: 'p_plan=0.04,diff=30000', maxTrials: 800, compare: { baseline: planned, variants: [{ name: 'hire 2', scenario: hire }] } };
        const seen: { done: number; total: number; trials: number; designs: { done: number }[] }[] = [];
        const mine = await client.compare(body, undefined, (p) => seen.push(p));
        const theirs = (await (await post(app, '/api/compare', body)).json()) as Json;
        expect(theirs.precision).toMatchObject({ spec: 'p_plan=0.04,diff=30000', met: true, maxTrials: 800 });
        // stopped inside the cap, after a block the engine's schedule names (200, 300, 400, ...)
        expect(theirs.precision.trials).toBeGreaterThan(200);
        expect(theirs.precision.trials).toBeLessThan(800);
        expect(theirs.trials).toBe(theirs.precision.trials);
        expect(asJson(mine)).toEqual(asJson(theirs));
        // one event per block: every design at the block's end, of the cap, up to the trials used
        expect(seen.map((p) => p.designs.map((d) => d.done))).toEqual(seen.map((p) => [p.done / 2, p.done / 2]));
        expect(seen.map((p) => p.done / 2)).toEqual(blockBoundaries(800).slice(1).filter((b) => b <= theirs.precision.trials));
        expect(seen.every((p) => p.total === 1600 && p.trials === 800)).toBe(true);
        // the server's stream says the same per design
        const events = await readSse(await post(app, '/api/compare/stream', body));
        const last = JSON.parse(events.filter((e) => e.event === 'progress').at(-1)!.data) as Json;
        expect(last.designs.map((d: Json) => d.done)).toEqual([theirs.precision.trials, theirs.precision.trials]);
        expect(asJson(JSON.parse(events.find((e) => e.event === 'result')!.data))).toEqual(asJson(theirs));
      }, 120_000);
    }

    it('compare naming no trial count (the default precision), and uncertain inputs (the draws\' design spans the cap): the server\'s answers', async () => {
      const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), 2));
      const body = { seed: 4, maxTrials: 600, compare: { baseline: bare, variants: [{ name: 'hire 2', scenario: hire }] } };
      const mine = await client.compare(body);
      const theirs = (await (await post(app, '/api/compare', body)).json()) as Json;
      expect(theirs.precision).toMatchObject({ spec: 'p_plan=0.01,revenue=0.5%', default: true, met: false, trials: 600 });
      expect(asJson(mine)).toEqual(asJson(theirs));
      // stopped before the cap, its uncertainty summarised over the design of the cap (designTrials)
      const uncertain = { ...planned, reps: { ...planned.reps, winRate: { pert: [0.15, 0.25, 0.35] } } };
      const ubody = { seed: 4, precision: 'diff=30000', maxTrials: 800, compare: { baseline: uncertain, variants: [{ name: 'hire 2', scenario: { ...uncertain, reps: { ...uncertain.reps, seats: 8 } } }] } };
      const umine = await client.compare(ubody);
      const utheirs = (await (await post(app, '/api/compare', ubody)).json()) as Json;
      expect(utheirs.baseline.uncertainty).toBeTruthy();
      expect(utheirs.precision.trials).toBeLessThan(800);
      expect(asJson(umine)).toEqual(asJson(utheirs));
    }, 120_000);

    it('sensitivity with targets: the base runs until they hold, every low/high run as many trials; the server\'s numbers', async () => {
      const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), 3));
      const body = { scenario: planned, seed: 3, params: [{ path: 'reps.winRate.mean' }, { path: 'reps.seats' }], precision: 'p_plan=0.04', maxTrials: 800 };
      const mine = await client.sensitivity(body);
      const theirs = (await (await post(app, '/api/sensitivity', body)).json()) as Json;
      expect(theirs.precision).toMatchObject({ spec: 'p_plan=0.04', met: true });
      expect(theirs.precision.trials).toBeGreaterThan(200);
      expect(theirs.precision.trials).toBeLessThan(800);
      expect(theirs.trials).toBe(theirs.precision.trials);
      expect(asJson(mine)).toEqual(asJson(theirs));
      // naming no trial count: the default precision, as the server
      const dflt = { scenario: bare, seed: 3, params: [{ path: 'reps.seats' }], maxTrials: 600 };
      const d = await client.sensitivity(dflt);
      expect(d.precision).toMatchObject({ default: true, trials: 600, met: false });
      expect(asJson(d)).toEqual(asJson(await (await post(app, '/api/sensitivity', dflt)).json()));
    }, 120_000);

    it('forecast with targets: the forecast from today decides the trials, the interventions take as many; the server\'s report; progress up to every scenario', async () => {
      const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), 2));
      const sample = await client.sample({ scenario, seed: 5 });
      // booked about 742,000 by the as-of date: P(plan | bookings to date) ±0.04 holds after 500 trials
      const fc = { opportunities: sample.opportunities, roster: sample.roster, scenario, plan: 1_300_000, asOf: sample.asOf, actions: [{ name: 'win rate 0.3', patch: { reps: { winRate: { mean: 0.3 } } } }], seed: 5, precision: 'p_plan=0.04', maxTrials: 800 };
      const seen: { done: number; total: number }[] = [];
      const mine = await client.forecast(fc, undefined, (p) => seen.push(p));
      const theirs = (await (await post(app, '/api/forecast', fc)).json()) as Json;
      expect(theirs.precision).toMatchObject({ spec: 'p_plan=0.04', met: true });
      expect(theirs.precision.trials).toBeGreaterThan(200);
      expect(theirs.precision.trials).toBeLessThan(800);
      expect(theirs.trials).toBe(theirs.precision.trials);
      expect(asJson(mine)).toEqual(asJson(theirs));
      const n = theirs.precision.trials;
      // every scenario: the forecast, the intervention and the start of the year's
      expect(theirs.startOfYear).not.toBeNull();
      expect(seen.at(-1)).toEqual({ done: 3 * n, total: 3 * n });
      for (const [i, p] of seen.entries()) if (i > 0) expect(p.done).toBeGreaterThan(seen[i - 1].done);
      // a target the forecast cannot measure is the server's 400, before any trial
      const { plan: _p, ...noPlan } = fc;
      const noQuota = { ...noPlan, scenario: { ...scenario, quota: undefined } };
      const res = await post(app, '/api/forecast', noQuota);
      const err = await client.forecast(noQuota).then(() => null, (e: unknown) => e);
      expect(res.status).toBe(400);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).errors.map((e) => e.message)).toEqual(((await res.json()) as Json).errors.map((e: Json) => e.message));
    }, 120_000);
  });

  it('bad input is the engine\'s field message (a 400), as from the server', async () => {
    const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), 1));
    const bad = { scenario: { ...scenario, reps: { ...scenario.reps, seats: -1 } }, trials: 10, seed: 1 };
    const e = await client.stream(bad).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    const server = await (await post(app, '/api/simulate', bad)).json();
    expect((e as ApiError).status).toBe(400);
    expect((e as ApiError).errors.map((x) => x.path)).toEqual(server.errors.map((x: Json) => x.path));
    expect((e as ApiError).errors[0].path).toBe('reps.seats');
  });

  it('presets are the scenarios/*.yaml files the server lists, bundled', async () => {
    const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), 1));
    const mine = await client.presets();
    const theirs = (await (await app.request('/api/presets')).json()).presets;
    expect(asJson(mine)).toEqual(asJson(theirs));
    expect(mine.map((p) => p.id)).toContain('baseline');
  });
});

describe('static client: workers, chunks and cancel', () => {
  it('chunks are parallel/\'s defaultChunkSize (the server\'s watched-run rule)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 1, max: 64 }), (trials, workers) => chunkSize(trials, workers) === defaultChunkSize(trials, workers)), { seed: 31 });
  });

  it('one worker per core but one, at least one', () => {
    expect([1, 2, 8, 0].map((c) => browserWorkers(c))).toEqual([1, 1, 7, 1]);
  });

  it('a cancel rejects with an AbortError, terminates the busy workers at once and spares another call', async () => {
    const stats = { terminated: 0, busy: 0 };
    const enginePool = createEnginePool(() => fakeWorker(stats, 15), 3);
    const client = createWorkerClient(enginePool);
    const big = { scenario: { ...scenario, horizonMonths: 24 }, trials: 4000, seed: 1 };
    const other = client.simulate({ scenario, trials: 300, seed: 9 });
    const ctrl = new AbortController();
    let progressed = 0;
    const run = client.stream(big, { signal: ctrl.signal, onProgress: () => progressed++ });
    await expect.poll(() => progressed, { timeout: 20_000, interval: 5 }).toBeGreaterThan(0);
    const startedBefore = enginePool.started;
    ctrl.abort();
    const e = await run.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DOMException);
    expect((e as DOMException).name).toBe('AbortError');
    expect(stats.terminated).toBeGreaterThan(0);
    expect(enginePool.started - startedBefore).toBe(stats.terminated); // each terminated worker replaced
    const after = progressed;
    // the other call still completes, with the numbers of a run of its own
    const theirs = await other;
    expect(asJson(theirs)).toEqual(asJson(await client.simulate({ scenario, trials: 300, seed: 9 })));
    expect(progressed).toBe(after);
    enginePool.destroy();
  });

  it('the store needs the server', async () => {
    const client = createWorkerClient(createEnginePool(() => fakeWorker({ terminated: 0, busy: 0 }), 1));
    expect(client.hasStore).toBe(false);
    const e = await client.listScenarios().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).message).toMatch(/need the server/);
  });
});
