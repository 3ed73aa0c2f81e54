/**
 * A fast-check arbitrary of scenario inputs that switch the model's mechanisms on and off at random
 * (territories with potentials, hiring, attrition, leadership, enablement, quota and coverage with
 * selling time and stalls, market, a steady-state team, customers with referrals), small enough to
 * run a few trials in milliseconds. Used to pin bit-identity of scenarios without a new block.
 */
import fc from 'fast-check';

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

export const scenarioInput = fc
  .record({
    horizonMonths: fc.integer({ min: 3, max: 18 }),
    territories: fc.array(fc.record({ seats: fc.integer({ min: 0, max: 6 }), potential: fc.option(fc.integer({ min: 2, max: 40 }), { nil: null }) }), { minLength: 1, maxLength: 3 }),
    rate: fc.integer({ min: 1, max: 6 }),
    win: fc.constantFrom(0.2, { mean: 0.3, concentration: 8 }, { tiers: [{ share: 0.2, mean: 0.4, concentration: 20 }, { share: 0.8, mean: 0.15, concentration: 20 }] }),
    deal: fc.constantFrom(10000, { median: 20000, sigma: 0.7 }),
    cycle: fc.constantFrom(1, 2.5, 3),
    noDecision: fc.constantFrom(0, 0.3),
    capacity: fc.constantFrom(null, 12),
    hiring: opt(fc.record({ month: fc.integer({ min: 1, max: 3 }), seats: fc.integer({ min: 1, max: 3 }) })),
    attrition: opt(fc.constantFrom(0.2, 0.4)),
    leadership: fc.boolean(),
    enablement: fc.boolean(),
    coverage: opt(fc.constantFrom('global', 'individual')),
    stalls: fc.boolean(),
    sellingTime: fc.boolean(),
    market: fc.boolean(),
    steadyTeam: fc.boolean(),
    customers: opt(fc.boolean()),
  })
  .map((g) => {
    const names = g.territories.map((_, i) => `T${i}`);
    const s: Record<string, unknown> = {
      horizonMonths: g.horizonMonths,
      territories: g.territories.map((t, i) => ({ name: names[i], seats: t.seats, potential: t.potential })),
      reps: { opportunitiesPerMonth: g.rate, winRate: g.win, dealSize: g.deal, cycleMonths: g.cycle, noDecisionRate: g.noDecision, capacity: g.capacity },
      costs: { repAnnualCost: 120000, managerSpan: 8, managerAnnualCost: 200000 },
    };
    if (g.hiring || g.attrition || g.steadyTeam) s.hiring = { plan: g.hiring ? [{ ...g.hiring, territory: names[names.length - 1] }] : [], ramp: { months: 3 }, timeToFillMonths: { mean: 2, sd: 1 }, costPerHire: 10000 };
    if (g.attrition) s.attrition = { annualRate: g.attrition, pipelineLossOnExit: 0.5, lowPerformerExit: { attainmentBelow: 0.4, consecutiveQuarters: 2 } };
    if (g.steadyTeam && g.attrition) s.initialTeam = 'steady-state';
    if (g.leadership) s.leadership = { tenureMonths: { mean: 10, shape: 2 }, vacancyMonths: 1, disruption: { months: 3, productivityDip: 0.1, attritionMultiplier: 1.5 }, changeProgram: { monthsToEffect: 4, winRateLift: 0.1 } };
    if (g.enablement) s.enablement = [{ name: 'Coach', startMonth: 2, monthsToFullEffect: 2, target: 'bottom80', adoption: 0.7, gapClosed: 0.3, cost: { oneTime: 1000 } }];
    if (g.coverage) {
      s.quota = { method: 'flat', annualPerRep: 300000 };
      s.coverage = { policy: g.coverage, multiple: 3, paddingQuality: 0.2 };
    }
    if (g.stalls) s.stalls = { afterCycles: 2 };
    if (g.sellingTime) s.sellingTime = { hoursPerMonth: 100, hoursPerOpportunity: 5, hoursPerPaddedOpportunity: 3, hoursPerOpenOpportunityPerMonth: 2 };
    if (g.market) s.market = { annualGrowth: 0.1, seasonality: [0.8, 0.9, 1, 1.1, 1.2, 1, 1, 1, 1, 1.1, 0.9, 1] };
    if (g.customers !== undefined) s.customers = { annualChurn: 0.1, annualExpansion: 0.05, initial: { count: 20, arr: 5000 }, referrals: g.customers ? { perCustomerPerYear: 0.5, winRate: 0.4 } : null };
    return s;
  });
