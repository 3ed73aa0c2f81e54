/**
 * Compiles a resolved scenario into flat numbers and typed arrays the trial loop reads without lookups.
 */
import type { Scenario } from './scenario.js';
import { compileWinRate, type WinRateDist } from './model/reps.js';
import { seatLayout } from './model/territories.js';
import { CURVE } from './model/hiring.js';
import { monthlyHazard } from './model/attrition.js';
import { compileProgramme, type CompiledProgramme } from './model/enablement.js';
import { planTargets, repAnnualQuota, COVERAGE, type PlanTargets } from './model/policy.js';
import { expectedDealSize } from './model/pipeline.js';
import type { LeaderParams } from './model/leadership.js';
import { createBinomialTable, type BinomialTable } from './random/binomialTable.js';
import { createLognormalTable, type LognormalTable } from './random/lognormalTable.js';
import { GLOBAL, GLOBALS, PURPOSE } from './random/streams.js';
import { compileCustomers, type CompiledCustomers } from './model/customers.js';

export interface Compiled {
  H: number;
  years: number;
  seats: number;
  initialSeats: number;
  territories: number;
  seatTerritory: Int32Array;
  seatOpens: Int32Array;
  /** Infinity = unlimited */
  potential: Float64Array;
  /** every territory has unlimited potential (demand becomes arrivals one for one) */
  unlimited: boolean;
  /** the seat-stream purposes this scenario draws from, as a bit mask (the others are never seeded) */
  purposes: number;
  /** how many trial-level streams it draws from (GLOBAL.customers is last and only seeded with a customers block) */
  globals: number;
  rate: number;
  cycle: number;
  pResolve: number;
  /** CDFs of Binomial(n, 1/cycleMonths) for the monthly resolutions */
  resolveTable: BinomialTable;
  noDecision: number;
  capacity: number;
  steadyStart: boolean;
  dealMedian: number;
  dealSigma: number;
  expectedDeal: number;
  /** won deal sizes (median 1) by table inversion; null = fixed size */
  dealTable: LognormalTable | null;
  dealSpread: number;
  winRate: WinRateDist;
  hireWinRate: WinRateDist;
  // hiring
  hiring: boolean;
  backfill: boolean;
  ttfMean: number;
  ttfSd: number;
  rampMonths: number;
  rampCurve: number;
  onboardingCapacity: number;
  costPerHire: number;
  // attrition
  attrition: boolean;
  hazard: number;
  pipelineLoss: number;
  lowPerf: boolean;
  lowPerfBelow: number;
  lowPerfQuarters: number;
  // leadership
  leadership: LeaderParams | null;
  // enablement
  programmes: CompiledProgramme[];
  // quota & coverage
  quotaAnnual: Float64Array | null;
  rampAdjusted: boolean;
  plan: PlanTargets | null;
  coverage: number;
  coverageMultiple: number;
  paddingQuality: number;
  // costs
  hasCosts: boolean;
  repMonthlyCost: number;
  managerSpan: number | null;
  managerMonthlyCost: number;
  leaderSearchCost: number;
  vacancyMonthlyCost: number;
  /** recurring revenue (null: the block is absent and nothing of it runs) */
  customers: CompiledCustomers | null;
}

/** Turns a resolved scenario into the loop's parameters. */
export function compile(s: Scenario): Compiled {
  const layout = seatLayout(s);
  const deal = s.reps.dealSize;
  const dealMedian = typeof deal === 'number' ? deal : deal.median;
  const dealSigma = typeof deal === 'number' ? 0 : deal.sigma;
  const ttf = s.hiring?.timeToFillMonths ?? 0;
  const L = s.leadership;
  const winRate = compileWinRate(s.reps.winRate);
  const potential = Float64Array.from(s.territories.map((t) => t.potential ?? Infinity));
  const coverage = COVERAGE[s.coverage?.policy ?? 'none'];
  const purposes =
    (1 << PURPOSE.attributes) |
    (1 << PURPOSE.arrivals) |
    (1 << PURPOSE.resolutions) |
    (1 << PURPOSE.deals) |
    (s.reps.initialPipeline === 'steady-state' ? 1 << PURPOSE.initial : 0) |
    (s.attrition ? 1 << PURPOSE.exits : 0) |
    (s.hiring ? 1 << PURPOSE.fill : 0) |
    (coverage !== 0 ? 1 << PURPOSE.padding : 0) |
    (s.enablement.length > 0 ? 1 << PURPOSE.adoption : 0) |
    (s.customers ? 1 << PURPOSE.customers : 0) |
    (s.customers?.referrals ? 1 << PURPOSE.referrals : 0);
  const meanWin = winRate.shares.reduce((a, sh, i) => a + sh * winRate.means[i], 0);
  return {
    H: s.horizonMonths,
    years: Math.ceil(s.horizonMonths / 12),
    seats: layout.seats,
    initialSeats: layout.initialSeats,
    territories: s.territories.length,
    seatTerritory: layout.territory,
    seatOpens: layout.opens,
    potential,
    unlimited: potential.every((f) => f === Infinity),
    purposes,
    globals: s.customers ? GLOBALS : GLOBAL.customers,
    rate: s.reps.opportunitiesPerMonth,
    cycle: s.reps.cycleMonths,
    pResolve: 1 / s.reps.cycleMonths,
    resolveTable: createBinomialTable(1 / s.reps.cycleMonths, 128),
    noDecision: s.reps.noDecisionRate,
    capacity: s.reps.capacity ?? Infinity,
    steadyStart: s.reps.initialPipeline === 'steady-state',
    dealMedian,
    dealSigma,
    expectedDeal: expectedDealSize(dealMedian, dealSigma),
    dealTable: dealSigma > 0 ? createLognormalTable(dealSigma) : null,
    dealSpread: s.reps.repDealSizeSpread,
    winRate,
    hireWinRate: s.hiring?.newHireWinRate != null ? compileWinRate(s.hiring.newHireWinRate) : winRate,
    hiring: s.hiring !== null,
    backfill: s.hiring?.backfill ?? false,
    ttfMean: typeof ttf === 'number' ? ttf : ttf.mean,
    ttfSd: typeof ttf === 'number' ? 0 : ttf.sd,
    rampMonths: s.hiring?.ramp.months ?? 0,
    rampCurve: CURVE[s.hiring?.ramp.curve ?? 'linear'],
    onboardingCapacity: s.hiring?.onboardingCapacityPerMonth ?? Infinity,
    costPerHire: s.hiring?.costPerHire ?? 0,
    attrition: s.attrition !== null,
    hazard: s.attrition ? monthlyHazard(s.attrition.annualRate) : 0,
    pipelineLoss: s.attrition?.pipelineLossOnExit ?? 0,
    lowPerf: !!s.attrition?.lowPerformerExit,
    lowPerfBelow: s.attrition?.lowPerformerExit?.attainmentBelow ?? 0,
    lowPerfQuarters: s.attrition?.lowPerformerExit?.consecutiveQuarters ?? 0,
    leadership: L
      ? {
          shape: L.tenureMonths.shape,
          scale: L.tenureMonths.mean / L.tenureMonths.shape,
          vacancy: L.vacancyMonths,
          disruptionMonths: L.disruption?.months ?? 0,
          dip: L.disruption?.productivityDip ?? 0,
          attritionMultiplier: L.disruption?.attritionMultiplier ?? 1,
          monthsToEffect: L.changeProgram?.monthsToEffect ?? 0,
          lift: L.changeProgram?.winRateLift ?? 0,
          hasProgram: !!L.changeProgram,
          grace: L.impatience?.graceMonths ?? 0,
          impatienceBelow: L.impatience?.attainmentBelow ?? 0,
          hasImpatience: !!L.impatience,
        }
      : null,
    programmes: s.enablement.map((p) => compileProgramme(p, s.horizonMonths)),
    quotaAnnual: repAnnualQuota(s),
    rampAdjusted: s.quota?.rampAdjusted ?? false,
    plan: planTargets(s),
    coverage,
    coverageMultiple: s.coverage?.multiple ?? 3,
    paddingQuality: s.coverage?.paddingQuality ?? 0.2,
    hasCosts: s.costs !== null,
    repMonthlyCost: (s.costs?.repAnnualCost ?? 0) / 12,
    managerSpan: s.costs?.managerSpan ?? null,
    managerMonthlyCost: (s.costs?.managerAnnualCost ?? 0) / 12,
    leaderSearchCost: s.costs?.leaderSearchCost ?? 0,
    vacancyMonthlyCost: s.costs?.vacancyMonthlyCost ?? 0,
    customers: compileCustomers(s, dealMedian, dealSigma, meanWin),
  };
}
