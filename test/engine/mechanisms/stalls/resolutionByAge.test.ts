/**
 * The `resolution` block (issue 25): open opportunities resolve at their age's chance, for an export's open
 * book and for the reps' own pipeline, against closed forms.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../engine/scenario.js';
import { simulate } from '../../../../engine/simulate.js';
import { errorsOf } from '../../../helpers/errors.js';

function monthMeans(r: ReturnType<typeof simulate>): { mean: number[]; sd: number[] } {
  const mean = new Array<number>(r.months).fill(0);
  const sq = new Array<number>(r.months).fill(0);
  for (let t = 0; t < r.trials; t++)
    for (let m = 0; m < r.months; m++) {
      const v = r.revenue[t * r.months + m];
      mean[m] += v / r.trials;
      sq[m] += (v * v) / r.trials;
    }
  return { mean, sd: mean.map((x, m) => Math.sqrt(Math.max(0, sq[m] - x * x))) };
}

const H = [0.4, 0.3, 0.2, 0.1, 0];

describe('resolution by age', () => {
  it("an open book's deal resolves at its age's chance; one older than the table's last positive age never does", () => {
    // win rate 1, no decision 0, amounts 1: month m's revenue counts the deals resolving then
    const deals = [
      ...Array.from({ length: 200 }, () => ({ owner: 'A', ageMonths: 0, amount: 1 })),
      ...Array.from({ length: 200 }, () => ({ owner: 'A', ageMonths: 2, amount: 1 })),
      ...Array.from({ length: 200 }, () => ({ owner: 'A', ageMonths: 7, amount: 1 })),
    ];
    const s = parseScenario({
      horizonMonths: 4,
      reps: { opportunitiesPerMonth: 0, winRate: 1, dealSize: 1, cycleMonths: 2, noDecisionRate: 0 },
      resolution: { byAge: H },
      initialTeam: { asOf: '2025-06-30', roster: [{ name: 'A', hired: '2020-01-01' }] },
      openPipeline: deals,
    });
    const trials = 400;
    const { mean } = monthMeans(simulate(s, { trials, seed: 3 }));
    const h = (a: number) => H[Math.min(a, H.length - 1)];
    for (let m = 0; m < 4; m++) {
      let expected = 0,
        variance = 0;
      for (const a0 of [0, 2, 7]) {
        let surv = 1;
        for (let k = 0; k < m; k++) surv *= 1 - h(a0 + k);
        const p = surv * h(a0 + m);
        expected += 200 * p;
        variance += 200 * p * (1 - p);
      }
      expect(Math.abs(mean[m] - expected), `month ${m + 1}`).toBeLessThanOrEqual(4 * Math.sqrt(variance / trials) + 1e-12);
    }
    // the deals aged 7 (and the survivors reaching age 4) never resolve: month 4's revenue comes from ages 0 and 2 only
    expect(mean[3]).toBeLessThan(200 * (0.6 * 0.7 * 0.8 * 0.1) + 200 * 0.1 * 0 + 4 * Math.sqrt(200 / trials));
  });

  it("the reps' own pipeline in steady state books rate x (1 - the share that never resolves) x win x deal a month", () => {
    const s = parseScenario({
      horizonMonths: 3,
      reps: { seats: 10, opportunitiesPerMonth: 5, winRate: 0.5, dealSize: 100, cycleMonths: 3, noDecisionRate: 0.2, initialPipeline: 'steady-state' },
      resolution: { byAge: H },
    });
    const never = H.reduce((a, h) => a * (1 - h), 1);
    const expected = 10 * 5 * (1 - never) * 0.8 * 0.5 * 100;
    const trials = 2000;
    const { mean, sd } = monthMeans(simulate(s, { trials, seed: 7 }));
    for (let m = 0; m < 3; m++) expect(Math.abs(mean[m] - expected), `month ${m + 1}`).toBeLessThan(4 * (sd[m] / Math.sqrt(trials)));
  });

  it('a constant table is the geometric cycle: the same mean as cycleMonths = 1 / h', () => {
    const base = { horizonMonths: 6, reps: { seats: 10, opportunitiesPerMonth: 4, winRate: 0.3, dealSize: 100, cycleMonths: 4, noDecisionRate: 0 } };
    const trials = 2000;
    const a = monthMeans(simulate(parseScenario({ ...base, resolution: { byAge: [0.25] } }), { trials, seed: 2 }));
    const b = monthMeans(simulate(parseScenario(base), { trials, seed: 2 }));
    for (let m = 0; m < 6; m++) expect(Math.abs(a.mean[m] - b.mean[m])).toBeLessThan(4 * Math.sqrt((a.sd[m] ** 2 + b.sd[m] ** 2) / trials));
  });

  it('month-of-quarter factors scale the win rate and the chance of resolving in their calendar months', () => {
    const reps = { seats: 10, opportunitiesPerMonth: 5, winRate: 0.3, dealSize: 100, cycleMonths: 2, noDecisionRate: 0, initialPipeline: 'steady-state' };
    // resolving: every open deal resolves each month (chance 1), so month m books the month's arrivals x win x factor
    const s = parseScenario({ horizonMonths: 6, reps, resolution: { byAge: [1], start: '2025-02', monthInQuarter: { win: [1, 1.5, 2] } } });
    const trials = 3000;
    const { mean, sd } = monthMeans(simulate(s, { trials, seed: 9 }));
    // month 1 = February (second of its quarter), March third, April first, ...
    const f = [1.5, 2, 1, 1.5, 2, 1];
    for (let m = 0; m < 6; m++) expect(Math.abs(mean[m] - 10 * 5 * 0.3 * f[m] * 100), `month ${m + 1}`).toBeLessThan(4 * (sd[m] / Math.sqrt(trials)));
    // the chance of resolving: 0.25 x 2 in the quarter's last month
    const r = parseScenario({ horizonMonths: 3, reps: { ...reps, winRate: 1, initialPipeline: 'empty' }, resolution: { byAge: [0.25], start: '2025-01', monthInQuarter: { resolve: [1, 1, 2] } } });
    const x = monthMeans(simulate(r, { trials, seed: 9 }));
    // deals arriving at 50 a month: month 1 resolves 0.25 of 50; month 2 0.25 of (50 x 0.75 + 50); month 3 0.5 of the open
    const open1 = 50,
      open2 = 50 * 0.75 + 50,
      open3 = open2 * 0.75 + 50;
    const expected = [0.25 * open1, 0.25 * open2, 0.5 * open3].map((v) => v * 100);
    for (let m = 0; m < 3; m++) expect(Math.abs(x.mean[m] - expected[m]), `month ${m + 1}`).toBeLessThan(4 * (x.sd[m] / Math.sqrt(trials)));
  });

  it('names the field of a bad table', () => {
    const reps = { seats: 1, opportunitiesPerMonth: 1, winRate: 0.3, dealSize: 1, cycleMonths: 2 };
    expect(errorsOf(() => parseScenario({ reps, resolution: { byAge: [0.2, 1.5] } }))[0].path).toBe('resolution.byAge[1]');
    expect(errorsOf(() => parseScenario({ reps, resolution: { byAge: [0, 0] } }))[0]).toMatchObject({ path: 'resolution.byAge', rule: expect.stringMatching(/above 0/) });
    expect(errorsOf(() => parseScenario({ reps, resolution: { byAge: [0.3] }, stalls: {} }))[0].path).toBe('resolution');
    expect(errorsOf(() => parseScenario({ reps, resolution: { byAge: [0.3], monthInQuarter: { win: [1, 1, 2] } } }))[0].path).toBe('resolution.start');
    expect(errorsOf(() => parseScenario({ reps, resolution: { byAge: [0.3], start: '2025-01', monthInQuarter: { win: [1, 2] } } }))[0].path).toMatch(/^resolution\.monthInQuarter\.win/);
    // resolution: null is the same scenario as none
    expect(parseScenario({ reps, resolution: null })).toEqual(parseScenario({ reps }));
  });
});
