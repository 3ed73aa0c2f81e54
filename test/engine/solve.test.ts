/**
 * Goal seek against a closed form: on the core model (fixed win rate w and deal size D, steady-state
 * pipeline, no attrition or hiring) a rep's wins are Poisson(r w) a month, so N reps' revenue over H
 * months is D x Poisson(N r w H) and P(revenue >= plan) = P(Poisson(N r w H) >= plan / D) exactly.
 */
import { describe, expect, it } from 'vitest';
import { InputError, parseScenario, parseTarget, solve } from '../../engine/index.js';

/** P(Poisson(lam) >= k), summed from the pmf. */
function poissonAtLeast(lam: number, k: number): number {
  let p = Math.exp(-lam),
    below = 0;
  for (let i = 0; i < k; i++) {
    below += p;
    p *= lam / (i + 1);
  }
  return 1 - below;
}

const core = (r: number, w: number, H: number, plan: number, seats = 10) =>
  parseScenario({ horizonMonths: H, reps: { seats, opportunitiesPerMonth: r, winRate: w, dealSize: 1 }, quota: { method: 'flat', plan } });

describe('solve', () => {
  it.each([
    [3, 0.2, 12, 150, 0.8],
    [4, 0.25, 6, 240, 0.8],
  ])('r %d, w %d, H %d, plan %d: the smallest seat count with exact P(plan) >= %d', (r, w, H, plan, goal) => {
    const trials = 2000;
    // quota.plan is annual: the horizon's plan is plan x H / 12
    const planTotal = (plan * H) / 12;
    const exact = (n: number) => poissonAtLeast(n * r * w * H, Math.ceil(planTotal));
    let nStar = 1;
    while (exact(nStar) < goal) nStar++;
    // the closed-form answer is clear of the simulation's SE band (3 SE), so the simulated answer must equal it
    const se = Math.sqrt((goal * (1 - goal)) / trials);
    expect(exact(nStar) - goal).toBeGreaterThan(3 * se);
    expect(goal - exact(nStar - 1)).toBeGreaterThan(3 * se);
    const res = solve(core(r, w, H, plan), { vary: 'reps.seats', target: `P(plan) >= ${goal}`, min: 1, max: 60, trials, seed: 3 });
    expect(res.answer?.x).toBe(nStar);
    expect(res.direction).toBe('smallest');
    expect(Math.abs(res.answer!.value - exact(nStar))).toBeLessThan(4 * Math.sqrt((exact(nStar) * (1 - exact(nStar))) / trials));
    expect(res.neighbours.map((p) => p.x)).toEqual([nStar - 1, nStar + 1]);
    expect(res.neighbours[0].met).toBe(false);
    expect(res.plan).toBeCloseTo(planTotal, 9);
  });
  it('widens the default range (doubling) when the target lies beyond it, and finds the same answer', () => {
    // 10 seats now: the default range is [0, 20]; the exact answer (r 3, w 0.2, H 12, plan 150) is above 20
    const exact = (n: number) => poissonAtLeast(n * 3 * 0.2 * 12, 150);
    let nStar = 1;
    while (exact(nStar) < 0.8) nStar++;
    expect(nStar).toBeGreaterThan(20);
    const res = solve(core(3, 0.2, 12, 150), { vary: 'reps.seats', target: 'P(plan) >= 0.8', trials: 2000, seed: 3 });
    expect(res.range[1]).toBe(40);
    expect(res.answer?.x).toBe(nStar);
  });

  it('finds the largest value when the target falls with the parameter, on a mean target', () => {
    // mean revenue = N r (1 - nd) w H D: with 10 reps, r 3, w 0.2, H 12: 72 (1 - nd) >= 54 <=> nd <= 0.25
    const s = parseScenario({ horizonMonths: 12, reps: { seats: 10, opportunitiesPerMonth: 3, winRate: 0.2, dealSize: 1, noDecisionRate: 0.1 } });
    const res = solve(s, { vary: 'reps.noDecisionRate', target: 'mean(revenue) >= 54', min: 0, max: 0.6, tolerance: 0.01, trials: 2000, seed: 1 });
    expect(res.direction).toBe('largest');
    // mean SE ≈ sqrt(72 (1 - nd)) / sqrt(2000) / 72 in units of nd: about 0.003; bisection tolerance 0.01
    expect(Math.abs(res.answer!.x - 0.25)).toBeLessThan(0.02);
  });
  it('says so when no value in range meets the target', () => {
    const res = solve(core(3, 0.2, 12, 150), { vary: 'reps.seats', target: 'P(plan) >= 0.99', min: 1, max: 5, trials: 200, seed: 1 });
    expect(res.answer).toBeNull();
    expect(res.message).toMatch(/^no value of reps\.seats in \[1, 5\] meets P\(plan\) >= 0\.99: the closest is at 5/);
  });
  it('rejects bad targets and parameters with the field named', () => {
    expect(parseTarget('P50(revenue) >= 1e6')).toMatchObject({ stat: 'P50', metric: 'revenue', op: '>=', value: 1e6 });
    const msg = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof InputError) return e.errors[0].message;
        throw e;
      }
      return '';
    };
    expect(msg(() => parseTarget('P(revenue) >= 0.8'))).toMatch(/^target: P\(\.\.\.\) is the probability of plan/);
    expect(msg(() => parseTarget('P(plan) >= 80'))).toMatch(/^target: a probability target must be between 0 and 1/);
    expect(msg(() => solve(core(3, 0.2, 12, 150), { vary: 'reps.winRat', target: 'P(plan) >= 0.8' }))).toMatch(/^vary: reps\.winRat is not a numeric field/);
    expect(msg(() => solve(core(3, 0.2, 12, 150), { vary: 'reps.seats', target: 'P(plan) >= 0.8', min: 5, max: 2 }))).toMatch(/^range: min must be below max/);
    const noPlan = parseScenario({ reps: { seats: 2, opportunitiesPerMonth: 1, winRate: 0.2, dealSize: 1 } });
    expect(msg(() => solve(noPlan, { vary: 'reps.seats', target: 'P(plan) >= 0.8' }))).toMatch(/^target: P\(plan\) needs a plan/);
  });
});
