/** `precision` in the request body: POST /api/simulate, /api/compare, /api/sensitivity, /api/solve. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockBoundaries, parseScenario, summarize, runTrials } from '../../engine/index.js';
import type { SalesimApp } from '../../server/app.js';
import { post, readSse, testApp } from './helpers.js';

type Json = Record<string, any>;
let app: SalesimApp;
beforeAll(() => {
  app = testApp();
});
afterAll(async () => {
  await app.close();
});

const core = { horizonMonths: 12, seed: 3, reps: { seats: 10, opportunitiesPerMonth: 3, winRate: 0.2, dealSize: 1 }, quota: { method: 'flat', plan: 150 } };

describe('the default precision: a request that names no trial count anywhere', () => {
  it('answers to P(plan) ± 0.01 and mean revenue ± 0.5%: the Summary of the trials used, with its report', async () => {
    const res = await post(app, '/api/simulate', { scenario: core });
    expect(res.status).toBe(200);
    const json = (await res.json()) as Json;
    expect(json.precision).toMatchObject({ spec: 'p_plan=0.01,revenue=0.5%', default: true, met: true, trials: json.trials });
    expect(json.precision.targets[0].reached).toBeLessThanOrEqual(0.01);
    expect(json.precision.targets[0].reached).toBeCloseTo((json.plan.ci[1] - json.plan.ci[0]) / 2, 14);
    const asked = (await (await post(app, '/api/simulate', { scenario: core, precision: 'p_plan=0.01,revenue=0.5%' })).json()) as Json;
    expect({ ...asked.precision, default: true }).toEqual(json.precision);
    expect(asked.revenue).toEqual(json.revenue);
  }, 60_000);

  it('the same for YAML text; maxTrials caps it; trials in the body or in the scenario run exactly that many', async () => {
    const yaml = 'horizonMonths: 12\nseed: 3\nreps: { seats: 10, opportunitiesPerMonth: 3, winRate: 0.2, dealSize: 1 }\nquota: { method: flat, plan: 150 }\n';
    const capped = (await (await post(app, '/api/simulate', { yaml, maxTrials: 300 })).json()) as Json;
    expect(capped.precision).toMatchObject({ default: true, maxTrials: 300, trials: 300, met: false });
    const body = (await (await post(app, '/api/simulate', { scenario: core, trials: 120 })).json()) as Json;
    expect(body.trials).toBe(120);
    expect(body.precision).toBeUndefined();
    const own = (await (await post(app, '/api/simulate', { yaml: `trials: 150\n${yaml}` })).json()) as Json;
    expect(own.trials).toBe(150);
    expect(own.precision).toBeUndefined();
  }, 60_000);

  it('a precision run streams a progress event per block: the trials done on the block schedule, the cap and the precision so far', async () => {
    const res = await post(app, '/api/simulate/stream', { scenario: core, precision: 'p_plan=0.03' });
    expect(res.status).toBe(200);
    const events = await readSse(res);
    const progress = events.filter((e) => e.event === 'progress').map((e) => JSON.parse(e.data) as Json);
    const result = JSON.parse(events.find((e) => e.event === 'result')!.data) as Json;
    expect(events.at(-1)!.event).toBe('result');
    // one event per block, in trial order, on the engine's schedule
    expect(progress.map((p) => p.done)).toEqual(blockBoundaries(result.precision.maxTrials).slice(1, progress.length + 1));
    expect(progress.at(-1)!.done).toBe(result.trials);
    for (const p of progress) {
      expect(p.summary).toBeUndefined();
      expect(p.total).toBe(result.precision.maxTrials);
      expect(p.precision.trials).toBe(p.done);
    }
    // every block before the last had not met the target; the last one is the result's report
    expect(progress.slice(0, -1).every((p) => p.precision.met === false)).toBe(true);
    expect(progress.at(-1)!.precision).toEqual(result.precision);
    // the precision so far is the Wilson half-width of the first `done` trials' P(plan)
    const mid = progress[Math.floor(progress.length / 2)];
    const s = parseScenario(core);
    const direct = summarize(s, runTrials(s, 3, 0, mid.done), { seed: 3 });
    expect(mid.precision.targets[0].reached).toBeCloseTo((direct.plan!.ci[1] - direct.plan!.ci[0]) / 2, 14);
  }, 60_000);
});

describe('the default precision of compare and sensitivity', () => {
  const more = { ...core, name: 'more', reps: { ...core.reps, seats: 12 } };
  it('compare: no trials in the body, the request or its baseline: every design answers to the default; the same asked explicitly gives the same answer', async () => {
    const res = await post(app, '/api/compare', { baseline: core, variants: [{ name: 'more', scenario: more }] });
    expect(res.status).toBe(200);
    const json = (await res.json()) as Json;
    expect(json.precision).toMatchObject({ spec: 'p_plan=0.01,revenue=0.5%', default: true, met: true, trials: json.trials });
    expect(json.trials).toBeGreaterThan(2000);
    const asked = (await (await post(app, '/api/compare', { baseline: core, variants: [{ name: 'more', scenario: more }], precision: 'p_plan=0.01,revenue=0.5%' })).json()) as Json;
    expect(asked.trials).toBe(json.trials);
    expect(asked.variants[0].difference.revenue).toEqual(json.variants[0].difference.revenue);
    // maxTrials alone caps the default
    const capped = (await (await post(app, '/api/compare', { baseline: core, variants: [{ name: 'more', scenario: more }], maxTrials: 300 })).json()) as Json;
    expect(capped.precision).toMatchObject({ default: true, maxTrials: 300, trials: 300, met: false });
  }, 120_000);

  it('compare: a trial count in the body, the request or the baseline runs exactly that many; maxTrials with one is refused', async () => {
    const own = (await (await post(app, '/api/compare', { baseline: { ...core, trials: 150 }, variants: [{ name: 'more', scenario: more }] })).json()) as Json;
    expect(own.trials).toBe(150);
    expect(own.precision).toBeUndefined();
    const req = (await (await post(app, '/api/compare', { baseline: core, variants: [{ name: 'more', scenario: more }], trials: 120 })).json()) as Json;
    expect(req.trials).toBe(120);
    // a preset names its trials (every preset file does)
    const preset = (await (await post(app, '/api/compare', { baseline: 'baseline', variants: [{ name: 'hire', patch: { hiring: { plan: [{ month: 1, seats: 2 }] } } }], trials: 40 })).json()) as Json;
    expect(preset.trials).toBe(40);
    const bad = await post(app, '/api/compare', { baseline: core, variants: [{ name: 'more', scenario: more }], trials: 120, maxTrials: 300 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).errors[0].path).toBe('maxTrials');
  }, 60_000);

  it('sensitivity: no trials anywhere: the base scenario answers to the default precision and the low/high runs take its trials', async () => {
    const res = await post(app, '/api/sensitivity', { scenario: core, params: [{ path: 'reps.winRate' }] });
    expect(res.status).toBe(200);
    const json = (await res.json()) as Json;
    expect(json.precision).toMatchObject({ spec: 'p_plan=0.01,revenue=0.5%', default: true, met: true });
    expect(json.trials).toBe(json.precision.trials);
    const fixed = (await (await post(app, '/api/sensitivity', { scenario: core, params: [{ path: 'reps.winRate' }], trials: 100 })).json()) as Json;
    expect(fixed.trials).toBe(100);
    expect(fixed.precision).toBeUndefined();
    const bad = await post(app, '/api/sensitivity', { scenario: core, trials: 100, maxTrials: 300 });
    expect(bad.status).toBe(400);
  }, 120_000);
});

describe('precision in the request body', () => {
  it('simulate: runs until the target holds; the Summary is the fixed run of the trials used, plus the report', async () => {
    const res = await post(app, '/api/simulate', { scenario: core, precision: 'p_plan=0.03' });
    expect(res.status).toBe(200);
    const json = (await res.json()) as Json;
    expect(json.precision).toMatchObject({ spec: 'p_plan=0.03', met: true, trials: json.trials });
    expect(json.precision.maxTrials).toBeGreaterThan(json.trials);
    const s = parseScenario(core);
    const direct = JSON.parse(JSON.stringify(summarize(s, runTrials(s, 3, 0, json.trials), { seed: 3 })));
    expect({ ...json, meta: null, precision: null }).toEqual({ ...direct, meta: null, precision: null });
  });

  it('compare, sensitivity and solve take it too', async () => {
    const compare = (await (await post(app, '/api/compare', { baseline: core, variants: [{ name: 'more', patch: { reps: { seats: 11 } } }], precision: 'diff=2', maxTrials: 30000 })).json()) as Json;
    expect(compare.precision).toMatchObject({ met: true, maxTrials: 30000, trials: compare.trials });
    const sens = (await (await post(app, '/api/sensitivity', { scenario: core, params: [{ path: 'reps.winRate' }], precision: 'revenue=2%' })).json()) as Json;
    expect(sens.precision, JSON.stringify(sens).slice(0, 400)).toMatchObject({ met: true, trials: sens.trials });
    const solveRes = await post(app, '/api/solve', { scenario: core, vary: 'reps.seats', target: 'P(plan) >= 0.8', min: 1, max: 40, precision: 'bracket', maxTrials: 2000 });
    expect(solveRes.status).toBe(200);
    const solved = (await solveRes.json()) as Json;
    expect(solved.precision).toMatchObject({ spec: 'bracket', trials: solved.trials, maxTrials: 2000 });
  }, 60_000);

  it.each([
    [{ scenario: core, precision: 5 }, 'precision'],
    [{ scenario: core, precision: 'p_plan=2' }, 'precision'],
    [{ scenario: core, precision: 'p_plan=0.01', trials: 100 }, 'trials'],
    [{ scenario: { ...core, trials: 50 }, maxTrials: 100 }, 'maxTrials'],
    [{ scenario: core, trials: 50, maxTrials: 100 }, 'maxTrials'],
    [{ scenario: core, precision: 'arr=1%' }, 'precision'],
    [{ scenario: core, precision: 'p_plan=0.01', maxTrials: 0 }, 'maxTrials'],
  ])('a bad body %j is a 400 naming %s', async (body, field) => {
    const res = await post(app, '/api/simulate', body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as Json;
    expect(JSON.stringify(json)).toContain(`"path":"${field}"`);
  });
});
