/**
 * POST /api/solve (goal seek on a worker) gives the engine's answer; bad input is a 400 naming the field.
 * POST /api/simulate accepts uncertain inputs with correlation and returns the variance-contribution
 * tornado, identical to the engine run in-process (the workers share the design).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, simulate, solve, summarize } from '../../engine/index.js';
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

const core = { horizonMonths: 12, reps: { seats: 10, opportunitiesPerMonth: 3, winRate: 0.2, dealSize: 1 }, quota: { method: 'flat', plan: 150 } };

describe('POST /api/solve', () => {
  it("gives the engine's goal-seek answer", async () => {
    const body = { scenario: core, vary: 'reps.seats', target: 'P(plan) >= 0.8', min: 1, max: 40, trials: 300, seed: 2 };
    const res = await post(app, '/api/solve', body);
    expect(res.status).toBe(200);
    const json = (await res.json()) as Json;
    const direct = solve(parseScenario(core), { vary: 'reps.seats', target: 'P(plan) >= 0.8', min: 1, max: 40, trials: 300, seed: 2 });
    expect(json).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(json.answer.x).toBeGreaterThan(15);
  });
  it('answers bad input with 400 and the field', async () => {
    const a = await post(app, '/api/solve', { scenario: core, vary: 'reps.seats', target: 'P(plan) >= 2' });
    expect(a.status).toBe(400);
    expect(((await a.json()) as Json).errors[0].path).toBe('target');
    const b = await post(app, '/api/solve', { scenario: core, target: 'P(plan) >= 0.8', min: 'x' });
    expect(b.status).toBe(400);
    expect(((await b.json()) as Json).errors.map((e: Json) => e.path).sort()).toEqual(['min', 'vary']);
  });
});

describe('POST /api/simulate with uncertain inputs', () => {
  it('returns the draws, rank correlations and SRRC² tornado of the engine', async () => {
    const scenario = {
      ...core,
      reps: { ...core.reps, winRate: { pert: [0.15, 0.2, 0.3] }, opportunitiesPerMonth: { normal: { mean: 3, sd: 0.5 } } },
      uncertainty: { correlations: [{ between: ['reps.winRate', 'reps.opportunitiesPerMonth'], rho: 0.4 }] },
    };
    const res = await post(app, '/api/simulate', { scenario, trials: 400, seed: 3 });
    expect(res.status).toBe(200);
    const json = (await res.json()) as Json;
    const s = parseScenario(scenario);
    const direct = JSON.parse(JSON.stringify(summarize(s, simulate(s, { trials: 400, seed: 3 }), { seed: 3 }).uncertainty));
    expect(json.uncertainty).toEqual(direct);
    expect(json.uncertainty.contribution.parameters).toHaveLength(2);
    const bad = await post(app, '/api/simulate', { scenario: { ...scenario, uncertainty: { correlations: [{ between: ['reps.winRate', 'reps.dealSize'], rho: 0.4 }] } } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).errors[0].path).toBe('uncertainty.correlations[0].between[1]');
  });
});
