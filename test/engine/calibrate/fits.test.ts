import { describe, expect, it } from 'vitest';
import { fitCycle } from '../../../engine/calibrate/fitCycle.js';
import { fitDealSize } from '../../../engine/calibrate/fitDealSize.js';
import { fitWinRate, betaBinomialLogLik } from '../../../engine/calibrate/fitWinRate.js';
import { fitTiers } from '../../../engine/calibrate/fitTiers.js';
import { fitArrivals } from '../../../engine/calibrate/fitArrivals.js';
import { fitRoster } from '../../../engine/calibrate/fitRoster.js';
import { fSurvival, logGamma, regularizedBeta } from '../../../engine/stats/special.js';

describe('special functions', () => {
  it('match closed forms', () => {
    for (let n = 1; n < 20; n++) {
      let f = 0;
      for (let k = 2; k < n; k++) f += Math.log(k);
      expect(logGamma(n)).toBeCloseTo(f, 10);
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regularizedBeta(0.3, 2, 1)).toBeCloseTo(0.09, 12);
    expect(regularizedBeta(0.3, 1, 3)).toBeCloseTo(1 - 0.7 ** 3, 12);
    expect(fSurvival(1, 10, 10)).toBeCloseTo(0.5, 10);
    // F(2, d2) has the closed-form survival (1 + 2f/d2)^(-d2/2)
    expect(fSurvival(3, 2, 8)).toBeCloseTo((1 + 6 / 8) ** -4, 10);
  });
});

describe('fits against closed forms', () => {
  it('cycle: geometric MLE with censoring and left truncation', () => {
    // resolved after 1, 2, 3 month-ends; one open for 4 month-ends; one created before the window (counts from `from`)
    const f = fitCycle(
      [
        { createdMonth: 10, resolvedMonth: 10, droppedMonth: null },
        { createdMonth: 10, resolvedMonth: 11, droppedMonth: null },
        { createdMonth: 11, resolvedMonth: 13, droppedMonth: null },
        { createdMonth: 10, resolvedMonth: null, droppedMonth: null },
        { createdMonth: 5, resolvedMonth: 11, droppedMonth: null },
        { createdMonth: 12, resolvedMonth: null, droppedMonth: 12 },
      ],
      10,
      13,
    );
    // at risk: 1 + 2 + 3 + 4 + 2 + 1 = 13 month-ends, 4 resolutions
    expect(f.exposure).toBe(13);
    expect(f.resolutions).toBe(4);
    expect(f.cycleMonths).toBeCloseTo(13 / 4, 12);
    const p = 4 / 13;
    expect(f.se).toBeCloseTo(1 / Math.sqrt(4 / p ** 2 + 9 / (1 - p) ** 2) / p ** 2, 12);
  });

  it('cycle: a deal resolved after the window counts as open at its end', () => {
    const f = fitCycle([{ createdMonth: 0, resolvedMonth: 9, droppedMonth: null }, { createdMonth: 0, resolvedMonth: 1, droppedMonth: null }], 0, 3);
    expect(f).toMatchObject({ resolutions: 1, exposure: 4 + 2 });
  });

  it('deal size: lognormal ML is the geometric mean and the RMS log deviation', () => {
    const f = fitDealSize(new Map([['a', [100, 400]], ['b', [200]]]));
    expect(f.median).toBeCloseTo(200, 10);
    const logs = [100, 400, 200].map(Math.log);
    const mu = Math.log(200);
    expect(f.sigma).toBeCloseTo(Math.sqrt(logs.reduce((a, b) => a + (b - mu) ** 2, 0) / 3), 12);
    expect(f.spread).toBe(0);
  });

  it('deal size: finds a per-rep spread only when reps differ (ANOVA F test)', () => {
    const same = new Map<string, number[]>();
    const diff = new Map<string, number[]>();
    for (let r = 0; r < 20; r++) {
      const xs = [0.8, 1, 1.25, 0.9, 1.1].map((x) => 1000 * x);
      same.set(`r${r}`, xs);
      diff.set(`r${r}`, xs.map((x) => x * Math.exp(0.5 * (r % 2 ? 1 : -1))));
    }
    expect(fitDealSize(same).spread).toBe(0);
    const d = fitDealSize(diff);
    expect(d.spreadTestP).toBeLessThan(1e-6);
    expect(d.spread).toBeGreaterThan(0.4);
    expect(d.spread).toBeLessThan(0.6);
  });

  it('win rate: the beta-binomial likelihood matches its closed form and the fit maximises it', () => {
    expect(betaBinomialLogLik([{ owner: 'a', wins: 1, decided: 2 }], 0.5, 2)).toBeCloseTo(Math.log(1 / 6), 12);
    const reps = [3, 8, 5, 12, 1, 9, 4, 6].map((w, i) => ({ owner: `r${i}`, wins: w, decided: 20 }));
    const f = fitWinRate(reps);
    for (const [dm, dk] of [[0.01, 0], [-0.01, 0], [0, 0.5], [0, -0.5]]) {
      expect(betaBinomialLogLik(reps, f.mean + dm, f.concentration + dk)).toBeLessThan(f.logLik + 1e-9);
    }
    // shrinkage: each rep's estimate lies between its raw rate and the team mean
    for (const r of f.reps) expect((r.shrunk - r.raw) * (f.mean - r.raw)).toBeGreaterThanOrEqual(0);
  });

  it('win rate: identical reps have no detectable spread (concentration at its cap, one win rate)', () => {
    const reps = Array.from({ length: 20 }, (_, i) => ({ owner: `r${i}`, wins: 25, decided: 100 }));
    const f = fitWinRate(reps);
    expect(f.atBound).toBe(true);
    expect(f.mean).toBeCloseTo(0.25, 3);
    expect(fitTiers(reps, f.logLik).tiers).toBeNull();
  });

  it('arrivals: Poisson rate per rep-month, and the linear ramp by profile likelihood', () => {
    expect(fitArrivals([{ tenure: null, count: 3 }, { tenure: null, count: 5 }], false)).toMatchObject({ rate: 4, rateSe: Math.sqrt(4 / 2), rampMonths: null });
    // counts exactly 4 x min(1, k/3) for many reps: R = 3, rate 4
    const cells = [];
    for (let r = 0; r < 30; r++) for (let k = 1; k <= 12; k++) cells.push({ tenure: k, count: Math.round(4 * Math.min(1, k / 3) * 3) });
    const f = fitArrivals(cells, true);
    expect(f.rampMonths).toBe(3);
    expect(f.rate).toBeCloseTo(12, 10);
    expect(f.productivity[0].productivity).toBeCloseTo(1 / 3, 1);
  });

  it('roster: exits per rep-month annualised, backfill gaps, seats at the end', () => {
    const roster = [
      { row: 2, name: 'a', territory: 'W', hiredMonth: 0, exitedMonth: 5 },
      { row: 3, name: 'b', territory: 'W', hiredMonth: 8, exitedMonth: null },
      { row: 4, name: 'c', territory: 'E', hiredMonth: 0, exitedMonth: null },
    ];
    const f = fitRoster(roster, 0, 11);
    // rep-months: a 6, b 4, c 12 = 22; one exit
    expect(f.repMonths).toBe(22);
    expect(f.annualRate).toBeCloseTo(1 - (1 - 1 / 22) ** 12, 12);
    expect(f.timeToFillMean).toBe(2);
    expect(f.seatsByTerritory).toEqual([{ name: 'E', seats: 1 }, { name: 'W', seats: 1 }]);
  });
});
