/**
 * Issue 32: every route refuses what the engine cannot run (400 naming the field) and work over the
 * budget (422 naming the field that drives the cost and the largest value that fits), before any run
 * starts; the scenario store validates as the runner does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, small, testApp } from './helpers.js';
import type { SalesimApp } from '../../server/app.js';

type Json = { errors: { path: string | null; rule: string; message: string }[] };
let app: SalesimApp;
beforeAll(() => {
  app = testApp();
});
afterAll(() => app.close());

const denormal = small({ reps: { ...small().reps, winRate: { mean: 0.3, concentration: 5e-324 } } });
const bodies = (s: unknown): [string, unknown][] => [
  ['/api/simulate', { scenario: s }],
  ['/api/simulate/stream', { scenario: s }],
  ['/api/compare', { baseline: s, variants: [{ name: 'v', scenario: s }] }],
  ['/api/sensitivity', { scenario: s }],
  ['/api/solve', { scenario: s, vary: 'reps.seats', target: 'mean(revenue) >= 1' }],
  ['/api/forecast/sample', { scenario: s }],
  ['/api/scenarios', { scenario: s }],
];

async function errorOf(path: string, body: unknown, status: number): Promise<Json['errors'][number]> {
  const res = await post(app, path, body);
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(status);
  const j = (await res.json()) as Json;
  return j.errors[0];
}

describe('what the engine cannot run is a 400 naming the field, on every route and in the store', () => {
  it.each(bodies(denormal))('%s refuses a denormal winRate concentration', async (path, body) => {
    const e = await errorOf(path, body, 400);
    expect(e.path).toMatch(/reps\.winRate\.concentration$/);
  });
  it.each(bodies(small({ reps: { ...small().reps, cycleMonths: 1e308 } })))('%s refuses cycleMonths 1e308', async (path, body) => {
    expect((await errorOf(path, body, 400)).path).toMatch(/reps\.cycleMonths$/);
  });
  it.each(bodies(small({ reps: { ...small().reps, opportunitiesPerMonth: 1e21 } })))('%s refuses opportunitiesPerMonth 1e21', async (path, body) => {
    expect((await errorOf(path, body, 400)).path).toMatch(/reps\.opportunitiesPerMonth$/);
  });
  it.each(bodies(small({ reps: { ...small().reps, opportunitiesPerMonth: 1e9 } })))('%s refuses a rate whose counts would wrap, with the largest value that fits', async (path, body) => {
    const e = await errorOf(path, body, 400);
    expect(e.path).toMatch(/reps\.opportunitiesPerMonth$/);
    expect(e.message).toContain('the largest value that fits is 33333333');
  });
});

describe('work over the budget is a 422 naming the field that drives it', () => {
  it('1,000,000 initial customers are counted', async () => {
    const s = small({ trials: 2000, customers: { annualChurn: 0.1, initial: { count: 1_000_000, arr: 1000 } } });
    const e = await errorOf('/api/simulate', { scenario: s }, 422);
    expect(e.path).toBe('customers.initial.count');
    expect(e.message).toMatch(/the largest value that fits is \d+/);
  });
  it('a large rate with every deal recorded (customers) is counted by its events', async () => {
    const s = small({ horizonMonths: 12, trials: 20, reps: { ...small().reps, seats: 6, opportunitiesPerMonth: 1e7 }, customers: { annualChurn: 0.1 } });
    const e = await errorOf('/api/simulate', { scenario: s }, 422);
    expect(e.path).toBe('reps.opportunitiesPerMonth');
  });
  it.each([
    ['/api/compare', { baseline: small({ reps: { ...small().reps, seats: 100_000 }, horizonMonths: 120 }), variants: [{ name: 'v', scenario: small({ reps: { ...small().reps, seats: 100_000 }, horizonMonths: 120 }) }], trials: 2000 }],
    ['/api/sensitivity', { scenario: small({ reps: { ...small().reps, seats: 100_000 }, horizonMonths: 120 }), trials: 2000 }],
    ['/api/solve', { scenario: small({ reps: { ...small().reps, seats: 100_000 }, horizonMonths: 120 }), vary: 'reps.winRate', target: 'mean(revenue) >= 1', trials: 2000 }],
    ['/api/simulate/stream', { scenario: small({ reps: { ...small().reps, seats: 100_000 }, horizonMonths: 120 }), trials: 2000 }],
  ])('%s with 100,000 seats', async (path, body) => {
    const e = await errorOf(path, body, 422);
    expect(['reps.seats', 'trials']).toContain(e.path);
    expect(e.rule).toBe('work budget');
  });
  it('a synthetic export over the row cap names the field', async () => {
    const e = await errorOf('/api/forecast/sample', { scenario: small({ reps: { ...small().reps, seats: 100_000 } }) }, 400);
    expect(e.path).toBe('reps.opportunitiesPerMonth');
    expect(e.message).toMatch(/the largest value that fits is \d+/);
  });
});
