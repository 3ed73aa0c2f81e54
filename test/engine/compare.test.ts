import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compare, compareResults } from '../../engine/compare.js';
import { InputError } from '../../engine/errors.js';
import { parseScenario, type Scenario } from '../../engine/scenario.js';
import { mergeResults, runTrials, simulate } from '../../engine/index.js';
import { subtract, trialTotals, variance } from '../../engine/paired.js';
import { parseStudy } from '../../engine/study.js';
import type { Stats } from '../../engine/types.js';

const core = {
  name: 'core',
  horizonMonths: 12,
  reps: { seats: 20, opportunitiesPerMonth: 4, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 25000, sigma: 0.8 } },
};

/** Every mechanism on, so "identical" is tested against all the streams the model has. */
const full = {
  name: 'everything on',
  horizonMonths: 24,
  territories: [
    { name: 'NA', seats: 12, potential: null },
    { name: 'EMEA', seats: 8, potential: 40 },
  ],
  reps: { opportunitiesPerMonth: 4, winRate: { tiers: [{ share: 0.2, mean: 0.4, concentration: 20 }, { share: 0.8, mean: 0.15, concentration: 20 }] }, dealSize: { median: 25000, sigma: 0.8 }, repDealSizeSpread: 0.3, noDecisionRate: 0.3, capacity: 30 },
  hiring: { plan: [{ month: 3, seats: 4, territory: 'NA' }], timeToFillMonths: { mean: 2, sd: 1 }, ramp: { months: 5, curve: 's-curve' }, costPerHire: 20000 },
  attrition: { annualRate: 0.25, lowPerformerExit: { attainmentBelow: 0.4, consecutiveQuarters: 2 } },
  leadership: { tenureMonths: { mean: 19 }, vacancyMonths: 2, disruption: { months: 6, productivityDip: 0.1, attritionMultiplier: 1.5 }, changeProgram: { monthsToEffect: 12, winRateLift: 0.1 }, impatience: { graceMonths: 12, attainmentBelow: 0.8 } },
  enablement: [{ name: 'coach', startMonth: 3, monthsToFullEffect: 6, target: 'bottom80', adoption: 0.8, gapClosed: 0.3, cost: { oneTime: 100000, perRepPerMonth: 100 } }],
  quota: { annualPerRep: 700000 },
  coverage: { policy: 'global', multiple: 3 },
  costs: { repAnnualCost: 180000, managerSpan: 8, managerAnnualCost: 220000, leaderSearchCost: 100000 },
};

const allZero = (s: Stats) => Object.values(s).every((v) => v === 0);

describe('compare on common random numbers', () => {
  it('a variant identical to the baseline differs by exactly 0 in every trial', () => {
    for (const raw of [core, full]) {
      // identical by construction, by an empty patch, and by a patch that only renames
      const study = parseStudy({ compare: { baseline: raw, variants: [{ name: 'empty', patch: {} }, { name: 'renamed', patch: { name: 'other name', description: 'x' } }] } });
      const r = compare(study.baseline, [{ name: 'same', scenario: parseScenario(raw) }, ...study.variants], { trials: 300, seed: 11 });
      for (const v of r.variants) {
        // sd = 0 and every percentile 0 means every trial's difference is 0
        expect(allZero(v.difference.total), v.name).toBe(true);
        expect(allZero(v.difference.cost)).toBe(true);
        expect(allZero(v.difference.margin)).toBe(true);
        expect(v.difference.cumulative.every(allZero)).toBe(true);
        expect(v.beatsBaseline.probability).toBe(0);
        expect(v.crossoverMonth).toBeNull();
        expect(v.neverCrosses).toBe(1);
        expect(v.paybackMonth).toBeNull();
        expect(v.neverPaysBack).toBe(1);
        expect(v.varianceReduction).toBeNull();
        expect(v.incrementalRoi).toBeNull();
        expect(v.summary.revenue).toEqual(r.baseline.revenue);
      }
      // and per trial, straight from the results arrays
      const a = simulate(study.baseline, { trials: 300, seed: 11 });
      const b = simulate(study.variants[1].scenario, { trials: 300, seed: 11 });
      expect([...subtract(b.revenue, a.revenue)].every((x) => x === 0)).toBe(true);
      expect([...subtract(b.cost, a.cost)].every((x) => x === 0)).toBe(true);
    }
  });

  it('a small lever (win-rate mean +0.01): CRN cuts the variance of the difference at least 5-fold', () => {
    const base = parseScenario(core);
    const lever = parseStudy({ compare: { baseline: core, variants: [{ name: '+0.01', patch: { reps: { winRate: { mean: 0.26 } } } }] } }).variants[0].scenario;
    const trials = 2000;
    const r = compare(base, [{ name: '+0.01', scenario: lever }], { trials, seed: 5 });
    const v = r.variants[0];
    expect(v.varianceReduction).toBeGreaterThanOrEqual(5);

    // the ratio is (Var A + Var B) / Var(A - B) of the same run
    const a = trialTotals(simulate(base, { trials, seed: 5 })).revenue;
    const b = trialTotals(simulate(lever, { trials, seed: 5 })).revenue;
    expect(v.varianceReduction).toBeCloseTo((variance(a) + variance(b)) / variance(subtract(b, a)), 6);
    expect(v.difference.total.sd ** 2).toBeCloseTo(variance(subtract(b, a)), -2);

    // confirmed against two independently seeded runs: the difference's variance there is >= 5x larger
    const bIndependent = trialTotals(simulate(lever, { trials, seed: 6 })).revenue;
    const independentVar = variance(subtract(bIndependent, a));
    expect(independentVar / variance(subtract(b, a))).toBeGreaterThanOrEqual(5);
    // and it matches Var A + Var B (what the ratio's numerator predicts) within sampling error:
    // the sample variance of n normal-ish values has relative SE about sqrt(2 / (n - 1)) ~ 3.2%
    expect(independentVar / (variance(a) + variance(b))).toBeGreaterThan(1 - 4 * Math.sqrt(2 / (trials - 1)) * 1.5);
    expect(independentVar / (variance(a) + variance(b))).toBeLessThan(1 + 4 * Math.sqrt(2 / (trials - 1)) * 1.5);

    // a higher win rate never loses revenue on the same draws here, so it beats the baseline in most trials
    expect(v.difference.total.mean).toBeGreaterThan(0);
    expect(v.beatsBaseline.probability).toBeGreaterThan(0.9);
    expect(v.beatsBaseline.ci[0]).toBeLessThanOrEqual(v.beatsBaseline.probability);
    expect(v.beatsBaseline.ci[1]).toBeGreaterThanOrEqual(v.beatsBaseline.probability);
  });

  it('a scalar deal size x1.1 gives exactly 10% of the baseline in every trial (closed form)', () => {
    const raw = { ...core, reps: { ...core.reps, winRate: 0.25, dealSize: 20000 } };
    const base = parseScenario(raw);
    const bigger = parseScenario({ ...raw, reps: { ...raw.reps, dealSize: 22000 } });
    const trials = 500;
    const r = compare(base, [{ name: 'x1.1', scenario: bigger }], { trials, seed: 3 });
    const totals = trialTotals(simulate(base, { trials, seed: 3 })).revenue;
    const v = r.variants[0];
    const t = r.baseline.revenue.total;
    for (const k of ['mean', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const) expect(v.difference.total[k]).toBeCloseTo(0.1 * t[k], 3);
    expect(v.difference.total.sd).toBeCloseTo(0.1 * t.sd, 3);
    // wins with one more deal dollar each: ahead whenever the baseline books anything
    const booked = [...totals].filter((x) => x > 0).length;
    expect(v.beatsBaseline.probability).toBe(booked / trials);
    // cumulative revenue is positive from month 1 in practice (20 reps x 4 opps), so the crossover is month 1
    const monthOne = simulate(base, { trials, seed: 3 }).revenue.filter((_, i) => i % 12 === 0);
    if (monthOne.every((x) => x > 0)) expect(v.crossoverMonth).toMatchObject({ mean: 1, p5: 1, p95: 1 });
    // revenue and cost move apart: no cost here, so ROI is undefined
    expect(v.incrementalRoi).toBeNull();
  });

  it('paired differences agree with the two summaries, and every variant is judged on the baseline plan', () => {
    const base = parseScenario({ ...full, attrition: null });
    const more = parseStudy({ compare: { baseline: { ...full, attrition: null }, variants: [{ name: 'hire', patch: { hiring: { plan: [{ month: 1, seats: 10, territory: 'NA' }] } } }] } }).variants[0].scenario;
    const r = compare(base, [{ name: 'hire', scenario: more }], { trials: 400, seed: 2 });
    const v = r.variants[0];
    const rel = (x: number, y: number) => Math.abs(x - y) / Math.max(1, Math.abs(y));
    expect(rel(v.difference.total.mean, v.summary.revenue.total.mean - r.baseline.revenue.total.mean)).toBeLessThan(1e-9);
    expect(rel(v.difference.cost.mean, v.summary.cost.total.mean - r.baseline.cost.total.mean)).toBeLessThan(1e-9);
    expect(rel(v.difference.margin.mean, v.difference.total.mean - v.difference.cost.mean)).toBeLessThan(1e-9);
    expect(v.summary.plan!.target).toBe(r.baseline.plan!.target);
    // incremental ROI is (dR - dC) / dC of the means
    expect(v.incrementalRoi).toBeCloseTo((v.difference.total.mean - v.difference.cost.mean) / v.difference.cost.mean, 9);
    // the cumulative difference at the horizon is the total difference
    expect(v.difference.cumulative[23].mean).toBeCloseTo(v.difference.total.mean, 3);
    expect(v.difference.stdError.total).toBeCloseTo(v.difference.total.sd / Math.sqrt(400), 9);
    // crossover months lie in the horizon, and crossing + never crossing covers every trial
    if (v.crossoverMonth) {
      expect(v.crossoverMonth.p5).toBeGreaterThanOrEqual(1);
      expect(v.crossoverMonth.p95).toBeLessThanOrEqual(24);
    }
    expect(v.neverCrosses).toBeGreaterThanOrEqual(0);
    expect(v.neverCrosses).toBeLessThanOrEqual(1);
    // payback is the crossover of cumulative margin, recomputed here from the results arrays
    const a = simulate(base, { trials: 400, seed: 2 });
    const b = simulate(more, { trials: 400, seed: 2 });
    const firstAhead = (x: Float64Array, y: Float64Array, t: number) => {
      let cum = 0, last = 0;
      for (let m = 0; m < 24; m++) { cum += x[t * 24 + m] - y[t * 24 + m]; if (!(cum > 0)) last = m + 1; }
      return last === 24 ? NaN : last + 1;
    };
    const marginA = a.revenue.map((r, i) => r - a.cost[i]);
    const marginB = b.revenue.map((r, i) => r - b.cost[i]);
    const paybacks: number[] = [];
    for (let t = 0; t < 400; t++) {
      const p = firstAhead(marginB, marginA, t);
      if (!Number.isNaN(p)) paybacks.push(p);
    }
    expect(v.neverPaysBack).toBeCloseTo(1 - paybacks.length / 400, 12);
    if (v.paybackMonth) expect(v.paybackMonth.mean).toBeCloseTo(paybacks.reduce((x, y) => x + y, 0) / paybacks.length, 9);
  });

  it('compareResults on results computed in chunks (a worker pool) equals compare', () => {
    const base = parseScenario(full);
    const variant = parseScenario({ ...full, reps: { ...full.reps, opportunitiesPerMonth: 5 } });
    const chunked = (s: Scenario) => mergeResults([runTrials(s, 9, 0, 70), runTrials(s, 9, 70, 55), runTrials(s, 9, 125, 75)]);
    const direct = compare(base, [{ name: 'v', scenario: variant }], { trials: 200, seed: 9 });
    const pooled = compareResults(base, chunked(base), [{ name: 'v', scenario: variant, results: chunked(variant) }], { seed: 9 });
    const strip = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'meta' || k === 'elapsedMs' || k === 'trialsPerSecond' ? undefined : v)));
    expect(strip(pooled)).toEqual(strip(direct));
  });

  it('reports progress over every scenario and refuses a different horizon with the path', () => {
    const base = parseScenario(core);
    const seen: number[] = [];
    compare(base, [{ name: 'a', scenario: base }], { trials: 100, seed: 1, onProgress: (d, t) => seen.push(d / t) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((x, i) => i === 0 || x >= seen[i - 1])).toBe(true);
    const longer = parseScenario({ ...core, horizonMonths: 24 });
    try {
      compare(base, [{ name: 'a', scenario: base }, { name: 'b', scenario: longer }], { trials: 10 });
      throw new Error('expected an InputError');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).errors.map((x) => x.path)).toEqual(['variants[1].scenario.horizonMonths']);
    }
  });

  describe('properties over generated scenarios', () => {
    const scenarioArb = fc.record({
      seats: fc.integer({ min: 1, max: 12 }),
      opps: fc.double({ min: 0.5, max: 6, noNaN: true }),
      win: fc.double({ min: 0.05, max: 0.6, noNaN: true }),
      deal: fc.integer({ min: 1000, max: 100000 }),
      attrition: fc.option(fc.double({ min: 0.05, max: 0.5, noNaN: true }), { nil: null }),
      horizon: fc.integer({ min: 1, max: 18 }),
    });
    const build = (p: { seats: number; opps: number; win: number; deal: number; attrition: number | null; horizon: number }) =>
      parseScenario({
        horizonMonths: p.horizon,
        reps: { seats: p.seats, opportunitiesPerMonth: p.opps, winRate: { mean: p.win, concentration: 10 }, dealSize: { median: p.deal, sigma: 0.5 } },
        ...(p.attrition !== null ? { attrition: { annualRate: p.attrition }, hiring: { timeToFillMonths: 1, ramp: { months: 2 } } } : {}),
        costs: { repAnnualCost: 100000 },
      });

    it('an identical variant differs by exactly 0; the difference is antisymmetric in the roles', () => {
      fc.assert(
        fc.property(scenarioArb, scenarioArb, fc.integer({ min: 0, max: 1000 }), (pa, pb, seed) => {
          const a = build(pa);
          const b = build({ ...pb, horizon: pa.horizon });
          const same = compare(a, [{ name: 'same', scenario: build(pa) }], { trials: 15, seed }).variants[0];
          expect(allZero(same.difference.total) && allZero(same.difference.cost) && allZero(same.difference.margin)).toBe(true);
          const ab = compare(a, [{ name: 'b', scenario: b }], { trials: 15, seed }).variants[0];
          const ba = compare(b, [{ name: 'a', scenario: a }], { trials: 15, seed }).variants[0];
          // + 0: identical designs give a mean of 0 one way and -0 the other (Object.is tells them apart)
          expect(ab.difference.total.mean + 0).toBe(-ba.difference.total.mean + 0);
          expect(ab.difference.total.sd).toBe(ba.difference.total.sd);
          expect(ab.difference.total.p10).toBeCloseTo(-ba.difference.total.p90, 3);
          // P(A beats B) + P(B beats A) + P(tie) = 1, and ties are exactly the trials with a zero difference
          expect(ab.beatsBaseline.probability + ba.beatsBaseline.probability).toBeLessThanOrEqual(1 + 1e-12);
          expect(ab.varianceReduction).toBe(ba.varianceReduction);
        }),
        { numRuns: 25, seed: 17 },
      );
    });
  });
});
