/** Demand generation's compiled parameters and trial state (moved out of demand.ts so the slice imports no step code). */
import type { Scenario } from '../../scenario.js';
import type { CompiledDemand, DemandState } from './types.js';
import { FRESH, type Alloc } from '../../kernel/alloc.js';
import { seatLayout } from '../../kernel/seats.js';

/**
 * Routing shares of the territories (they add up to 1).
 * @example // routingShares(parseScenario({ ..., territories: [{ name: 'A', seats: 3 }, { name: 'B', seats: 1 }], demand: { ... } })) // [0.75, 0.25]
 */
export function routingShares(s: Scenario): number[] {
  const d = s.demand!;
  const T = seatLayout(s);
  let w: number[];
  if (d.routing === 'seats') w = T.initial;
  else if (d.routing === 'potential') w = T.potential.map((f) => f ?? 0);
  else {
    const routes = d.routing;
    w = T.names.map((name) => routes.find((r) => r.territory === name)?.share ?? 0);
  }
  const total = w.reduce((a, b) => a + b, 0);
  return total > 0 ? w.map((x) => x / total) : T.names.map(() => 1 / T.names.length);
}

/**
 * Mean leads a month of a demand block: budgetPerMonth / costPerLead or leadsPerMonth (its mean).
 * @example meanLeads({ budgetPerMonth: 100000, costPerLead: 50 }) // 2000
 */
export function meanLeads(d: { leadsPerMonth?: number | { mean: number; sd: number } | null; budgetPerMonth?: number | null; costPerLead: number }): number {
  if (d.budgetPerMonth != null) return d.budgetPerMonth / d.costPerLead;
  const l = d.leadsPerMonth ?? 0;
  return typeof l === 'number' ? l : l.mean;
}

/** Compiles the demand block (null when absent). */
export function compileDemand(s: Scenario): CompiledDemand | null {
  const d = s.demand;
  if (!d) return null;
  const shares = routingShares(s);
  const routeCond = new Float64Array(shares.length);
  let rest = 1;
  shares.forEach((sh, t) => {
    routeCond[t] = t === shares.length - 1 ? 1 : rest > 0 ? Math.min(1, sh / rest) : 0;
    rest -= sh;
  });
  const sdrCapacity = new Float64Array(s.horizonMonths);
  const sd = d.sdr;
  for (let m = 1; m <= s.horizonMonths; m++) sdrCapacity[m - 1] = sd ? Math.floor(sd.count * sd.leadsPerSdrMonth * (sd.rampMonths > 0 ? Math.min(1, m / sd.rampMonths) : 1) + 1e-9) : Infinity;
  const lp = d.leadsPerMonth;
  const n = d.nurture;
  return {
    leadMean: meanLeads(d),
    leadSd: lp != null && typeof lp === 'object' ? lp.sd : 0,
    costPerLead: d.budgetPerMonth == null ? d.costPerLead : 0,
    budget: d.budgetPerMonth ?? 0,
    routeCond,
    qualified: d.qualifiedShare,
    notReadyCond: d.qualifiedShare < 1 ? Math.min(1, d.notReadyShare / (1 - d.qualifiedShare)) : 0,
    delay: d.qualificationDelayMonths,
    nurture: n !== null,
    conversion: n?.monthlyConversion ?? 0,
    exitCond: n && n.monthlyConversion < 1 ? Math.min(1, n.monthlyExit / (1 - n.monthlyConversion)) : 0,
    nurtureFixed: n?.costPerMonth ?? 0,
    nurturePerLead: n?.costPerLeadPerMonth ?? 0,
    handoffKeep: 1 - d.handoffLoss,
    quality: d.quality,
    sdr: sd !== null,
    sdrCapacity,
    sdrMonthlyCost: sd ? sd.count * sd.monthlyCost : 0,
    waitDecay: sd?.waitDecay ?? 0,
  };
}


/** Allocates the state for N seats and T territories. */
export function createDemandState(N: number, T: number, delay: number, a: Alloc = FRESH): DemandState {
  return {
    backlog: 0,
    pool: 0,
    ring: a.f64(delay + 1),
    mktT: a.f64(T),
    leftT: a.f64(T),
    seatsLeftT: a.i32(T),
    openMkt: a.i32(N),
    leads: 0,
    created: 0,
    won: 0,
    revenue: 0,
    leadCost: 0,
    sdrCost: 0,
    nurtureCost: 0,
  };
}

