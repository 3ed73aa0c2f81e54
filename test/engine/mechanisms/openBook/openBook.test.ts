/**
 * A roster start (initialTeam: { asOf, roster }) and the open book (openPipeline) against closed forms:
 * tenure gives the ramp position, a vacancy fills after the rest of its time to fill, the export's deals
 * resolve at 1/cycleMonths (x the stall multiplier once stalled), and a track record updates the prior.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../engine/scenario.js';
import { simulate } from '../../../../engine/simulate.js';
import { compileWinRate } from '../../../../engine/mechanisms/reps/reps.js';
import { posteriorWinRate } from '../../../../engine/mechanisms/team/record.js';
import { createStreams, seedStream } from '../../../../engine/random/streams.js';
import { regularizedBeta } from '../../../../engine/stats/special.js';
import { errorsOf } from '../../../helpers/errors.js';
import { ksCritical, ksStatistic } from '../../../helpers/stat.js';

const reps = { opportunitiesPerMonth: 4, winRate: 0.3, dealSize: 1000, cycleMonths: 1, noDecisionRate: 0.2 };

function monthMeans(r: ReturnType<typeof simulate>, key: 'revenue' | 'headcount'): number[] {
  const out = new Array<number>(r.months).fill(0);
  for (let t = 0; t < r.trials; t++) for (let m = 0; m < r.months; m++) out[m] += r[key][t * r.months + m] / r.trials;
  return out;
}

describe('roster start', () => {
  it('a holder hired k months before ramps from tenure month k + 1 (linear ramp), within 4 SE', () => {
    const s = parseScenario({
      horizonMonths: 4,
      reps,
      hiring: { plan: [], ramp: { months: 6 } },
      initialTeam: { asOf: '2025-06-30', roster: [{ name: 'A', hired: '2025-06-10' }, { name: 'B', hired: '2025-03-01' }, { name: 'C', hired: '2020-01-01' }] },
    });
    expect(s.reps.seats).toBe(3);
    const trials = 4000;
    const r = simulate(s, { trials, seed: 5 });
    const mean = monthMeans(r, 'revenue');
    // A: tenure month 2 in July, B: 5, C: ramped; revenue = rate x ramp x (1 - nd) x p x deal (cycle 1)
    const perRamp = 4 * 0.8 * 0.3 * 1000;
    for (let m = 1; m <= 4; m++) {
      const ramp = Math.min(1, (1 + m) / 6) + Math.min(1, (4 + m) / 6) + 1;
      const expected = perRamp * ramp;
      // Poisson wins: variance = mean x deal
      const se = Math.sqrt((expected * 1000) / trials);
      expect(Math.abs(mean[m - 1] - expected)).toBeLessThan(4 * se);
    }
  });

  it('a vacancy open e months fills after D - e more months (fixed time to fill), never without hiring', () => {
    const roster = [{ name: 'A', hired: '2024-01-01' }, { name: 'Left', vacant: true as const, since: '2025-05-01' }];
    const s = parseScenario({ horizonMonths: 4, reps, hiring: { plan: [], backfill: true, timeToFillMonths: 3 }, initialTeam: { asOf: '2025-06-30', roster } });
    const r = simulate(s, { trials: 50, seed: 1 });
    // vacant since May: 2 months gone of 3 at month 1 (July), so filled at the start of month 2
    expect(monthMeans(r, 'headcount').map((x) => Math.round(x * 1e9) / 1e9)).toEqual([1, 2, 2, 2]);
    const none = simulate(parseScenario({ horizonMonths: 3, reps, initialTeam: { asOf: '2025-06-30', roster } }), { trials: 20, seed: 1 });
    expect(monthMeans(none, 'headcount').map((x) => Math.round(x * 1e9) / 1e9)).toEqual([1, 1, 1]);
    expect(Array.from(none.vacant.slice(0, 3))).toEqual([1, 1, 1]);
  });

  it('names the field of a bad roster or open pipeline', () => {
    const base = { horizonMonths: 6, territories: [{ name: 'East', seats: 1 }, { name: 'West', seats: 1 }], reps };
    const team = (roster: unknown[], extra: object = {}) => errorsOf(() => parseScenario({ ...base, initialTeam: { asOf: '2025-06-30', roster }, ...extra }));
    expect(team([{ hired: '2025-01-01' }])[0]).toMatchObject({ path: 'initialTeam.roster[0].territory', rule: expect.stringMatching(/required when the scenario has several territories/) });
    expect(team([{ hired: '2025-01-01', territory: 'North' }])[0]).toMatchObject({ path: 'initialTeam.roster[0].territory', rule: expect.stringMatching(/must name a territory \(East, West\)/) });
    expect(team([{ hired: '2025-07-01', territory: 'East' }])[0]).toMatchObject({ path: 'initialTeam.roster[0].hired', rule: expect.stringMatching(/on or before asOf/) });
    expect(team([{ territory: 'East' }])[0]).toMatchObject({ path: 'initialTeam.roster[0]', rule: expect.stringMatching(/either hired .* or vacant: true/) });
    expect(team([{ name: 'A', hired: '2025-01-01', territory: 'East' }], { openPipeline: [{ owner: 'B', ageMonths: 0 }] })[0]).toMatchObject({
      path: 'openPipeline[0].owner',
      rule: expect.stringMatching(/'B' is not the name of a roster seat/),
    });
    expect(errorsOf(() => parseScenario({ ...base, openPipeline: [{ owner: 'A', ageMonths: 1 }] }))[0]).toMatchObject({ path: 'openPipeline', rule: expect.stringMatching(/needs initialTeam/) });
    expect(team([{ name: 'A', hired: '2025-01-01', territory: 'East' }], { openPipeline: [{ owner: 'A', ageMonths: -1 }] })[0].path).toBe('openPipeline[0].ageMonths');
  });
});

describe('open book', () => {
  const book = (deals: { owner: string; ageMonths: number; amount: number | null }[], extra: object = {}) =>
    parseScenario({
      horizonMonths: 6,
      reps: { ...reps, opportunitiesPerMonth: 0, cycleMonths: 2 },
      initialTeam: { asOf: '2025-06-30', roster: [{ name: 'A', hired: '2020-01-01' }] },
      openPipeline: deals,
      ...extra,
    });

  it('n deals of amount X resolve at 1/cycle a month: expected total n X (1 - nd) p (1 - (1 - 1/c)^H), within 4 SE', () => {
    const n = 20;
    const r = simulate(book(Array.from({ length: n }, () => ({ owner: 'A', ageMonths: 0, amount: 5000 }))), { trials: 3000, seed: 3 });
    const totals = Array.from({ length: r.trials }, (_, t) => r.revenue.slice(t * 6, t * 6 + 6).reduce((a, b) => a + b, 0));
    const q = 0.8 * 0.3 * (1 - 0.5 ** 6);
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    const se = Math.sqrt((n * q * (1 - q) * 5000 ** 2) / r.trials);
    expect(Math.abs(mean - n * 5000 * q)).toBeLessThan(4 * se);
    // month 1: each deal resolves with probability 1/2
    const m1 = Array.from({ length: r.trials }, (_, t) => r.revenue[t * 6]).reduce((a, b) => a + b, 0) / r.trials;
    const q1 = 0.8 * 0.3 * 0.5;
    expect(Math.abs(m1 - n * 5000 * q1)).toBeLessThan(4 * Math.sqrt((n * q1 * (1 - q1) * 5000 ** 2) / r.trials));
  });

  it('a stalled deal (age >= the stall threshold) resolves at resolveMultiplier / cycle and ends in no decision at the stalled rate', () => {
    const n = 30;
    const s = book(
      Array.from({ length: n }, () => ({ owner: 'A', ageMonths: 10, amount: 1000 })),
      { stalls: { afterCycles: 2, resolveMultiplier: 0.5, noDecisionRate: 0.6 } },
    );
    const r = simulate(s, { trials: 3000, seed: 4 });
    const m1 = Array.from({ length: r.trials }, (_, t) => r.revenue[t * 6]).reduce((a, b) => a + b, 0) / r.trials;
    const q1 = 0.25 * 0.4 * 0.3; // resolves 0.5 / 2, decided 1 - 0.6, won 0.3
    expect(Math.abs(m1 - n * 1000 * q1)).toBeLessThan(4 * Math.sqrt((n * q1 * (1 - q1) * 1000 ** 2) / r.trials));
  });

  it('a deal without an amount is valued by the deal size at the win; a scenario without a book is unchanged', () => {
    const r = simulate(book([{ owner: 'A', ageMonths: 0, amount: null }], { reps: { ...reps, opportunitiesPerMonth: 0, cycleMonths: 2, dealSize: 777 } }), { trials: 400, seed: 2 });
    const values = new Set(Array.from(r.revenue).filter((v) => v > 0));
    expect([...values]).toEqual([777]);
  });
});

describe('track record', () => {
  it('a Beta prior and a record give draws from the Beta posterior (KS, fixed seed)', () => {
    const S = createStreams(1);
    seedStream(S, 0, 1, 2, 3);
    const d = compileWinRate({ mean: 0.3, concentration: 8 });
    const xs = Array.from({ length: 3000 }, () => posteriorWinRate(d, 30, 20, S, 0));
    const a = 2.4 + 30,
      b = 5.6 + 20;
    expect(ksStatistic(xs, (x) => regularizedBeta(x, a, b))).toBeLessThan(ksCritical(xs.length));
  });

  it('exact tiers: the posterior tier weights are share x p^won (1 - p)^lost, within 4 SE', () => {
    const S = createStreams(1);
    seedStream(S, 0, 4, 5, 6);
    const d = compileWinRate({ tiers: [{ share: 0.2, mean: 0.5, concentration: null }, { share: 0.8, mean: 0.2, concentration: null }] });
    const n = 4000;
    let top = 0;
    for (let i = 0; i < n; i++) if (posteriorWinRate(d, 5, 5, S, 0) === 0.5) top++;
    const w1 = 0.2 * 0.5 ** 10,
      w2 = 0.8 * 0.2 ** 5 * 0.8 ** 5;
    const p = w1 / (w1 + w2);
    expect(Math.abs(top / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });
});
