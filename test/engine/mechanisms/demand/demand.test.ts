/**
 * Demand generation (engine/mechanisms/demand/demand.ts): validation naming the field, closed forms of the funnel (fixed
 * seeds, 4-SE tolerances), properties on common random numbers, and bit-identity of scenarios without the
 * block against the engine before it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseScenario, scenarioHash, scenarioJsonSchema } from '../../../../engine/scenario.js';
import { runTrials } from '../../../../engine/simulate.js';
import { mergeResults } from '../../../../engine/results.js';
import { summarize } from '../../../../engine/summarize.js';
import { meanLeads, routingShares } from '../../../../engine/mechanisms/demand/demand.js';
import type { TrialResults } from '../../../../engine/types.js';
import { errorsOf } from '../../../helpers/errors.js';
import { expectMoments, moments } from '../../../helpers/stat.js';
import { scenarioInput } from '../../../helpers/randomScenario.js';

const REPS = { seats: 4, opportunitiesPerMonth: 2, winRate: 0.25, dealSize: 1000, cycleMonths: 1 };
const scenario = (demand: Record<string, unknown>, extra: Record<string, unknown> = {}) => parseScenario({ horizonMonths: 12, reps: REPS, demand, ...extra });

/** Values of month m (1-based) of a monthly array over the trials. */
function month(r: TrialResults, key: keyof TrialResults, m: number): number[] {
  const a = r[key] as Float64Array;
  return Array.from({ length: r.trials }, (_, t) => a[t * r.months + m - 1]);
}
/** Every trial-month of months m0..m1 of a monthly array. */
function months(r: TrialResults, key: keyof TrialResults, m0: number, m1: number): number[] {
  const out: number[] = [];
  for (let m = m0; m <= m1; m++) out.push(...month(r, key, m));
  return out;
}
/** Poisson(mu) probabilities up to where they vanish. */
function poissonPmf(mu: number): number[] {
  const p: number[] = [];
  let f = Math.exp(-mu);
  for (let k = 0; k < mu + 20 * Math.sqrt(mu) + 20; k++) {
    p.push(f);
    f *= mu / (k + 1);
  }
  return p;
}

describe('demand: validation', () => {
  const e = (demand: unknown, extra: Record<string, unknown> = {}) => errorsOf(() => parseScenario({ reps: REPS, demand, ...extra })).map((x) => `${x.path}: ${x.rule}`);
  it('names the field and the rule', () => {
    expect(e({})).toEqual(['demand.leadsPerMonth: give exactly one of demand.leadsPerMonth or demand.budgetPerMonth']);
    expect(e({ leadsPerMonth: 10, budgetPerMonth: 100, costPerLead: 5 })).toEqual(['demand.leadsPerMonth: give exactly one of demand.leadsPerMonth or demand.budgetPerMonth']);
    expect(e({ budgetPerMonth: 1000 })).toEqual(['demand.costPerLead: must be > 0 when demand.budgetPerMonth is given']);
    expect(e({ leadsPerMonth: 10, qualifiedShare: 1.2 })).toEqual(['demand.qualifiedShare: must be between 0 and 1']);
    expect(e({ leadsPerMonth: 10, qualifiedShare: 0.6, notReadyShare: 0.5 })).toEqual(['demand.notReadyShare: must be <= 1 - demand.qualifiedShare (0.4)']);
    expect(e({ leadsPerMonth: 10, nurture: { monthlyConversion: 0.5, monthlyExit: 0.7 } })).toEqual(['demand.nurture.monthlyExit: must be <= 1 - demand.nurture.monthlyConversion (0.5)']);
    expect(e({ leadsPerMonth: 10, nurture: { monthlyConversion: 0.1 } })).toEqual(['demand.nurture.monthlyExit: is required']);
    expect(e({ leadsPerMonth: -3 })).toEqual(['demand.leadsPerMonth: must be >= 0']);
    expect(e({ leadsPerMonth: { mean: 10 } })).toEqual(['demand.leadsPerMonth.sd: is required']);
    expect(e({ leadsPerMonth: 10, quality: 3 })).toEqual(['demand.quality: must be between 0 and 2']);
    expect(e({ leadsPerMonth: 10, sdr: { count: 2, leadsPerSdrMonth: 100 } })).toEqual(['demand.sdr.waitDecay: is required']);
    expect(e({ leadsPerMonth: 10, leads: 5 })).toEqual(['demand.leads: is not a known field']);
    expect(e({ budgetPerMonth: 1e9, costPerLead: 10 })).toEqual(['demand.budgetPerMonth: must give at most 1000000 leads a month (mean and sd)']);
    expect(e({ leadsPerMonth: { mean: 10, sd: 2e6 } })).toEqual(['demand.leadsPerMonth: must give at most 1000000 leads a month (mean and sd)']);
  });
  it('names an unknown or repeated territory of the routing, shares that do not add up, and potential routing without potentials', () => {
    const territories = [
      { name: 'A', seats: 2, potential: 10 },
      { name: 'B', seats: 2 },
    ];
    const reps = { ...REPS, seats: undefined };
    expect(e({ leadsPerMonth: 10, routing: [{ territory: 'C', share: 1 }] }, { territories, reps })).toEqual(['demand.routing[0].territory: must name a territory (A, B)']);
    expect(e({ leadsPerMonth: 10, routing: [{ territory: 'A', share: 0.5 }, { territory: 'A', share: 0.5 }] }, { territories, reps })).toEqual(['demand.routing[1].territory: must be listed once']);
    expect(e({ leadsPerMonth: 10, routing: [{ territory: 'A', share: 0.5 }, { territory: 'B', share: 0.4 }] }, { territories, reps })).toEqual(['demand.routing: shares must add up to 1 (they add up to 0.9)']);
    expect(e({ leadsPerMonth: 10, routing: 'potential' }, { territories, reps })).toEqual(['territories[1].potential: must be a number when demand.routing is potential']);
    expect(e({ leadsPerMonth: 10, routing: 'nearest' }, { territories, reps })[0]).toMatch(/^demand.routing: must be seats, potential or a list of \{ territory, share \}/);
  });
  it('resolves defaults from the source material; a scenario without the block resolves and hashes as before', () => {
    const s = scenario({ leadsPerMonth: 100 });
    expect(s.demand).toMatchObject({ qualifiedShare: 0.1, notReadyShare: 0.5, nurture: null, handoffLoss: 0, quality: 1, sdr: null, routing: 'seats', qualificationDelayMonths: 0 });
    const plain = parseScenario({ reps: REPS });
    expect('demand' in plain).toBe(false);
    expect(scenarioHash(parseScenario({ reps: REPS, demand: null }))).toBe(scenarioHash(plain));
    expect(JSON.stringify(scenarioJsonSchema())).toContain('"notReadyShare"');
    expect(meanLeads({ budgetPerMonth: 100000, costPerLead: 50 })).toBe(2000);
    const t = parseScenario({ territories: [{ name: 'A', seats: 3, potential: 30 }, { name: 'B', seats: 1, potential: 10 }], reps: { ...REPS, seats: undefined }, demand: { leadsPerMonth: 1 } });
    expect(routingShares(t)).toEqual([0.75, 0.25]);
    expect(routingShares({ ...t, demand: { ...t.demand!, routing: 'potential' } })).toEqual([0.75, 0.25]);
    expect(routingShares({ ...t, demand: { ...t.demand!, routing: [{ territory: 'B', share: 1 }] } })).toEqual([0, 1]);
  });
});

describe('demand: closed forms (fixed seeds, 4 SE)', () => {
  it('qualified opportunities a month = leads x qualified share, after the qualification delay (Poisson: mean and variance)', () => {
    const L = 200,
      q = 0.1;
    const r = runTrials(scenario({ leadsPerMonth: L, qualifiedShare: q, notReadyShare: 0.5, qualificationDelayMonths: 2 }), 11, 0, 400);
    expect(months(r, 'qualifiedOpps', 1, 2).every((x) => x === 0)).toBe(true);
    expectMoments(months(r, 'qualifiedOpps', 3, 12), L * q, L * q);
    expectMoments(months(r, 'leads', 1, 12), L, L);
    // without a nurture programme the not-ready leads are lost: the pool stays empty
    expect(months(r, 'nurturePool', 1, 12).every((x) => x === 0)).toBe(true);
  });

  it('a budget buys budget / cost per lead leads a month, and charges the budget', () => {
    const s = scenario({ budgetPerMonth: 5000, costPerLead: 25 });
    const r = runTrials(s, 3, 0, 300);
    expectMoments(months(r, 'leads', 1, 12), 200, 200);
    expect(Array.from(r.marketingCostLeads).every((x) => x === 12 * 5000)).toBe(true);
    expect(summarize(s, r).cost.breakdown.marketing.mean).toBe(60000);
  });

  it('the nurture pool is Poisson with mean inflow x (1 - (1 - c - e)^m) / (c + e), converging to inflow / (conversion + exit); qualified = leads x share + conversions', () => {
    const L = 300,
      q = 0.1,
      nr = 0.5,
      c = 0.05,
      x = 0.15;
    const H = 60;
    const s = parseScenario({ horizonMonths: H, reps: REPS, demand: { leadsPerMonth: L, qualifiedShare: q, notReadyShare: nr, nurture: { monthlyConversion: c, monthlyExit: x } } });
    const r = runTrials(s, 5, 0, 300);
    const inflow = L * nr;
    const pool = (m: number) => (inflow * (1 - (1 - c - x) ** m)) / (c + x);
    for (const m of [1, 2, 3, 6, 12, 24, H]) expectMoments(month(r, 'nurturePool', m), pool(m), pool(m));
    // qualified in month m = L q + c x pool at the end of m - 1 (Poisson too)
    for (const m of [2, 5, 10, 40]) {
      const mu = L * q + c * pool(m - 1);
      expectMoments(month(r, 'qualifiedOpps', m), mu, mu);
    }
    // Little's law over the settled months: mean pool = inflow x mean stay (1 / (c + e) months)
    const settled = Array.from({ length: r.trials }, (_, t) => {
      let a = 0;
      for (let m = 31; m <= H; m++) a += r.nurturePool[t * H + m - 1];
      return a / (H - 30);
    });
    const mm = moments(settled);
    expect(Math.abs(mm.mean - inflow * (1 / (c + x)))).toBeLessThan(4 * Math.sqrt(mm.variance / mm.n));
    expect(pool(H)).toBeCloseTo(inflow / (c + x), 2);
  });

  it("a territory's marketing-sourced arrivals share its saturation with the reps' own: each arrives with probability F(1 - exp(-D/F)) / D", () => {
    const F = 20,
      seats = 4,
      rate = 2,
      mu = 10; // qualified opportunities a month: Poisson(100 leads x 0.1)
    const s = parseScenario({
      horizonMonths: 12,
      territories: [{ name: 'A', seats, potential: F }],
      reps: { opportunitiesPerMonth: rate, winRate: 0.25, dealSize: 1000, initialPipeline: 'empty' },
      coverage: { policy: 'none' }, // records the rep-sourced opportunities created
      demand: { leadsPerMonth: 100, qualifiedShare: 0.1, notReadyShare: 0 },
    });
    const r = runTrials(s, 9, 0, 400);
    const g = (D: number) => (F * -Math.expm1(-D / F)) / D;
    const Dr = seats * rate;
    let eMkt = 0,
      eRep = 0;
    poissonPmf(mu).forEach((p, k) => {
      eMkt += p * k * g(Dr + k);
      eRep += p * Dr * g(Dr + k);
    });
    const mkt = months(r, 'marketingOpps', 1, 12);
    const rep = months(r, 'createdOpps', 1, 12);
    expectMoments(mkt, eMkt, null);
    expectMoments(rep, eRep, null);
    // against the closed form without marketing: the reps lose arrivals to the leads' share of the market
    expect(eRep).toBeLessThan(Dr * g(Dr));
    expect(eMkt + eRep).toBeLessThan(F);
  });

  it('hand-off loss, routing and quality: marketing-sourced revenue a month = leads x share x (1 - loss) x win rate x quality x deal', () => {
    const L = 400,
      q = 0.1,
      h = 0.25,
      p = 0.25,
      k = 0.6,
      D = 1000;
    const s = parseScenario({
      horizonMonths: 12,
      territories: [
        { name: 'A', seats: 3 },
        { name: 'B', seats: 1 },
      ],
      reps: { opportunitiesPerMonth: 2, winRate: p, dealSize: D, cycleMonths: 1 },
      demand: { leadsPerMonth: L, qualifiedShare: q, handoffLoss: h, quality: k, routing: [{ territory: 'A', share: 0.2 }, { territory: 'B', share: 0.8 }] },
    });
    const r = runTrials(s, 4, 0, 300);
    expectMoments(months(r, 'marketingOpps', 1, 12), L * q * (1 - h), L * q * (1 - h));
    expectMoments(months(r, 'marketingWon', 1, 12), L * q * (1 - h) * p * k, L * q * (1 - h) * p * k);
    expectMoments(months(r, 'marketingRevenue', 1, 12), L * q * (1 - h) * p * k * D, null);
    // B's single rep gets 80% of the marketing-sourced revenue: territory B's revenue = its rep's own + that
    const bRev = Array.from({ length: r.trials }, (_, t) => r.territoryRevenue[t * 2 + 1] / 12);
    expectMoments(bRev, (2 * p + 0.8 * L * q * (1 - h) * p * k) * D, null);
  });

  it('SDR capacity: qualified = share x E[min(leads, capacity)] when waiting leads decay at once; waiting leads are counted', () => {
    const L = 200,
      cap = 180,
      q = 0.1;
    const r = runTrials(scenario({ leadsPerMonth: L, qualifiedShare: q, sdr: { count: 2, leadsPerSdrMonth: cap / 2, monthlyCost: 4000, waitDecay: 1 } }), 8, 0, 400);
    let eMin = 0;
    poissonPmf(L).forEach((p, n) => (eMin += p * Math.min(n, cap)));
    expectMoments(months(r, 'qualifiedOpps', 1, 12), q * eMin, null);
    expect(months(r, 'leadBacklog', 1, 12).every((x) => x === 0)).toBe(true);
    expect(Array.from(r.marketingCostSdr).every((x) => x === 12 * 8000)).toBe(true);
    // without decay the leads beyond capacity wait: the backlog grows by L - cap a month on average
    const w = runTrials(scenario({ leadsPerMonth: L, qualifiedShare: q, sdr: { count: 2, leadsPerSdrMonth: cap / 2, waitDecay: 0 } }), 8, 0, 200);
    expectMoments(month(w, 'leadBacklog', 12), 12 * (L - cap), null);
  });
});

describe('demand: properties', () => {
  it('more leads never lower mean qualified opportunities or marketing-sourced opportunities (common random numbers)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 5, max: 300 }),
        fc.integer({ min: 1, max: 200 }),
        fc.option(fc.record({ monthlyConversion: fc.double({ min: 0.01, max: 0.4, noNaN: true }), monthlyExit: fc.double({ min: 0, max: 0.5, noNaN: true }) }), { nil: null }),
        fc.option(fc.integer({ min: 20, max: 400 }), { nil: null }),
        (seed, L, extra, nurture, sdrCap) => {
          const d = { qualifiedShare: 0.1, nurture, sdr: sdrCap ? { count: 1, leadsPerSdrMonth: sdrCap, waitDecay: 0.5 } : null };
          const territories = [{ name: 'A', seats: 3, potential: 15 }];
          const reps = { opportunitiesPerMonth: 2, winRate: 0.25, dealSize: 1000 };
          const lo = runTrials(parseScenario({ horizonMonths: 8, territories, reps, demand: { ...d, leadsPerMonth: L } }), seed, 0, 60);
          const hi = runTrials(parseScenario({ horizonMonths: 8, territories, reps, demand: { ...d, leadsPerMonth: L + extra } }), seed, 0, 60);
          for (const key of ['qualifiedOpps', 'marketingOpps'] as const) {
            const diff = Array.from({ length: 60 }, (_, t) => {
              let a = 0;
              for (let m = 0; m < 8; m++) a += hi[key][t * 8 + m] - lo[key][t * 8 + m];
              return a;
            });
            const mm = moments(diff);
            expect(mm.mean).toBeGreaterThanOrEqual(-4 * Math.sqrt(mm.variance / mm.n) - 1e-9);
          }
        },
      ),
      { numRuns: 12, seed: 19 },
    );
  });

  it('a scenario without demand is bit-identical to the engine before the block (40 random scenarios, every result array)', () => {
    const golden = JSON.parse(readFileSync(new URL('../../fixtures/no-demand-golden.json', import.meta.url), 'utf8')) as { keys: string[]; cases: { input: unknown; seed: number; from: number; count: number; hash: string }[] };
    expect(golden.cases.length).toBe(40);
    for (const g of golden.cases) {
      const r = runTrials(parseScenario(g.input), g.seed, g.from, g.count);
      expect(r.leads.length).toBe(0);
      expect('demand' in r).toBe(false);
      // the fixture's `customers` was the result layout's flag for the customers' columns (present only when true), which
      // are recorded by name now (the registry's `recorded`): the same information, read where it is
      const layout = { ...r, ...(r.recorded?.customers ? { customers: true } : {}) } as unknown as Record<string, unknown>;
      expect(fnv(layout, golden.keys)).toBe(g.hash);
    }
  });

  it('a demand block that brings no leads changes no number of the rest of the model (random scenarios)', () => {
    fc.assert(
      fc.property(scenarioInput, fc.integer({ min: 1, max: 10_000 }), (input, seed) => {
        const plain = runTrials(parseScenario(input), seed, 0, 3);
        const withD = runTrials(parseScenario({ ...input, demand: { leadsPerMonth: 0, nurture: { monthlyConversion: 0.1, monthlyExit: 0.1, costPerMonth: 0 } } }), seed, 0, 3);
        for (const k of Object.keys(plain) as (keyof TrialResults)[]) if (!DEMAND_KEYS.includes(k) && k !== 'recorded') expect(withD[k]).toEqual(plain[k]);
        // the block's own columns are recorded by name: the rest of the record is unchanged
        const { demand, ...others } = withD.recorded ?? {};
        expect(demand).toBe(true);
        expect(Object.keys(others).length > 0 ? others : null).toEqual(plain.recorded ?? null);
        expect(Array.from(withD.leads).every((v) => v === 0)).toBe(true);
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('is deterministic by seed and invariant to chunking', () => {
    const s = parseScenario({
      horizonMonths: 10,
      territories: [{ name: 'A', seats: 3, potential: 12 }, { name: 'B', seats: 2 }],
      reps: { opportunitiesPerMonth: 2, winRate: { mean: 0.3, concentration: 8 }, dealSize: { median: 1000, sigma: 0.5 } },
      attrition: { annualRate: 0.3 },
      hiring: { plan: [] },
      demand: { leadsPerMonth: { mean: 150, sd: 30 }, qualificationDelayMonths: 1, nurture: { monthlyConversion: 0.04, monthlyExit: 0.1 }, handoffLoss: 0.2, quality: 0.8, sdr: { count: 1, leadsPerSdrMonth: 140, rampMonths: 3, waitDecay: 0.3 } },
    });
    const whole = runTrials(s, 21, 0, 20);
    const parts = mergeResults([runTrials(s, 21, 0, 7), runTrials(s, 21, 7, 13)]);
    expect(parts).toEqual(whole);
    expect(whole.marketingRevenue.some((v) => v > 0)).toBe(true);
  });
});

/** The demand block's outputs (empty without it). */
const DEMAND_KEYS: string[] = ['leads', 'qualifiedOpps', 'nurturePool', 'leadBacklog', 'marketingOpps', 'marketingWon', 'marketingRevenue', 'marketingCostLeads', 'marketingCostSdr', 'marketingCostNurture', 'marketingOppShare', 'marketingRevenueShare'];

/** FNV-1a over the given fields of a results block (as the fixture was made). */
function fnv(r: Record<string, unknown>, keys: string[]): string {
  let h = 0x811c9dc5;
  for (const k of keys) {
    const v = r[k];
    const b = ArrayBuffer.isView(v) ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : new TextEncoder().encode(JSON.stringify(v));
    for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 16777619);
  }
  return (h >>> 0).toString(16);
}

describe('demand: summaries', () => {
  it('the streaming Summary equals summarize on the merged blocks; the demand cost is in the run cost', async () => {
    const { createSummaryStream } = await import('../../../../engine/summaryStream.js');
    const s = parseScenario({ horizonMonths: 14, reps: REPS, costs: { repAnnualCost: 60000 }, demand: { budgetPerMonth: 3000, costPerLead: 20, nurture: { monthlyConversion: 0.05, monthlyExit: 0.1, costPerMonth: 500 }, sdr: { count: 1, leadsPerSdrMonth: 120, monthlyCost: 2000, waitDecay: 0.4 } } });
    const blocks = [runTrials(s, 2, 0, 40), runTrials(s, 2, 40, 35)];
    const stream = createSummaryStream(s, 75);
    for (const b of blocks) stream.add(b);
    const a = { ...stream.summary({ seed: 2 }), meta: null };
    const b = { ...summarize(s, mergeResults(blocks), { seed: 2 }), meta: null };
    expect(a).toEqual(b);
    const d = b.demand!;
    expect(d.cost.total.mean).toBeCloseTo(d.cost.leads.mean + d.cost.sdr.mean + d.cost.nurture.mean, 6);
    expect(d.cost.leads.mean).toBe(14 * 3000);
    expect(d.cost.sdr.mean).toBe(14 * 2000);
    expect(b.cost.total.mean).toBeCloseTo(14 * 4 * 5000 + d.cost.total.mean, 6);
    expect(d.costPerLead).toBeCloseTo(20, 0);
    expect(b.cost.breakdown.nurture.mean).toBe(d.cost.nurture.mean);
  });
});

describe('demand: sensitivity', () => {
  it('varies the leads (or budget), qualified share, hand-off loss, quality and nurture conversion by default; more leads raise revenue', async () => {
    const { sensitivity, defaultParameters } = await import('../../../../engine/index.js');
    const s = scenario({ budgetPerMonth: 4000, costPerLead: 40, handoffLoss: 0.2, quality: 0.8, nurture: { monthlyConversion: 0.05, monthlyExit: 0.1 } });
    expect(defaultParameters(s)).toEqual(expect.arrayContaining(['demand.budgetPerMonth', 'demand.qualifiedShare', 'demand.handoffLoss', 'demand.quality', 'demand.nurture.monthlyConversion']));
    const r = sensitivity(s, { trials: 200, seed: 3, params: [{ path: 'demand.budgetPerMonth' }] });
    const p = r.parameters[0];
    expect(p.swing.mean).toBeGreaterThan(4 * p.swingStdError);
  });
});
