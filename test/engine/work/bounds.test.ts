/**
 * Issue 32: counts cannot wrap (refused with the largest value that fits), the engine's runnable range,
 * O(1) sums of many deal sizes, and the cost model.
 */
import { describe, expect, it } from 'vitest';
import { InputError, checkBudget, estimateWork, parseScenario, simulate, summarize, fentonWilkinson, lognormalSum, empiricalSum, SUM_EXACT_MAX } from '../../../engine/index.js';
import { createLognormalTable } from '../../../engine/random/lognormalTable.js';
import { createEmpiricalTable } from '../../../engine/random/empiricalTable.js';
import { createStreams, seedStream } from '../../../engine/random/streams.js';
import { betaMeanConcentration } from '../../../engine/random/beta.js';
import { gammaMeanSd } from '../../../engine/random/gamma.js';
import { expectMoments, moments } from '../../helpers/stat.js';

const core = (opp: number, dealSize: unknown = 40_000) => ({ horizonMonths: 12, reps: { seats: 6, opportunitiesPerMonth: opp, winRate: 0.3, dealSize } });

function issuesOf(input: unknown): { path: string | null; message: string }[] {
  try {
    parseScenario(input as never);
  } catch (e) {
    if (e instanceof InputError) return e.errors;
    throw e;
  }
  return [];
}

describe('counts at large rates', () => {
  it('mean revenue is seats x rate x winRate x dealSize x months up to the largest rate that fits (steady-state start, fixed deals)', () => {
    for (const opp of [1e5, 1e7, 33_333_333]) {
      const s = parseScenario(core(opp));
      const r = simulate(s, { trials: 40, seed: 3 });
      const per = Array.from({ length: 40 }, (_, t) => r.revenue.slice(t * 12, t * 12 + 12).reduce((a, b) => a + b, 0));
      const truth = 6 * opp * 0.3 * 40_000 * 12;
      // each rep-month's won count is Poisson-thinned: variance of a trial's total <= its mean x dealSize (x2 margin for the pipeline's correlation)
      const se = Math.sqrt((2 * truth * 40_000) / 40);
      expect(Math.abs(moments(per).mean - truth)).toBeLessThan(5 * se);
    }
  });

  it('refuses a rate whose counts could wrap, naming the field and the largest value that fits', () => {
    for (const opp of [1e9, 1e10, 1e12]) {
      const e = issuesOf(core(opp));
      expect(e).toHaveLength(1);
      expect(e[0].path).toBe('reps.opportunitiesPerMonth');
      expect(e[0].message).toContain('the largest value that fits is 33333333');
    }
    expect(issuesOf({ ...core(1e7), reps: { ...core(1e7).reps, cycleMonths: 12 } })[0].message).toContain('8333333');
  });

  it('lognormal deal sizes at a large rate: the mean follows the closed form with E[deal] = median e^{sigma^2/2}', () => {
    const opp = 1e7;
    const s = parseScenario(core(opp, { median: 40_000, sigma: 1 }));
    const r = simulate(s, { trials: 30, seed: 5 });
    const per = Array.from({ length: 30 }, (_, t) => r.revenue.slice(t * 12, t * 12 + 12).reduce((a, b) => a + b, 0));
    const truth = 6 * opp * 0.3 * 40_000 * Math.exp(0.5) * 12;
    const m = moments(per);
    expect(Math.abs(m.mean - truth)).toBeLessThan(5 * Math.sqrt(m.variance / 30) + 1e-9 * truth);
    expect(Number.isFinite(summarize(s, r, { seed: 5 }).revenue.total.mean)).toBe(true);
  });
});

describe('the runnable range', () => {
  it.each([
    [{ reps: { seats: 2, opportunitiesPerMonth: 4, winRate: { mean: 0.3, concentration: 5e-324 }, dealSize: 100 } }, 'reps.winRate.concentration'],
    [{ reps: { seats: 2, opportunitiesPerMonth: 4, winRate: 0.3, dealSize: 100, cycleMonths: 1e308 } }, 'reps.cycleMonths'],
    [{ reps: { seats: 2, opportunitiesPerMonth: 4, winRate: 0.3, dealSize: 1e308 } }, 'reps.dealSize'],
    [{ reps: { seats: 2, opportunitiesPerMonth: 4, winRate: 0.3, dealSize: { median: 1e-320, sigma: 1 } } }, 'reps.dealSize.median'],
    [{ reps: { seats: 2, opportunitiesPerMonth: 4, winRate: 0.3, dealSize: 100 }, market: { annualGrowth: 1e6 } }, 'market.annualGrowth'],
  ])('refuses %j naming %s', (input, path) => {
    const e = issuesOf(input);
    expect(e.map((x) => x.path)).toContain(path);
  });

  it('a winRate with a tiny but normal concentration runs to a finite Summary', () => {
    const s = parseScenario({ reps: { seats: 2, opportunitiesPerMonth: 4, winRate: { mean: 0.3, concentration: 1e-100 }, dealSize: 100 } });
    expect(Number.isFinite(summarize(s, simulate(s, { trials: 50, seed: 1 }), { seed: 1 }).revenue.total.mean)).toBe(true);
  });
});

describe('samplers at the ends of the doubles', () => {
  it('a Beta whose shape underflows is its limit, a gamma by mean and sd whose shape leaves the doubles too', () => {
    const S = createStreams(1);
    seedStream(S, 0, 1, 2, 3);
    expect(betaMeanConcentration(S, 0, 5e-324, 0.01)).toBe(0);
    expect(betaMeanConcentration(S, 0, 0.3, 5e-324)).toBe(0);
    expect(gammaMeanSd(S, 0, 1e-170, 1)).toBe(0);
    expect(gammaMeanSd(S, 0, 1e200, 1e-200)).toBe(1e200);
  });
});

describe('sums of many deal sizes', () => {
  const S = createStreams(1);
  it('lognormal: exact draws up to SUM_EXACT_MAX, above it the sum has the exact mean and variance', () => {
    const sigma = 0.8;
    const t = createLognormalTable(sigma);
    for (const n of [SUM_EXACT_MAX + 1, 1e6, 1e12]) {
      seedStream(S, 0, 1, 2, n % 97);
      const xs = Float64Array.from({ length: 20_000 }, () => lognormalSum(S, 0, n, t));
      const mean = n * Math.exp((sigma * sigma) / 2);
      const variance = n * Math.expm1(sigma * sigma) * Math.exp(sigma * sigma);
      expectMoments(xs, mean, variance, 5);
    }
    expect(fentonWilkinson(1, 0.5)).toEqual({ mu: expect.closeTo(0, 12), s: expect.closeTo(0.5, 12) });
  });

  it('empirical: above SUM_EXACT_MAX, the sum has the exact mean and variance and never goes below n x the smallest amount', () => {
    const t = createEmpiricalTable([10, 20, 1000]);
    const mu = 1030 / 3;
    const v = (10 * 10 + 20 * 20 + 1000 * 1000) / 3 - mu * mu;
    for (const n of [1e5, 1e10]) {
      seedStream(S, 0, 3, 4, 1);
      const xs = Float64Array.from({ length: 20_000 }, () => empiricalSum(S, 0, n, t));
      expectMoments(xs, n * mu, n * v, 5);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(10 * n);
    }
  });
});

describe('the cost model', () => {
  it('counts rep-months, and the deal draws a rep-month makes one by one (capped where the sum is drawn at once)', () => {
    const small = estimateWork([{ scenario: parseScenario(core(4)), trials: 10 }]);
    expect(small.repMonths).toBe(10 * 6 * 12);
    expect(small.events.deals).toBeCloseTo(10 * 6 * 12 * 4 * 0.3, 6);
    const big = estimateWork([{ scenario: parseScenario(core(1e7)), trials: 10 }]);
    expect(big.events.deals).toBe(10 * 6 * 12 * SUM_EXACT_MAX);
  });

  it('counts customers: 1,000,000 initial customers is not tiny work', () => {
    const s = parseScenario({ ...core(4), customers: { annualChurn: 0.1, initial: { count: 1_000_000, arr: 1000 } } });
    const e = estimateWork([{ scenario: s, trials: 2000 }]);
    expect(e.events.customers).toBeGreaterThanOrEqual(2e9);
    const over = checkBudget([{ scenario: s, trials: 2000 }], 1e9, 1e12)!;
    expect(over.path).toBe('customers.initial.count');
    // the largest value that fits does fit, and one more does not
    const fit = parseScenario({ ...core(4), customers: { annualChurn: 0.1, initial: { count: over.fits, arr: 1000 } } });
    expect(checkBudget([{ scenario: fit, trials: 2000 }], 1e9, 1e12)).toBeNull();
    const more = parseScenario({ ...core(4), customers: { annualChurn: 0.1, initial: { count: over.fits + 1, arr: 1000 } } });
    expect(checkBudget([{ scenario: more, trials: 2000 }], 1e9, 1e12)).not.toBeNull();
  });

  it("counts the open book's deals every month, and names openPipeline when they drive the cost (the open book's lever)", () => {
    const book = (n: number) =>
      parseScenario({
        horizonMonths: 6,
        reps: { seats: 1, opportunitiesPerMonth: 0, winRate: 0.3, dealSize: 1000, cycleMonths: 2 },
        initialTeam: { asOf: '2025-06-30', roster: [{ name: 'A', hired: '2020-01-01' }] },
        openPipeline: Array.from({ length: n }, () => ({ owner: 'A', ageMonths: 0 })),
      });
    // each deal is an event every month of every trial
    expect(estimateWork([{ scenario: book(10), trials: 100 }]).events.opportunities).toBe(100 * 6 * 10);
    const over = checkBudget([{ scenario: book(100_000), trials: 2000 }], 1e9, 1e12)!;
    expect(over.path).toBe('openPipeline');
    expect(over.value).toBe(100_000);
    // the largest value that fits does fit, and one more does not
    expect(checkBudget([{ scenario: book(over.fits), trials: 2000 }], 1e9, 1e12)).toBeNull();
    expect(checkBudget([{ scenario: book(over.fits + 1), trials: 2000 }], 1e9, 1e12)).not.toBeNull();
  });

  it('names trials when they drive the cost, seats when seats do, and the memory budget', () => {
    const s = parseScenario(core(4));
    const t = checkBudget([{ scenario: s, trials: 1e6 }], 1e7, 1e12)!;
    expect(t.path).toBe('trials');
    expect(t.fits).toBe(Math.floor(1e7 / (estimateWork([{ scenario: s, trials: 1 }]).work)));
    const many = parseScenario({ ...core(4), reps: { ...core(4).reps, seats: 100_000 } });
    expect(checkBudget([{ scenario: many, trials: 20 }], 1e7, 1e12)!.path).toBe('reps.seats');
    const m = checkBudget([{ scenario: s, trials: 1e6 }], 1e15, 64 * 2 ** 20)!;
    expect(m.budget).toBe('memory');
    expect(m.message).toContain('MiB');
  });
});

describe('found by the server fuzz', () => {
  it('a lognormal sigma above 10 is refused (it drew infinite ARR, and a sensitivity on it failed with a 500)', () => {
    const e = issuesOf({ reps: { seats: 3, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 1000 }, customers: { annualChurn: 1, initial: { count: 1, arr: { median: 1, sigma: 1e6 } } } });
    expect(e.map((x) => x.path)).toContain('customers.initial.arr.sigma');
    expect(issuesOf(core(4, { median: 100, sigma: 11 }))[0].path).toBe('reps.dealSize.sigma');
    expect(issuesOf(core(4, { median: 100, sigma: 10 }))).toEqual([]);
  });
});
