/**
 * Rolling-origin back-test (issue 25): the scores against closed forms, the analyst's pipeline forecast by
 * hand, and honesty: what happened after an as-of date changes the actuals only, never the forecast.
 */
import { describe, expect, it } from 'vitest';
import { ksUniform, pitHistogram, scoreSample } from '../../../engine/forecast/scores.js';
import { binomialQuantile, pipelineBaseline, rollingBacktest, summarize } from '../../../engine/forecast/rolling.js';
import { fitHazard } from '../../../engine/calibrate/fitHazard.js';
import { synthesize } from '../../../engine/calibrate/synthesize.js';
import { normalQuantile } from '../../../engine/random/normal.js';
import { normalCdf } from '../../../engine/uncertainty/normalCdf.js';
import type { Opportunity } from '../../../engine/calibrate/opportunities.js';
import { InputError } from '../../../engine/errors.js';

describe('forecast scores', () => {
  it('CRPS of a normal sample matches the closed form; PIT and intervals', () => {
    const n = 20000;
    // a stratified standard normal sample: quantiles at (i + 1/2) / n
    const sample = Float64Array.from({ length: n }, (_, i) => normalQuantile((i + 0.5) / n));
    for (const y of [-1.5, 0, 0.7, 2.5]) {
      const s = scoreSample(sample.slice(), y);
      const exact = y * (2 * normalCdf(y) - 1) + 2 * Math.exp((-y * y) / 2) / Math.sqrt(2 * Math.PI) - 1 / Math.sqrt(Math.PI);
      expect(s.crps).toBeCloseTo(exact, 3);
      expect(s.pit).toBeCloseTo(normalCdf(y), 3);
      expect(s.inside80).toBe(Math.abs(y) <= 1.2816);
      expect(s.inside50).toBe(Math.abs(y) <= 0.6745);
    }
    // a point forecast's CRPS is the absolute error
    expect(scoreSample(Float64Array.from([5, 5, 5]), 2).crps).toBe(3);
  });

  it('the uniformity tests accept uniform PITs and reject piled ones', () => {
    const uniform = Array.from({ length: 200 }, (_, i) => (i + 0.5) / 200);
    expect(ksUniform(uniform).pValue).toBeGreaterThan(0.5);
    expect(pitHistogram(uniform).counts).toEqual(new Array(10).fill(20));
    const piled = uniform.map((u) => u * u * u);
    expect(ksUniform(piled).pValue).toBeLessThan(1e-6);
    expect(pitHistogram(piled).pValue).toBeLessThan(1e-6);
  });
});

describe('analyst pipeline forecast', () => {
  it('weights each open deal by the chance a deal of its age is won within the horizon, plus new deals at the last quarter rate', () => {
    const o = (created: number, closed: number | null, outcome: Opportunity['outcome'], amount: number | null = null): Opportunity => ({
      row: 0,
      owner: 'A',
      created: { year: 0, month: 1, day: 1 },
      createdMonth: created,
      closed: null,
      closedMonth: closed,
      outcome,
      amount,
      currency: null,
    });
    // history: at age 0 half resolve (won), at age 1 all resolve (half won)
    const hist = [o(0, 0, 'won', 10), o(0, 0, 'won', 10), o(0, 1, 'won', 10), o(0, 1, 'lost'), o(1, 1, 'lost'), o(1, 2, 'won', 10), o(1, 2, 'lost'), o(1, 1, 'lost')];
    const fit = fitHazard(hist.map((x) => ({ createdMonth: x.createdMonth, resolvedMonth: x.closedMonth, outcome: x.outcome, droppedMonth: null })), 0, 2);
    // ages 0: 8 at risk, 4 resolve (2 won); age 1: 4 at risk, 4 resolve (2 won)
    expect(fit.atRisk.slice(0, 2)).toEqual([8, 4]);
    expect(fit.won.slice(0, 2)).toEqual([2, 2]);
    // at month 2: two open deals created in month 2 (age 1 at their next month end), one with amount 100; new deals at the rate of months 0..2
    const opps = [...hist, o(2, null, 'open', 100), o(2, null, 'open')];
    const created = opps.filter((x) => x.createdMonth > -1 && x.createdMonth <= 2).length;
    const horizon = 2;
    // open deals at age 1: won within 2 month ends = w1 + (1 - h1) w2 = 0.5 (h1 = 1)
    const open = 0.5 * 100 + 0.5 * 7;
    // new deals: a deal created in month j faces 3 - j month ends from age 0: j = 1: w0 + (1 - h0) w1 = 0.25 + 0.5 x 0.5; j = 2: 0.25
    const perMonth = created / 3;
    const expected = open + perMonth * (0.5 + 0.25) * 7;
    expect(pipelineBaseline(opps, 2, horizon, fit, 7)).toBeCloseTo(expected, 10);
  });
});

describe('rolling-origin back-test', () => {
  const TRUTH = { reps: { seats: 20, opportunitiesPerMonth: 5, winRate: 0.35, dealSize: { median: 20000, sigma: 0.5 }, cycleMonths: 2.5, noDecisionRate: 0.1, initialPipeline: 'steady-state' } };
  const csv = synthesize(TRUTH, { months: 18, start: '2024-01', seed: 21, resolveByAge: [0.35, 0.35, 0.3, 0.2, 0.05, 0] }).opportunities;

  it('is honest: changing what happened after the date changes the actuals, never the forecast', () => {
    const asOf = '2024-12-31';
    const a = rollingBacktest(csv, { asOf: [asOf], horizon: 3, trials: 200, seed: 3 });
    // every deal decided after the date flips won <-> lost (amounts made up for the new wins)
    const lines = csv.trim().split('\n');
    const flipped = [
      lines[0],
      ...lines.slice(1).map((l) => {
        const f = l.split(',');
        if (f[3] > '2024-12-31' && f[4] === 'Closed Won') return [f[0], f[1], f[2], f[3], 'Closed Lost', ''].join(',');
        if (f[3] > '2024-12-31' && f[4] === 'Closed Lost') return [f[0], f[1], f[2], f[3], 'Closed Won', '12345'].join(',');
        return l;
      }),
    ].join('\n');
    const b = rollingBacktest(flipped + '\n', { asOf: [asOf], horizon: 3, trials: 200, seed: 3 });
    const band = (r: typeof a) => [r.cuts[0].salesim.p10, r.cuts[0].salesim.p50, r.cuts[0].salesim.p90, r.cuts[0].baselines.pipeline.forecast, r.cuts[0].baselines.runRate.forecast];
    expect(band(b)).toEqual(band(a));
    expect(b.cuts[0].salesim.actual).not.toBe(a.cuts[0].salesim.actual);
    expect(a.cuts[0].fit.resolutionByAge).toBe(true);
    expect(a.cuts[0].fit.uncertainParameters).toBeGreaterThan(3);
    expect(a.cuts[0].open.staleShare).toBeGreaterThan(0);
  });

  it('names a bad date or horizon', () => {
    const path = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as InputError).errors[0].path;
      }
      return null;
    };
    expect(path(() => rollingBacktest(csv, { asOf: ['2024-12-15'] }))).toBe('asOf[0]');
    expect(path(() => rollingBacktest(csv, { asOf: ['2024-12-31', '2025-06-30'], horizon: 3 }))).toBe('asOf[1]');
    expect(path(() => rollingBacktest(csv, { asOf: ['2024-12-31'], horizon: 0 }))).toBe('horizon');
  });
});

describe('extreme PITs against what chance gives', () => {
  it('binomialQuantile is the smallest k whose binomial CDF reaches q (closed form by summing the pmf)', () => {
    const cdf = (n: number, p: number, k: number) => {
      let c = 0;
      for (let j = 0; j <= k; j++) {
        let lc = 0;
        for (let i = 1; i <= j; i++) lc += Math.log((n - j + i) / i);
        c += Math.exp(lc + j * Math.log(p) + (n - j) * Math.log(1 - p));
      }
      return c;
    };
    for (const [n, p, q] of [[80, 0.04, 0.975], [100, 0.04, 0.975], [3, 0.04, 0.975], [40, 0.2, 0.5]] as const) {
      const k = binomialQuantile(n, p, q);
      expect(cdf(n, p, k)).toBeGreaterThanOrEqual(q);
      if (k > 0) expect(cdf(n, p, k - 1)).toBeLessThan(q);
    }
    expect(binomialQuantile(80, 0.04, 0.975)).toBe(7);
  });

  it('the summary gives the count a calibrated forecast expects (4% of cuts) and its upper bound, in the verdict too', () => {
    const cut = (pit: number) => ({ salesim: { pit, inside80: pit >= 0.1 && pit <= 0.9, inside50: pit >= 0.25 && pit <= 0.75, crps: 1, bias: 1 }, baselines: { pipeline: { forecast: 1, crps: 2, bias: 1 }, runRate: { forecast: 1, crps: 2, bias: 1 } } });
    const cuts = Array.from({ length: 80 }, (_, i) => cut((i + 0.5) / 80)) as unknown as Parameters<typeof summarize>[0];
    const s = summarize(cuts);
    expect(s.extremePits).toBe(4); // 0.00625, 0.01875 and their mirrors
    expect(s.extremeExpected).toBeCloseTo(3.2, 12);
    expect(s.extremeUpper).toBe(7);
    expect(s.verdict).toContain('4 PITs below 0.02 or above 0.98 (3.2 expected by chance if calibrated; over 7 would say the bands are too narrow)');
  });
});
