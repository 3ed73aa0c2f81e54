/** `precision` in the request body: POST /api/simulate, /api/compare, /api/sensitivity, /api/solve. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, summarize, runTrials } from '../../engine/index.js';
import type { SalesimApp } from '../../server/app.js';
import { post, testApp } from './helpers.js';

type Json = Record<string, any>;
let app: SalesimApp;
beforeAll(() => {
  app = testApp();
});
afterAll(async () => {
  await app.close();
});

const core = { horizonMonths: 12, seed: 3, reps: { seats: 10, opportunitiesPerMonth: 3, winRate: 0.2, dealSize: 1 }, quota: { method: 'flat', plan: 150 } };

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
    [{ scenario: core, maxTrials: 100 }, 'maxTrials'],
    [{ scenario: core, precision: 'arr=1%' }, 'precision'],
    [{ scenario: core, precision: 'p_plan=0.01', maxTrials: 0 }, 'maxTrials'],
  ])('a bad body %j is a 400 naming %s', async (body, field) => {
    const res = await post(app, '/api/simulate', body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as Json;
    expect(JSON.stringify(json)).toContain(`"path":"${field}"`);
  });
});
