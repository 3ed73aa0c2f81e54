/**
 * POST /api/forecast (issue 17): the engine's forecast from an as-of date over HTTP, on the worker pool,
 * bit-identical to `forecast()` in this thread for the same trials and seed; bad input is a 400 naming
 * the field, never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecast, forecastPrecisionTracker, prepareForecast, reportPrepared, synthesize, type ForecastReport } from '../../engine/index.js';
import { runBaseThenRest } from '../../parallel/index.js';
import type { SalesimApp } from '../../server/app.js';
import { post, testApp } from './helpers.js';

type Json = Record<string, any>;

/** A small team with a hiring block (so "hire N now" applies) and no quota (so the plan must be given). */
const SCENARIO = {
  name: 'forecast test',
  horizonMonths: 12,
  reps: { seats: 6, opportunitiesPerMonth: 4, winRate: { mean: 0.3, concentration: 10 }, dealSize: { median: 20000, sigma: 0.7 }, cycleMonths: 2 },
  hiring: { timeToFillMonths: 2 },
};
const history = synthesize(SCENARIO, { months: 9, start: '2025-01', seed: 3, roster: true });
/** About the median year total of this export at 2025-06-30 (from a run of 200 trials), so P(plan) is far from 0 and 1. */
const PLAN = 2_600_000;
const TRIALS = 200;

let app: SalesimApp;
beforeAll(() => {
  app = testApp();
});
afterAll(async () => {
  await app.close();
});

async function errorsOf(res: Response): Promise<Json[]> {
  expect(res.status).toBe(400);
  const body = (await res.json()) as Json;
  expect(Array.isArray(body.errors)).toBe(true);
  for (const e of body.errors as Json[]) {
    expect(typeof e.rule).toBe('string');
    expect(e.message).not.toMatch(/at .*\.ts:\d+|TypeError|Cannot read/);
  }
  return body.errors as Json[];
}

describe('POST /api/forecast', () => {
  it("answers the engine's forecast (roster, an intervention, the start of the year) for the same trials and seed", async () => {
    const input = { opportunities: history.opportunities, roster: history.roster!, scenario: SCENARIO, asOf: '2025-06-30', plan: PLAN };
    const actions = [{ name: 'hire 3 now', hire: { seats: 3 } }];
    const res = await post(app, '/api/forecast', { ...input, actions, trials: TRIALS, seed: 5 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ForecastReport;
    const direct = forecast(input, { trials: TRIALS, seed: 5, actions });
    expect(body).toEqual(JSON.parse(JSON.stringify(direct)));
    // the report's shape as the playground reads it
    expect(body.team.source).toBe('roster');
    expect(body.now.pPlan).toBeGreaterThan(0);
    expect(body.now.pPlan).toBeLessThan(1);
    expect(body.now.pPlanInterval[0]).toBeLessThanOrEqual(body.now.pPlan);
    expect(body.now.pPlanInterval[1]).toBeGreaterThanOrEqual(body.now.pPlan);
    expect(body.fan.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    expect(body.fan.slice(0, 6).every((m) => m.actual !== null)).toBe(true);
    expect(body.fan.slice(6).every((m) => m.actual === null)).toBe(true);
    expect(body.fan[5].actual).toBeCloseTo(body.booked, 6);
    expect(body.startOfYear).not.toBeNull();
    expect(body.variants.map((v) => v.name)).toEqual(['hire 3 now']);
  }, 60_000);

  it('takes the scenario as YAML text and defaults trials and seed to the scenario\'s', async () => {
    const yaml = `name: yaml\nhorizonMonths: 12\ntrials: 40\nseed: 9\nreps:\n  seats: 6\n  opportunitiesPerMonth: 4\n  winRate: { mean: 0.3, concentration: 10 }\n  dealSize: { median: 20000, sigma: 0.7 }\n  cycleMonths: 2\n`;
    const res = await post(app, '/api/forecast', { opportunities: history.opportunities, scenario: yaml, asOf: '2025-05-31', plan: PLAN });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ForecastReport;
    expect([body.trials, body.seed]).toEqual([40, 9]);
    expect(body).toEqual(JSON.parse(JSON.stringify(forecast({ opportunities: history.opportunities, scenario: yaml, asOf: '2025-05-31', plan: PLAN }, { trials: 40, seed: 9 }))));
  }, 60_000);

  it('precision: runs until P(plan | bookings to date) holds its target; the answer is the forecast of the trials used, plus the report', async () => {
    const input = { opportunities: history.opportunities, roster: history.roster!, scenario: SCENARIO, asOf: '2025-06-30', plan: PLAN };
    const res = await post(app, '/api/forecast', { ...input, seed: 5, precision: 'p_plan=0.05' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ForecastReport & { precision: Json };
    expect(body.precision).toMatchObject({ spec: 'p_plan=0.05', met: true, trials: body.trials });
    expect(body.precision.targets[0].reached).toBeLessThanOrEqual(0.05);
    const { precision: _p, ...rest } = body;
    expect(rest).toEqual(JSON.parse(JSON.stringify(forecast(input, { trials: body.trials, seed: 5 }))));
  }, 60_000);

  it('no trial count anywhere (body, scenario as written): the default precision, capped by maxTrials; maxTrials beside a trial count is refused', async () => {
    const input = { opportunities: history.opportunities, roster: history.roster!, scenario: SCENARIO, asOf: '2025-06-30', plan: PLAN };
    const body = (await (await post(app, '/api/forecast', { ...input, seed: 5, maxTrials: 400 })).json()) as ForecastReport & { precision: Json };
    expect(body.precision).toMatchObject({ spec: 'p_plan=0.01,revenue=0.5%', default: true, maxTrials: 400 });
    expect(body.trials).toBe(body.precision.trials);
    const errors = await errorsOf(await post(app, '/api/forecast', { ...input, trials: 50, maxTrials: 400 }));
    expect(errors[0].path).toBe('maxTrials');
  }, 60_000);

  it("point: the scenario's uncertainty block is ignored, as salesim forecast --point does; the report says so", async () => {
    const uncertain = { ...SCENARIO, uncertainty: { parameters: [{ path: 'reps.winRate.mean', distribution: { uniform: [0.2, 0.4] } }] } };
    const input = { opportunities: history.opportunities, roster: history.roster!, scenario: uncertain, asOf: '2025-06-30', plan: PLAN };
    const drawn = (await (await post(app, '/api/forecast', { ...input, trials: 60, seed: 2 })).json()) as ForecastReport;
    expect(drawn.parameterUncertainty.paths).toEqual(['reps.winRate.mean']);
    const res = await post(app, '/api/forecast', { ...input, point: true, trials: 60, seed: 2 });
    expect(res.status).toBe(200);
    const point = (await res.json()) as ForecastReport;
    expect(point.parameterUncertainty.paths).toEqual([]);
    // the same forecast as the scenario written without the block (what the CLI's --point reads)
    expect(point).toEqual(JSON.parse(JSON.stringify(forecast({ ...input, scenario: SCENARIO }, { trials: 60, seed: 2 }))));
    const bad = await errorsOf(await post(app, '/api/forecast', { ...input, point: 'yes' }));
    expect(bad.map((e) => e.path)).toEqual(['point']);
  });

  it('precision: the forecast from today decides the trials (salesim forecast --precision), the interventions take as many, the answer says so', async () => {
    const input = { opportunities: history.opportunities, roster: history.roster!, scenario: SCENARIO, asOf: '2025-06-30', plan: PLAN };
    const actions = [{ name: 'hire 2 now', hire: { seats: 2 } }];
    const res = await post(app, '/api/forecast', { ...input, actions, precision: 'p_plan=0.05', maxTrials: 4000, seed: 3 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ForecastReport & { precision: { spec: string; trials: number; maxTrials: number; met: boolean } };
    expect(body.precision).toMatchObject({ spec: 'p_plan=0.05', maxTrials: 4000, met: true });
    expect(body.trials).toBe(body.precision.trials);
    expect(body.trials).toBeLessThan(4000);
    // the CLI's run in this thread: the same trials and the same report
    const prepared = prepareForecast(input, actions);
    const tracker = forecastPrecisionTracker(prepared.setup, 'p_plan=0.05');
    const { results } = await runBaseThenRest(prepared.scenarios, tracker, { seed: 3, maxTrials: 4000 });
    expect({ ...body, precision: undefined }).toEqual(JSON.parse(JSON.stringify({ ...reportPrepared(prepared, results, 3), precision: undefined })));
    // a target the forecast does not take, and trials with precision, are 400s naming the field
    expect((await errorsOf(await post(app, '/api/forecast', { ...input, precision: 'diff=1000' })))[0].path).toBe('precision');
    expect((await errorsOf(await post(app, '/api/forecast', { ...input, precision: 'p_plan=0.05', trials: 100 })))[0].path).toBe('trials');
  });

  it('400 naming asOf when the date is outside the export', async () => {
    const errors = await errorsOf(await post(app, '/api/forecast', { opportunities: history.opportunities, scenario: SCENARIO, asOf: '2030-06-30', plan: PLAN, trials: 5 }));
    expect(errors[0].path).toBe('asOf');
    expect(errors[0].message).toMatch(/outside the export/);
  });

  it('400 naming plan when it is missing and the scenario has no quota', async () => {
    const errors = await errorsOf(await post(app, '/api/forecast', { opportunities: history.opportunities, scenario: SCENARIO, asOf: '2025-06-30', trials: 5 }));
    expect(errors[0].path).toBe('plan');
    expect(errors[0].message).toMatch(/quota/);
  });

  it("400 naming the roster's row and column for a territory the scenario does not have", async () => {
    const lines = history.roster!.split('\n');
    const cells = lines[2].split(',');
    cells[1] = 'Atlantis';
    lines[2] = cells.join(',');
    const errors = await errorsOf(await post(app, '/api/forecast', { opportunities: history.opportunities, roster: lines.join('\n'), scenario: SCENARIO, asOf: '2025-06-30', plan: PLAN, trials: 5 }));
    expect(errors[0].path).toBe('roster.rows[3].Territory'); // spreadsheet numbering: the header is row 1
    expect(errors[0].message).toMatch(/Atlantis/);
  });

  it('400 naming the action when "hire N now" meets a scenario without a hiring block', async () => {
    const { hiring: _h, ...noHiring } = SCENARIO;
    const errors = await errorsOf(
      await post(app, '/api/forecast', { opportunities: history.opportunities, scenario: noHiring, asOf: '2025-06-30', plan: PLAN, trials: 5, actions: [{ name: 'hire 2', hire: { seats: 2 } }] }),
    );
    expect(errors[0].path).toBe('actions[0].hire');
    expect(errors[0].message).toMatch(/hiring block/);
  });

  it('400s for the shape of the body, every field named at once', async () => {
    const errors = await errorsOf(
      await post(app, '/api/forecast', { scenario: 'no-such-preset', asOf: 20250630, plan: -1, trials: 0, actions: [{ name: 'x', hire: 3 }, { name: '', patch: {}, hire: { seats: 1 } }], extra: 1 }),
    );
    const paths = errors.map((e) => e.path);
    for (const p of ['extra', 'opportunities', 'asOf', 'plan', 'trials', 'scenario', 'actions[0].hire', 'actions[1].name', 'actions[1]']) expect(paths).toContain(p);
  });

  it('takes a preset by name', async () => {
    const errors = await errorsOf(await post(app, '/api/forecast', { opportunities: history.opportunities, scenario: 'baseline', asOf: '2030-06-30', trials: 5 }));
    expect(errors.map((e) => e.path)).toEqual(['asOf']); // the preset was read; only the date is wrong
  });

  it('/forecast/sample: a synthetic export of the scenario that the forecast takes, at its as-of date', async () => {
    const res = await post(app, '/api/forecast/sample', { scenario: SCENARIO, seed: 3 });
    expect(res.status).toBe(200);
    const sample = (await res.json()) as Json;
    const direct = synthesize(SCENARIO, { months: 12, start: '2025-01', seed: 3, roster: true });
    expect(sample).toEqual({ opportunities: direct.opportunities, roster: direct.roster, asOf: '2025-06-30', warnings: direct.warnings });
    const f = await post(app, '/api/forecast', { opportunities: sample.opportunities, roster: sample.roster, scenario: SCENARIO, asOf: sample.asOf, plan: PLAN, trials: 20, seed: 1 });
    expect(f.status).toBe(200);
    const errors = await errorsOf(await post(app, '/api/forecast/sample', { scenario: { reps: { seats: -1 } }, seed: -2 }));
    expect(errors.map((e) => e.path)).toContain('seed');
  }, 60_000);
});
