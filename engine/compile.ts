/**
 * Compiles a resolved scenario into flat numbers and typed arrays the trial loop reads without lookups.
 */
import type { Scenario } from './scenario.js';
import type { Compiled } from './kernel/compiled.js';
export type { Compiled } from './kernel/compiled.js';
import { compileWinRate, type WinRateDist } from './mechanisms/reps/reps.js';
import { seatLayout } from './mechanisms/territories/territories.js';
import { CURVE } from './kernel/ramp.js';
import { monthlyHazard } from './kernel/hazard.js';
import { compileProgramme, type CompiledProgramme } from './mechanisms/enablement/enablement.js';
import { planTargets, repAnnualQuota, COVERAGE, type PlanTargets } from './mechanisms/coverage/policy.js';
import { expectedDealSize } from './mechanisms/reps/pipeline.js';
import type { LeaderParams } from './mechanisms/leadership/leadership.js';
import { createBinomialTable, type BinomialTable } from './random/binomialTable.js';
import { createLognormalTable, type LognormalTable } from './random/lognormalTable.js';
import { GLOBAL, GLOBALS, PURPOSE } from './random/streams.js';
import { createEmpiricalTable, type EmpiricalTable } from './random/empiricalTable.js';
import { compileMarket } from './mechanisms/market/market.js';
import { compileTeam, type TeamParams } from './mechanisms/team/team.js';
import { compileCustomers, type CompiledCustomers } from './mechanisms/customers/customers.js';
import { compileBook, type OpenBook } from './mechanisms/openBook/openBook.js';
import { compileDemand, type CompiledDemand } from './mechanisms/demand/demand.js';
import { compileDrift, driftGlobals } from './mechanisms/drift/drift.js';
import { compileCompensation } from './mechanisms/compensation/compensation.js';
import { compileRetention } from './mechanisms/retention/retention.js';
import { compileResponse } from './mechanisms/coverageResponse/coverageResponse.js';
import { compileManagers } from './mechanisms/managers/managers.js';


/**
 * Month-by-month factors of resolution.monthInQuarter (month 1 is resolution.start), or nulls without them.
 * @example calendarFactors(parseScenario({ ..., resolution: { byAge: [0.3], start: '2025-03', monthInQuarter: { win: [1, 1, 1.5] } } })).calWin[0] // 1.5
 */
export function calendarFactors(s: Scenario): { calWin: Float64Array | null; calResolve: Float64Array | null } {
  const q = s.resolution?.monthInQuarter;
  if (!q || !s.resolution?.start) return { calWin: null, calResolve: null };
  const [y, mo] = s.resolution.start.split('-').map(Number);
  const first = y * 12 + mo - 1;
  const at = (f: number[]) => Float64Array.from({ length: s.horizonMonths }, (_, i) => f[(first + i) % 3]);
  const ones = (f: number[]) => f.every((x) => x === 1);
  return { calWin: ones(q.win) ? null : at(q.win), calResolve: ones(q.resolve) ? null : at(q.resolve) };
}

/**
 * Whole months an opportunity stays fresh: round(cycles x cycleMonths), at least 1 (0 when stalls are off).
 * @example stallMonths(2, 3) // 6
 */
export function stallMonths(cycles: number | undefined, cycleMonths: number): number {
  return cycles === undefined ? 0 : Math.max(1, Math.round(cycles * cycleMonths));
}

/** Turns a resolved scenario into the loop's parameters. */
export function compile(s: Scenario): Compiled {
  const layout = seatLayout(s);
  const deal = s.reps.dealSize;
  const emp = typeof deal === 'object' && 'empirical' in deal ? createEmpiricalTable(deal.scale === undefined ? deal.empirical : deal.empirical.map((x) => x * deal.scale!)) : null;
  const dealMedian = typeof deal === 'number' ? deal : 'empirical' in deal ? emp!.median : deal.median;
  const dealSigma = typeof deal === 'number' || 'empirical' in deal ? 0 : deal.sigma;
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
    (s.initialTeam !== undefined ? 1 << PURPOSE.team : 0) |
    (s.openPipeline ? 1 << PURPOSE.book : 0) |
    (s.customers ? 1 << PURPOSE.customers : 0) |
    (s.customers?.referrals ? 1 << PURPOSE.referrals : 0) |
    (s.demand ? 1 << PURPOSE.demand : 0) |
    (compileResponse(s) ? 1 << PURPOSE.response : 0);
  const drift = compileDrift(s);
  const meanWin = winRate.shares.reduce((a, sh, i) => a + sh * winRate.means[i], 0);
  // resolution by age: at least two buckets (the last one's chance repeated), so the stationary start fills them
  const byAge = s.resolution ? Float64Array.from({ length: Math.max(2, s.resolution.byAge.length) }, (_, a) => s.resolution!.byAge[Math.min(a, s.resolution!.byAge.length - 1)]) : null;
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
    globals: Math.max(driftGlobals(drift, s.demand ? GLOBAL.demand + 1 : s.customers ? GLOBAL.customers + 1 : GLOBAL.customers, GLOBAL.drift), s.managers ? GLOBAL.managers + 1 : 0),
    rate: s.reps.opportunitiesPerMonth,
    cycle: s.reps.cycleMonths,
    pResolve: 1 / s.reps.cycleMonths,
    resolveTable: createBinomialTable(1 / s.reps.cycleMonths, 128),
    noDecision: s.reps.noDecisionRate,
    capacity: s.reps.capacity ?? Infinity,
    // with an open pipeline from an export, the export is the starting pipeline
    steadyStart: s.reps.initialPipeline === 'steady-state' && s.openPipeline === undefined,
    team: compileTeam(s),
    dealMedian,
    dealSigma,
    expectedDeal: emp ? emp.mean : expectedDealSize(dealMedian, dealSigma),
    dealTable: dealSigma > 0 ? createLognormalTable(dealSigma) : null,
    dealSpread: s.reps.repDealSizeSpread,
    dealEmpirical: emp,
    market: compileMarket(s.market, s.horizonMonths),
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
    escalate: !!s.coverage?.escalation && coverage === COVERAGE.global,
    escalationStep: s.coverage?.escalation?.step ?? 0,
    escalationCap: s.coverage?.escalation?.cap ?? Infinity,
    coverageFigures: s.coverage != null || s.sellingTime != null || s.stalls != null,
    sellingTime: s.sellingTime != null,
    hoursBudget: s.sellingTime?.hoursPerMonth ?? Infinity,
    hoursReal: s.sellingTime?.hoursPerOpportunity ?? 1,
    hoursPad: s.sellingTime?.hoursPerPaddedOpportunity ?? 0,
    hoursOpen: s.sellingTime?.hoursPerOpenOpportunityPerMonth ?? 0,
    stalls: s.stalls != null || byAge !== null,
    stallAfter: byAge ? byAge.length : stallMonths(s.stalls?.afterCycles, s.reps.cycleMonths),
    stallAfterPad: byAge ? byAge.length : stallMonths(s.stalls?.paddedAfterCycles, s.reps.cycleMonths),
    stallAge: byAge ? byAge.length - 1 : Math.max(stallMonths(s.stalls?.afterCycles, s.reps.cycleMonths), stallMonths(s.stalls?.paddedAfterCycles, s.reps.cycleMonths)),
    byAge,
    ...calendarFactors(s),
    pStall: (s.stalls?.resolveMultiplier ?? 1) / s.reps.cycleMonths,
    ndStall: s.stalls?.noDecisionRate ?? 0,
    hasCosts: s.costs !== null,
    repMonthlyCost: (s.costs?.repAnnualCost ?? 0) / 12,
    managerSpan: s.managers?.span ?? s.costs?.managerSpan ?? null, // with a managers block, its span
    managerMonthlyCost: (s.costs?.managerAnnualCost ?? 0) / 12,
    leaderSearchCost: s.costs?.leaderSearchCost ?? 0,
    vacancyMonthlyCost: s.costs?.vacancyMonthlyCost ?? 0,
    customers: compileCustomers(s, dealMedian, dealSigma, meanWin),
    book: compileBook(s, layout.initialSeats),
    demand: compileDemand(s),
    drift,
    comp: compileCompensation(s),
    response: compileResponse(s),
    managers: compileManagers(s, layout.seats),
    retention: compileRetention(s, winRate, emp ? emp.mean : expectedDealSize(dealMedian, dealSigma)),
  };
}
