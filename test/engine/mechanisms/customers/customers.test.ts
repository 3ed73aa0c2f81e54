import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseScenario, runTrials, type TrialResults } from '../../../../engine/index.js';
import { monthlyHazard } from '../../../../engine/mechanisms/attrition/attrition.js';
import { churnMonth, compileCustomers, expectedArr } from '../../../../engine/mechanisms/customers/customers.js';
import { expectMoments, moments } from '../../../helpers/stat.js';
import { scenario, simulate, month } from '../../../helpers/scenarios.js';
import { pinnedEntries } from '../../../helpers/pinned.js';

/** Column y (0-based) of a per-year array. */
function year(a: Float64Array, r: TrialResults, y: number): Float64Array {
  return Float64Array.from({ length: r.trials }, (_, t) => a[t * r.years + y]);
}

/** Asserts |mean - mu| <= 4 SE (SE from the sample). */
function expectMean(xs: ArrayLike<number>, mu: number): void {
  const m = moments(xs);
  const se = Math.sqrt(m.variance / m.n);
  if (!(Math.abs(m.mean - mu) <= 4 * se + 1e-9 * Math.abs(mu))) throw new Error(`mean ${m.mean} differs from ${mu} by more than 4 SE (${se})`);
}

/** FNV-1a over the bytes of every per-trial array, in key order. */
function hashResults(r: TrialResults): string {
  let h = 0x811c9dc5;
  for (const [, v] of pinnedEntries(r)) {
    if (!ArrayBuffer.isView(v)) continue;
    const b = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 16777619);
  }
  return (h >>> 0).toString(16);
}

// constant new ARR: 5 seats x 2 opportunities x win 0.5 = Poisson(5) new customers a month of fixed ACV 1000
const SEATS = 5,
  RATE = 2,
  WIN = 0.5,
  ACV = 1000;
const LAMBDA = SEATS * RATE * WIN;
const base = (customers: Record<string, unknown>, H = 24, extra: Record<string, unknown> = {}) =>
  scenario({ horizonMonths: H, customers, ...extra }, { seats: SEATS, opportunitiesPerMonth: RATE, winRate: WIN, dealSize: ACV });

describe('customers: closed forms', () => {
  it('ARR from an empty base follows a(1-(1-q)^t)/q and tends to a/q', () => {
    const annual = 0.5,
      H = 120;
    const q = monthlyHazard(annual);
    const r = simulate(base({ annualChurn: annual }, H), { trials: 1000, seed: 181 });
    const a = LAMBDA * ACV;
    for (const t of [1, 12, 36, H]) expectMean(month(r.arr, r, t), expectedArr(a, q, t));
    expect(Math.abs(expectedArr(a, q, H) / (a / q) - 1)).toBeLessThan(0.002);
    // bookings are the new ARR (every won deal is a customer) and ARR moves by new + expansion - churned
    for (let k = 0; k < 40; k++) {
      const prev = k % H === 0 ? 0 : r.arr[k - 1];
      expect(r.arr[k]).toBeCloseTo(prev + r.newArr[k] + r.expansionArr[k] - r.churnedArr[k], 6);
      expect(r.newArr[k]).toBe(r.revenue[k]);
    }
  });
  it('customers in steady state are Poisson with mean (new per month)/q', () => {
    const q = monthlyHazard(0.4);
    const r = simulate(base({ annualChurn: 0.4, initial: 'steady-state' }), { trials: 3000, seed: 182 });
    const mu = LAMBDA / q;
    for (const t of [1, 24]) expectMoments(month(r.customerCount, r, t), mu, mu);
  });
  it('with expansion e, NRR over a year is (1-q)^12 (1+e) in expectation; GRR (1-q)^12', () => {
    for (const churnDecided of ['monthly', 'anniversary'] as const) {
      const r = simulate(base({ annualChurn: 0.2, annualExpansion: 0.15, churnDecided, initial: { count: 200, arr: { median: 1000, sigma: 0.8 } } }), { trials: 2000, seed: 183 });
      // monthly: (1 - q)^12 = 0.8; anniversary: each initial customer meets one renewal in the year, at 20%
      expectMean(year(r.nrr, r, 0), 0.8 * 1.15);
      expectMean(year(r.grr, r, 0), 0.8);
    }
  });
  it('referral opportunities are compound Poisson in the customer count', () => {
    // win rate 0: referrals do not feed back into the count, so N(m-1) ~ Poisson(mu) and R(m) | N ~ Poisson(r N)
    const q = monthlyHazard(0.4);
    const mu = LAMBDA / q;
    const rr = 6 / 12;
    const r = simulate(base({ annualChurn: 0.4, initial: 'steady-state', referrals: { perCustomerPerYear: 6, winRate: 0 } }, 6), { trials: 4000, seed: 184 });
    // E[R] = r mu, Var[R] = r mu + r^2 Var[N] = r mu (1 + r) (a plain Poisson would have variance r mu)
    expectMoments(month(r.referralOpps, r, 6), rr * mu, rr * mu * (1 + rr));
  });
  it('anniversary rule: churn only at contract anniversaries', () => {
    const r = simulate(base({ annualChurn: 0.5, churnDecided: 'anniversary' }, 30), { trials: 200, seed: 185 });
    for (let t = 0; t < r.trials; t++)
      for (let m = 1; m <= 12; m++) expect(r.churnedArr[t * 30 + m - 1]).toBe(0);
    const sc = parseScenario({ horizonMonths: 40, reps: { seats: 1, opportunitiesPerMonth: 1, winRate: 0.5, dealSize: 1 }, customers: { annualChurn: 0.5, churnDecided: 'anniversary' } });
    const cc = compileCustomers(sc, { dealMedian: 1, dealSigma: 0, rate: sc.reps.opportunitiesPerMonth, noDecision: sc.reps.noDecisionRate }, 0.5)!;
    expect(churnMonth(cc, 40, 3, 3, 0.1)).toBe(15);
    expect(churnMonth(cc, 40, 3, 3, 1)).toBe(27);
    expect(churnMonth(cc, 40, 3, 3, 5)).toBe(41);
  });
});

describe('customers: common random numbers and bit-identity', () => {
  it('lower churn never lowers ARR on common random numbers (trial by trial, every month)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.9, noNaN: true }), fc.double({ min: 0.01, max: 0.9, noNaN: true }), fc.double({ min: 0, max: 0.3, noNaN: true }), fc.constantFrom('monthly', 'anniversary'), fc.integer({ min: 1, max: 1000 }), (a, b, e, rule, seed) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const mk = (c: number) => parseScenario({ horizonMonths: 24, reps: { seats: 3, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: { median: 1000, sigma: 1 } }, attrition: { annualRate: 0.3 }, hiring: {}, customers: { annualChurn: c, annualExpansion: e, churnDecided: rule, initial: { count: 20, arr: 500 } } });
        const rl = runTrials(mk(lo), seed, 0, 20);
        const rh = runTrials(mk(hi), seed, 0, 20);
        for (let k = 0; k < rl.arr.length; k++) expect(rl.arr[k]).toBeGreaterThanOrEqual(rh.arr[k] * (1 - 1e-12) - 1e-9);
      }),
      { numRuns: 25 },
    );
  });
  it('with referrals on, lower churn does not lower mean ARR (paired, 4 SE)', () => {
    const mk = (c: number) => base({ annualChurn: c, initial: 'steady-state', referrals: { perCustomerPerYear: 1, winRate: 0.3 } }, 24);
    const a = simulate(mk(0.1), { trials: 500, seed: 186 });
    const b = simulate(mk(0.2), { trials: 500, seed: 186 });
    const d = Float64Array.from({ length: 500 }, (_, t) => a.arr[t * 24 + 23] - b.arr[t * 24 + 23]);
    const m = moments(d);
    expect(m.mean).toBeGreaterThan(-4 * Math.sqrt(m.variance / m.n));
  });
  it('a scenario without customers is bit-identical to the engine before the block (golden hash)', () => {
    const text = readFileSync(new URL('../../../../bench/full-model.yaml', import.meta.url), 'utf8');
    const r = runTrials(parseScenario(text), 7, 3, 40);
    expect(r.arr.length).toBe(0);
    expect(hashResults(r)).toBe(GOLDEN_FULL_MODEL);
  });
  it('adding a customers block without referrals or programme cost changes no bookings, cost or headcount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.boolean(), (seed, churn, withBase) => {
        const text = readFileSync(new URL('../../../../bench/full-model.yaml', import.meta.url), 'utf8');
        const plain = parseScenario(text);
        const withC = parseScenario({ ...(parseScenario(text) as object), customers: { annualChurn: churn, annualExpansion: 0.1, initial: withBase ? 'steady-state' : null, experience: { churnCut: 0.5 } } } as never);
        const a = runTrials({ ...plain, horizonMonths: 12 }, seed, 0, 3);
        const b = runTrials({ ...withC, horizonMonths: 12 }, seed, 0, 3);
        for (const k of ['revenue', 'cost', 'headcount', 'territoryRevenue', 'shareAtQuota', 'gini'] as const) expect(Array.from(b[k])).toEqual(Array.from(a[k]));
      }),
      { numRuns: 8 },
    );
  });
});

/** FNV-1a of runTrials(bench/full-model.yaml, seed 7, trials 3..42) over the pinned fields, computed with the engine before the customers block (/tmp/old) */
const GOLDEN_FULL_MODEL = 'ca6d568c';

describe('customers: sensitivity', () => {
  it('a subscription scenario is measured on ARR at the horizon and varies churn and expansion by default', async () => {
    const { sensitivity, defaultParameters } = await import('../../../../engine/index.js');
    const s = base({ annualChurn: 0.2, annualExpansion: 0.1, initial: { count: 50, arr: 1000 } }, 12);
    expect(defaultParameters(s)).toEqual(expect.arrayContaining(['customers.annualChurn', 'customers.annualExpansion']));
    const r = sensitivity(s, { trials: 200, seed: 3, params: [{ path: 'customers.annualChurn' }, { path: 'customers.annualExpansion' }] });
    expect(r.output).toBe('arr.end');
    const churn = r.parameters.find((p) => p.path === 'customers.annualChurn')!;
    const exp = r.parameters.find((p) => p.path === 'customers.annualExpansion')!;
    expect(churn.swing.mean).toBeLessThan(0);
    expect(exp.swing.mean).toBeGreaterThan(0);
  });
});

describe('customers: Summary and programme', () => {
  it('the streaming Summary equals summarize on a customers scenario', async () => {
    const { createSummaryStream, summarize, mergeResults } = await import('../../../../engine/index.js');
    const s = base({ annualChurn: 0.2, annualExpansion: 0.1, initial: 'steady-state', referrals: { perCustomerPerYear: 1, winRate: 0.3 } }, 15, { costs: { repAnnualCost: 100000 } });
    const blocks = [runTrials(s, 5, 0, 30), runTrials(s, 5, 30, 45)];
    const stream = createSummaryStream(s, 75);
    blocks.forEach((b) => stream.add(b));
    const a = summarize(s, mergeResults(blocks), { seed: 5 });
    const b = stream.summary({ seed: 5 });
    expect(JSON.stringify({ ...b, meta: null })).toBe(JSON.stringify({ ...a, meta: null }));
    expect(a.customers!.arr.annual).toHaveLength(2);
    expect(a.customers!.nrr[0]!.mean).toBeGreaterThan(0);
  });
  it('the customer-experience programme costs oneTime + perMonth from its start and lowers churn', () => {
    const ex = { startMonth: 3, churnCut: 0.5, cost: { oneTime: 100, perMonth: 10 } };
    const on = simulate(base({ annualChurn: 0.3, initial: { count: 100, arr: 1000 }, experience: ex }, 12), { trials: 300, seed: 187 });
    const off = simulate(base({ annualChurn: 0.3, initial: { count: 100, arr: 1000 } }, 12), { trials: 300, seed: 187 });
    for (let t = 0; t < 300; t++) expect(on.csCost[t]).toBe(100 + 10 * 10);
    // common random numbers: every trial keeps at least as much ARR, and the cost is in the month's cost
    for (let k = 0; k < on.arr.length; k++) expect(on.arr[k]).toBeGreaterThanOrEqual(off.arr[k] - 1e-6);
    expect(on.cost[2] - off.cost[2]).toBe(110);
  });
});

describe('customers: validation', () => {
  it('names the path and the rule; the JSON Schema exports the block', async () => {
    const { validateScenario, scenarioJsonSchema } = await import('../../../../engine/index.js');
    const reps = { seats: 2, opportunitiesPerMonth: 1, winRate: 0.2, dealSize: 1 };
    const msgs = (customers: unknown) => {
      const r = validateScenario({ reps, customers });
      return r.ok ? [] : r.errors.map((e) => e.message);
    };
    expect(msgs({ annualChurn: 2 })).toEqual(['customers.annualChurn: must be between 0 and 1']);
    expect(msgs({ annualChurn: 0.1, initial: 'foo' })).toEqual(["customers.initial: must be 'steady-state' or { count, arr }"]);
    expect(msgs({ annualChurn: 0, initial: 'steady-state' })[0]).toMatch(/^customers.initial: steady-state needs annualChurn > 0/);
    expect(msgs({ annualChurn: 0.1, experience: { startMonth: 20 } })).toEqual(['customers.experience.startMonth: must be within the horizon (1..12)']);
    expect(JSON.stringify(scenarioJsonSchema())).toContain('annualExpansion');
  });
});
