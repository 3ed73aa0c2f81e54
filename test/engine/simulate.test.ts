import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, simulate, runTrials, mergeResults, summarize, type Scenario, type TrialResults } from '../../engine/index.js';
import { expectMoments } from '../helpers/stat.js';

function totals(r: TrialResults): Float64Array {
  const out = new Float64Array(r.trials);
  for (let t = 0; t < r.trials; t++) for (let m = 0; m < r.months; m++) out[t] += r.revenue[t * r.months + m];
  return out;
}
const sc = (o: Record<string, unknown>, reps: Record<string, unknown> = {}): Scenario =>
  parseScenario({ ...o, reps: { seats: 20, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1000, ...reps } });

describe('closed forms (each within 4 standard errors, fixed seed)', () => {
  it('fixed win rate and deal size from a steady state: wins ~ Poisson(seats x months x rate x p)', () => {
    const s = sc({ horizonMonths: 12 }, { seats: 20, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1000 });
    const wins = totals(simulate(s, { trials: 4000, seed: 11 })).map((x) => x / 1000);
    const lambda = 20 * 12 * 4 * 0.25;
    expectMoments(wins, lambda, lambda);
  });
  it('expected revenue per month from month 1 = seats x rate x E[p] x (1 - nd) x E[D]', () => {
    const s = sc({ horizonMonths: 6 }, { winRate: { mean: 0.3, concentration: 5 }, dealSize: { median: 1000, sigma: 0.5 }, noDecisionRate: 0.2 });
    const r = simulate(s, { trials: 4000, seed: 5 });
    const perMonth = 20 * 4 * 0.3 * 0.8 * 1000 * Math.exp(0.125);
    for (const m of [0, 5]) {
      const col = Float64Array.from({ length: r.trials }, (_, t) => r.revenue[t * 6 + m]);
      expectMoments(col, perMonth, null);
    }
  });
  it('Beta win rates with lognormal deals: mean R n mu E[D], variance R (n mu E[D^2] + (n E[D])^2 Var(p))', () => {
    const R = 10,
      months = 12,
      rate = 3,
      mu = 0.25,
      k = 8,
      med = 1000,
      sig = 0.6;
    const s = sc({ horizonMonths: months }, { seats: R, opportunitiesPerMonth: rate, winRate: { mean: mu, concentration: k }, dealSize: { median: med, sigma: sig } });
    const n = rate * months;
    const ED = med * Math.exp((sig * sig) / 2);
    const ED2 = med * med * Math.exp(2 * sig * sig);
    const varP = (mu * (1 - mu)) / (k + 1);
    const tot = totals(simulate(s, { trials: 6000, seed: 3 }));
    expectMoments(tot, R * n * mu * ED, R * (n * mu * ED2 + (n * ED) ** 2 * varP));
  });
  it('a no-decision rate of 0.5 halves revenue', () => {
    const s = sc({ horizonMonths: 12 }, { noDecisionRate: 0.5 });
    const wins = totals(simulate(s, { trials: 4000, seed: 12 })).map((x) => x / 1000);
    const lambda = 20 * 12 * 4 * 0.25 * 0.5;
    expectMoments(wins, lambda, lambda);
  });
  it('territory saturation: a territory yields F (1 - exp(-D/F)) opportunities a month', () => {
    const F = 30;
    const s = parseScenario({
      horizonMonths: 12,
      territories: [{ name: 'Small', seats: 20, potential: F }],
      reps: { opportunitiesPerMonth: 4, winRate: 0.5, dealSize: 1, cycleMonths: 1 },
    });
    const wins = totals(simulate(s, { trials: 4000, seed: 8 }));
    const lambda = 12 * F * (1 - Math.exp(-80 / F)) * 0.5;
    expectMoments(wins, lambda, lambda);
  });
  it('an empty initial pipeline ramps revenue up over the cycle', () => {
    const s = sc({ horizonMonths: 3 }, { initialPipeline: 'empty', winRate: 1, dealSize: 1 });
    const r = simulate(s, { trials: 4000, seed: 9 });
    // month m resolves Poisson(rate * (1 - (2/3)^m)) per rep with cycle 3
    for (let m = 1; m <= 3; m++) {
      const lam = 20 * 4 * (1 - (2 / 3) ** m);
      expectMoments(
        Float64Array.from({ length: r.trials }, (_, t) => r.revenue[t * 3 + m - 1]),
        lam,
        lam,
      );
    }
  });
  it('a two-tier team (20% at 0.40, 80% at 0.025) gives a top-20% revenue share of 0.80', () => {
    const s = sc({ horizonMonths: 24 }, { seats: 50, opportunitiesPerMonth: 20, winRate: { tiers: [{ share: 0.2, mean: 0.4 }, { share: 0.8, mean: 0.025 }] }, dealSize: 1 });
    const r = simulate(s, { trials: 1000, seed: 4 });
    expectMoments(r.top20Share, 0.8, null);
    const sum = summarize(s, r);
    expect(sum.reps.topVsBottom.top20.revenuePerRep.mean / sum.reps.topVsBottom.bottom80.revenuePerRep.mean).toBeCloseTo(16, 0);
  });
  it('capacity C dilutes every win probability by min(1, C / open): E[wins] = p/c x E[min(N, C)], N ~ Poisson(rate x c)', () => {
    // resolution does not depend on the win probability, so the open count stays Poisson(rate x cycle) at resolution
    const dil = totals(simulate(sc({ horizonMonths: 12 }, { capacity: 6, dealSize: 1 }), { trials: 3000, seed: 1 }));
    let eMin = 0,
      pk = Math.exp(-12);
    for (let k = 0; k < 200; k++) {
      eMin += Math.min(k, 6) * pk;
      pk *= 12 / (k + 1);
    }
    expectMoments(dil, 20 * 12 * (0.25 / 3) * eMin, null);
  });
});

describe('properties', () => {
  const scenario = fc.record({
    seats: fc.integer({ min: 0, max: 12 }),
    rate: fc.double({ min: 0, max: 8, noNaN: true }),
    p: fc.double({ min: 0, max: 0.9, noNaN: true }),
    months: fc.integer({ min: 1, max: 18 }),
    cycle: fc.double({ min: 1, max: 6, noNaN: true }),
    nd: fc.double({ min: 0, max: 0.8, noNaN: true }),
    sigma: fc.double({ min: 0, max: 1.2, noNaN: true }),
    spread: fc.double({ min: 0, max: 0.5, noNaN: true }),
  });
  const build = (x: { seats: number; rate: number; p: number; months: number; cycle: number; nd: number; sigma: number; spread: number }, p = x.p) =>
    sc({ horizonMonths: x.months }, { seats: x.seats, opportunitiesPerMonth: x.rate, winRate: p, cycleMonths: x.cycle, noDecisionRate: x.nd, dealSize: { median: 1000, sigma: x.sigma }, repDealSizeSpread: x.spread });
  const withoutMeta = (s: ReturnType<typeof summarize>) => ({ ...s, meta: null });

  it('the same seed gives an identical Summary; another seed differs', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 1e6 }), (x, seed) => {
        const s = build(x);
        const a = summarize(s, simulate(s, { trials: 30, seed }), { seed });
        const b = summarize(s, simulate(s, { trials: 30, seed }), { seed });
        expect(withoutMeta(a)).toEqual(withoutMeta(b));
        if (x.seats > 0 && x.rate > 1 && x.p > 0.05 && x.months > 2) {
          const c = simulate(s, { trials: 30, seed: seed + 1 });
          expect(Array.from(c.revenue)).not.toEqual(Array.from(simulate(s, { trials: 30, seed }).revenue));
        }
      }),
      { numRuns: 25, seed: 1 },
    );
  });
  it('the same trials chunked differently give identical per-trial results', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 1, maxLength: 5 }), (x, sizes) => {
        const s = build(x);
        const n = sizes.reduce((a, b) => a + b, 0);
        const whole = simulate(s, { trials: n, seed: 7 });
        let from = 0;
        const parts = sizes.map((k) => {
          const r = runTrials(s, 7, from, k);
          from += k;
          return r;
        });
        const merged = mergeResults(parts.reverse());
        expect(merged.revenue).toEqual(whole.revenue);
        expect(merged.top20Share).toEqual(whole.top20Share);
        expect(merged.attainments).toEqual(whole.attainments);
      }),
      { numRuns: 20, seed: 2 },
    );
  });
  it('percentiles are ordered and revenue is never negative', () => {
    fc.assert(
      fc.property(scenario, (x) => {
        const s = build(x);
        const r = simulate(s, { trials: 40, seed: 3 });
        for (const v of r.revenue) expect(v).toBeGreaterThanOrEqual(0);
        const sum = summarize(s, r);
        for (const st of [sum.revenue.total, ...sum.revenue.monthly, ...sum.revenue.annual]) {
          expect(st.p5 <= st.p10 && st.p10 <= st.p25 && st.p25 <= st.p50 && st.p50 <= st.p75 && st.p75 <= st.p90 && st.p90 <= st.p95).toBe(true);
        }
      }),
      { numRuns: 25, seed: 4 },
    );
  });
  it('a win rate of 0 gives revenue 0', () => {
    const s = sc({ horizonMonths: 12 }, { winRate: 0 });
    expect(totals(simulate(s, { trials: 50, seed: 1 })).every((v) => v === 0)).toBe(true);
  });
  it('raising every rep’s win rate never lowers any trial’s revenue on the same seed', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 0.1, noNaN: true }), (x, dp) => {
        const lo = totals(simulate(build(x), { trials: 20, seed: 5 }));
        const hi = totals(simulate(build(x, Math.min(1, x.p + dp)), { trials: 20, seed: 5 }));
        for (let t = 0; t < lo.length; t++) expect(hi[t]).toBeGreaterThanOrEqual(lo[t]);
      }),
      { numRuns: 30, seed: 6 },
    );
  });
});
