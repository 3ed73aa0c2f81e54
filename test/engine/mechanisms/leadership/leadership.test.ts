import { describe, expect, it } from 'vitest';
import { expectMoments } from '../../../helpers/stat.js';
import { scenario, simulate, totals, month, mean } from '../../../helpers/scenarios.js';
import { createLeaderState, disrupted, type LeaderParams } from '../../../../engine/mechanisms/leadership/leadership.js';

describe('leadership', () => {
  it('exponential tenure with no vacancy: T/m changes in T months, Poisson', () => {
    const s = scenario({ horizonMonths: 120, leadership: { tenureMonths: { mean: 10, shape: 1 } } }, { seats: 1 });
    const r = simulate(s, { trials: 3000, seed: 41 });
    expectMoments(r.leaderChanges, 12, 12);
  });
  it('any gamma shape: the equilibrium start gives exactly T/m expected changes (stationary renewal process)', () => {
    const s = scenario({ horizonMonths: 60, leadership: { tenureMonths: { mean: 19, shape: 3 } } }, { seats: 1 });
    const r = simulate(s, { trials: 4000, seed: 42 });
    expectMoments(r.leaderChanges, 60 / 19, null);
  });
  it('a change programme lifts win rates by (1 + lift) once in effect', () => {
    // a leader who never leaves and is long in post: the lift applies from month 1
    const s = scenario({ horizonMonths: 12, leadership: { tenureMonths: { mean: 1e9 }, changeProgram: { monthsToEffect: 12, winRateLift: 0.2 } } }, { winRate: 0.25, cycleMonths: 1 });
    const lam = 20 * 12 * 4 * 0.25 * 1.2;
    expectMoments(totals(simulate(s, { trials: 3000, seed: 43 })), lam, lam);
  });
  it('programmes are lost when the leader leaves before they take effect', () => {
    const never = simulate(scenario({ horizonMonths: 60, leadership: { tenureMonths: { mean: 10 }, changeProgram: { monthsToEffect: 0, winRateLift: 0.1 } } }, { seats: 1 }), { trials: 200, seed: 44 });
    expect(mean(never.programmesLost)).toBe(0);
    const always = simulate(scenario({ horizonMonths: 60, leadership: { tenureMonths: { mean: 10 }, changeProgram: { monthsToEffect: 1e6, winRateLift: 0.1 } } }, { seats: 1 }), { trials: 200, seed: 44 });
    expect(Array.from(always.programmesLost)).toEqual(Array.from(always.leaderChanges));
  });
  it('a vacancy leaves months without a leader, and the disruption window follows each exit', () => {
    const s = scenario(
      { horizonMonths: 48, leadership: { tenureMonths: { mean: 8 }, vacancyMonths: 2, disruption: { months: 3, productivityDip: 1, attritionMultiplier: 1 } } },
      { seats: 10, cycleMonths: 1, winRate: 1 },
    );
    const r = simulate(s, { trials: 300, seed: 45 });
    expect(mean(r.monthsWithoutLeader)).toBeGreaterThan(0);
    // a dip of 1 stops all arrivals; with cycle 1 nothing is left to resolve in a disrupted month
    let disruptedMonths = 0;
    for (let i = 0; i < r.revenue.length; i++) {
      if (r.disrupted[i] === 1) {
        disruptedMonths++;
        expect(r.revenue[i]).toBe(0);
      }
    }
    expect(disruptedMonths).toBeGreaterThan(0);
  });
  it('the disruption window is the months after the exit month', () => {
    const p = { disruptionMonths: 3 } as LeaderParams;
    const L = createLeaderState();
    L.lastExitMonth = 5;
    expect([5, 6, 7, 8, 9].map((m) => disrupted(L, p, m))).toEqual([false, true, true, true, false]);
  });
  it('an impatient board replaces the leader at quarter ends after the grace period', () => {
    // plan far above what the team can sell: every check fails. Incumbent (long in post) goes at month 3,
    // each successor after 6 months: exits at 3, 9, 15, 21
    const s = scenario(
      { horizonMonths: 24, leadership: { tenureMonths: { mean: 1e9 }, impatience: { graceMonths: 6, attainmentBelow: 0.85 } }, quota: { annualPerRep: 1e6 } },
      { seats: 5 },
    );
    const r = simulate(s, { trials: 20, seed: 46 });
    expect(Array.from(new Set(r.leaderChanges))).toEqual([4]);
    const easy = simulate(scenario({ horizonMonths: 24, leadership: { tenureMonths: { mean: 1e9 }, impatience: { graceMonths: 6, attainmentBelow: 0.85 } }, quota: { annualPerRep: 1 } }, { seats: 5 }), { trials: 20, seed: 46 });
    expect(mean(easy.leaderChanges)).toBe(0);
  });
  it('disruption raises attrition by its multiplier', () => {
    // the leader leaves at once and again and again (mean 0.5 months): nearly every month is disrupted
    const mk = (mult: number) =>
      scenario({ horizonMonths: 12, attrition: { annualRate: 0.2 }, leadership: { tenureMonths: { mean: 0.01 }, disruption: { months: 12, attritionMultiplier: mult } } }, { seats: 200 });
    const base = simulate(mk(1), { trials: 200, seed: 47 });
    const high = simulate(mk(2), { trials: 200, seed: 47 });
    // months 2..12 are disrupted in every trial (an exit happens in month 1)
    const q = 1 - 0.8 ** (1 / 12);
    const survive = (h: number) => 200 * (1 - q) * (1 - h) ** 11;
    expectMoments(month(base.headcount, base, 12), survive(q), null);
    expectMoments(month(high.headcount, high, 12), survive(2 * q), null);
  });
});
