/**
 * Exports shaped like real ones (issue 25): `synthesize` writes stale deals (resolution by age ending in 0), a
 * quarter-end push and drifting arrivals; the censored hazard fit recovers the age table within its SE.
 */
import { describe, expect, it } from 'vitest';
import { synthesize } from '../../../engine/calibrate/synthesize.js';
import { readOpportunities } from '../../../engine/calibrate/opportunities.js';
import { resolveMapping } from '../../../engine/calibrate/mapping.js';
import { fitHazard, hazardTest, staleShare } from '../../../engine/calibrate/fitHazard.js';
import { parseMonth } from '../../../engine/calibrate/dates.js';
import { InputError } from '../../../engine/errors.js';
import { calibrate } from '../../../engine/calibrate/calibrate.js';
import { fitDrift } from '../../../engine/calibrate/fitDrift.js';

const TRUTH = { reps: { seats: 30, opportunitiesPerMonth: 6, winRate: 0.4, dealSize: { median: 20000, sigma: 0.6 }, cycleMonths: 3, noDecisionRate: 0.1, initialPipeline: 'steady-state' } };
const H = [0.3, 0.35, 0.3, 0.25, 0.2, 0.03, 0];
const read = (csv: string) => readOpportunities(csv, resolveMapping(null)).opportunities;

describe('synthetic exports with real features', () => {
  it('resolution by age: no deal resolves older than the table allows, and the censored fit recovers each age within its SE', () => {
    const opps = read(synthesize(TRUTH, { months: 24, start: '2024-01', seed: 11, resolveByAge: H }).opportunities);
    for (const o of opps) if (o.closedMonth !== null) expect(o.closedMonth - o.createdMonth).toBeLessThanOrEqual(5);
    const from = parseMonth('2024-01')!;
    const to = parseMonth('2025-12')!;
    const fit = fitHazard(
      opps.map((o) => ({ createdMonth: o.createdMonth, resolvedMonth: o.outcome === 'open' || o.outcome === 'dropped' ? null : o.closedMonth, outcome: o.outcome, droppedMonth: null })),
      from,
      to,
    );
    expect(fit.maxResolvedAge).toBe(5);
    // ages 0..5 and the pooled tail (hazard 0); each age within 3.5 SE, and the sum of squared z near its df
    let chi = 0;
    for (let a = 0; a <= 5; a++) {
      const z = (fit.hazard[a] - H[a]) / Math.sqrt((H[a] * (1 - H[a])) / fit.atRisk[a]);
      expect(Math.abs(z), `age ${a}: ${fit.hazard[a]} vs ${H[a]}`).toBeLessThan(3.5);
      chi += z * z;
    }
    // chi-square with 6 df: P(> 20.5) = 0.002
    expect(chi).toBeLessThan(20.5);
    expect(fit.hazard[6]).toBe(0);
    expect(fit.atRisk[6]).toBeGreaterThan(1000);
    expect(hazardTest(fit).kept).toBe(true);
    // the stale share of the open book at the end: deals older than 5 month-ends (ages as the forecast counts them)
    const open = opps.filter((o) => o.outcome === 'open').map((o) => to - o.createdMonth + 1);
    const share = staleShare(open, fit);
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.95);
  });

  it('a geometric cycle passes the hazard test as constant (the table is not kept)', () => {
    const opps = read(synthesize(TRUTH, { months: 24, start: '2024-01', seed: 12 }).opportunities);
    const fit = fitHazard(
      opps.map((o) => ({ createdMonth: o.createdMonth, resolvedMonth: o.outcome === 'open' || o.outcome === 'dropped' ? null : o.closedMonth, outcome: o.outcome, droppedMonth: null })),
      parseMonth('2024-01')!,
      parseMonth('2025-12')!,
    );
    expect(hazardTest(fit).pValue).toBeGreaterThan(0.01);
  });

  it('the quarter-end push multiplies the win rate in March, June, September and December', () => {
    const opps = read(synthesize(TRUTH, { months: 24, start: '2024-01', seed: 13, quarterEndWin: 1.5 }).opportunities);
    const tally = [0, 0, 0, 0]; // quarter-end won, decided; other won, decided
    for (const o of opps) {
      if (o.outcome !== 'won' && o.outcome !== 'lost') continue;
      const q = o.closedMonth! % 3 === 2 ? 0 : 2;
      tally[q + 1]++;
      if (o.outcome === 'won') tally[q]++;
    }
    const pq = tally[0] / tally[1];
    const po = tally[2] / tally[3];
    expect(Math.abs(pq - 0.6)).toBeLessThan(4 * Math.sqrt((0.6 * 0.4) / tally[1]));
    expect(Math.abs(po - 0.4)).toBeLessThan(4 * Math.sqrt((0.4 * 0.6) / tally[3]));
  });

  it('drifting arrivals vary more than Poisson from month to month; without drift they do not', () => {
    const dispersion = (csv: string) => {
      const counts = new Map<number, number>();
      for (const o of read(csv)) if (o.createdMonth >= parseMonth('2024-01')!) counts.set(o.createdMonth, (counts.get(o.createdMonth) ?? 0) + 1);
      const xs = [...counts.values()];
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      return xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1) / mean;
    };
    // 36 months: the dispersion index of Poisson counts is about chi-square(35) / 35, below 1.8 with probability 0.998
    expect(dispersion(synthesize(TRUTH, { months: 36, start: '2024-01', seed: 14 }).opportunities)).toBeLessThan(1.8);
    expect(dispersion(synthesize(TRUTH, { months: 36, start: '2024-01', seed: 14, arrivalDrift: 0.1 }).opportunities)).toBeGreaterThan(3);
  });

  it('leaves the history unchanged without the options, and names a bad option', () => {
    expect(synthesize(TRUTH, { months: 6, seed: 1, resolveByAge: null, quarterEndWin: null, arrivalDrift: null })).toEqual(synthesize(TRUTH, { months: 6, seed: 1 }));
    const path = (o: object) => {
      try {
        synthesize(TRUTH, { months: 6, seed: 1, ...o });
      } catch (e) {
        return (e as InputError).errors[0].path;
      }
      return null;
    };
    expect(path({ resolveByAge: [0.3, 1.2] })).toBe('resolveByAge[1]');
    expect(path({ quarterEndWin: -1 })).toBe('quarterEndWin');
    expect(path({ arrivalDrift: 2 })).toBe('arrivalDrift');
  });
});

describe('calibrate recovers them', () => {
  it('the quarter-end push: a likelihood-ratio test keeps the win effect, each month-of-quarter win rate within 3 SE of the truth', () => {
    const h = synthesize(TRUTH, { months: 24, start: '2024-01', seed: 15, resolveByAge: H, quarterEndWin: 1.5 });
    const r = calibrate(h.opportunities, { asOf: '2025-12-31' });
    const q = r.report.calendar.win;
    expect(q.kept).toBe(true);
    const truth = [0.4, 0.4, 0.6];
    for (let k = 0; k < 3; k++) {
      const p = q.events[k] / q.base[k];
      expect(Math.abs(p - truth[k]), `month ${k + 1} of the quarter: ${p}`).toBeLessThan(3 * Math.sqrt((truth[k] * (1 - truth[k])) / q.base[k]));
    }
    // no effect on the chance of resolving was written in, and none is kept
    expect(r.report.calendar.resolve.kept).toBe(false);
    const res = r.scenario.resolution as { monthInQuarter: { win: number[]; resolve: number[] }; start: string; byAge: number[] };
    expect(res.start).toBe('2026-01');
    expect(res.monthInQuarter.resolve).toEqual([1, 1, 1]);
    expect(res.monthInQuarter.win[2] / res.monthInQuarter.win[0]).toBeGreaterThan(1.2);
    // past the oldest resolution the table holds 0 and is not drawn (stale deals: no chance to close), as the report says
    const params = (r.scenario.uncertainty as { parameters: { path: string }[] }).parameters;
    const maxAge = r.report.resolution.fit.maxResolvedAge;
    expect(res.byAge.slice(maxAge + 1).length).toBeGreaterThan(0);
    expect(res.byAge.slice(maxAge + 1).every((h) => h === 0)).toBe(true);
    expect(params.filter((p) => /^resolution\.byAge\[(\d+)\]$/.test(p.path) && Number(/\d+/.exec(p.path)![0]) > maxAge)).toEqual([]);
    expect(params.filter((p) => p.path.startsWith('resolution.byAge[')).length).toBe(maxAge + 1);
    // the fitted table within 3.5 SE of the truth at every age up to the last resolution
    for (let a = 0; a <= 5; a++) {
      const f = r.report.resolution.fit;
      expect(Math.abs(f.hazard[a] - H[a]), `age ${a}`).toBeLessThan(3.5 * Math.sqrt((H[a] * (1 - H[a])) / f.atRisk[a]));
    }
  });

  it('without a push, no month-of-quarter effect is kept (seeded)', () => {
    const r = calibrate(synthesize(TRUTH, { months: 24, start: '2024-01', seed: 16 }).opportunities);
    expect(r.report.calendar.win.kept).toBe(false);
    expect(r.report.calendar.resolve.kept).toBe(false);
    expect(r.report.winDispersion.kept).toBe(false);
    expect(r.scenario.resolution).toBeUndefined();
  });

  it('drifting arrivals: a trend or a local level is kept and the rate is the recent one, with a wider SE; steady arrivals keep the Poisson rate', () => {
    const steady = calibrate(synthesize(TRUTH, { months: 24, start: '2024-01', seed: 17 }).opportunities);
    expect(steady.report.drift!.kept).toBe(false);
    const drifting = calibrate(synthesize(TRUTH, { months: 24, start: '2024-01', seed: 17, arrivalDrift: 0.08 }).opportunities);
    // this path trends: either the market's growth term or the local level (on what growth leaves) takes it
    expect(drifting.report.drift!.kept || drifting.report.market.growth).toBe(true);
    const rate = drifting.report.parameters.find((p) => p.path === 'reps.opportunitiesPerMonth')!;
    const se0 = steady.report.parameters.find((p) => p.path === 'reps.opportunitiesPerMonth')!.se!;
    expect(rate.se!).toBeGreaterThan(3 * se0);
    expect(rate.method).toMatch(/local level|Poisson GLM/);
  });

  it('the local level fit: a constant Poisson rate is not kept, a step change is', () => {
    const poissonLike = Array.from({ length: 24 }, (_, t) => ({ created: 100 + [3, -5, 8, -2, 0, 6, -9, 4, -1, 7, -6, 2][t % 12], exposure: 20 }));
    expect(fitDrift(poissonLike)!.kept).toBe(false);
    const step = Array.from({ length: 24 }, (_, t) => ({ created: (t < 12 ? 100 : 160) + [3, -5, 8, -2, 0, 6, -9, 4, -1, 7, -6, 2][t % 12], exposure: 20 }));
    const f = fitDrift(step)!;
    expect(f.kept).toBe(true);
    // the level at the end is the recent rate (8 a rep-month), not the mean (6.5)
    expect(Math.abs(f.level - 8)).toBeLessThan(0.3);
  });
});
