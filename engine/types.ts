/**
 * Shapes shared across the engine: per-trial results (struct of typed arrays) and the Summary contract
 * of docs/design.md, Contracts.
 */
import type { Scenario } from './scenario.js';
import type { UncertaintySummary } from './uncertainty/summary.js';
import type { AssumptionUse } from './assumptionsUsed.js';
export type { AssumptionUse } from './assumptionsUsed.js';
import type { ResultLayout } from './kernel/outputs.js';
import type { ColumnKey } from './mechanisms/registry.js';
export type { ResultLayout } from './kernel/outputs.js';
export type { ColumnKey } from './mechanisms/registry.js';
export type { UncertaintySummary } from './uncertainty/summary.js';

import { COST_ITEMS, LORENZ_POINTS, type CostItem } from './kernel/outputs.js';
export { COST_ITEMS, LORENZ_POINTS, type CostItem };


/**
 * Raw results of a contiguous block of trials [from, from + trials). Every array is in trial order;
 * monthly arrays are row-major: index = trial * months + (month - 1). The columns are those the
 * mechanisms declare (engine/mechanisms/<name>/outputs.ts, listed by the registry), each a Float64Array.
 * Person-level values are reduced per trial so memory stays O(trials x months).
 */
export type TrialResults = ResultLayout & { [K in ColumnKey]: Float64Array } & {
  /** pooled person-year attainments (all trials), in trial order */
  attainments: Float32Array;
  /** number of attainments per trial, to slice `attainments` */
  attainmentCounts: Int32Array;
};

import type { Stats } from './stats/statsType.js';
export type { Stats } from './stats/statsType.js';

export interface Histogram {
  edges: number[];
  counts: number[];
}

export interface PlanResult {
  target: number;
  probability: number;
  ci: [number, number];
  /** the plan month by month (ramp-adjusted hires make it uneven) */
  monthly: number[];
  annual: { year: number; months: number; target: number; probability: number; ci: [number, number] }[];
}

/** One win-rate group's coverage figures (top 20% or the other 80% of persons by base win rate). */
export interface WinRateGroup {
  revenuePerRep: Stats;
  /** mean attainment of the group's person-years (null without quota) */
  attainment: Stats | null;
  /** padded / created opportunities of the group */
  paddedShare: Stats | null;
}

export interface CoverageSummary {
  /** padded / created opportunities (0 without a coverage rule) */
  paddedShare: Stats;
  /** pipeline value after padding / remaining quarterly quota (null without a coverage rule) */
  realisedCoverage: Stats | null;
  /** the multiple the rule required (global: the multiple in force; individual: 1 / own conversion), weighted by remaining quota */
  requiredCoverage: Stats | null;
  /** won / resolved opportunities over the horizon (padded included) */
  realisedWinRate: Stats | null;
  /** stalled / open opportunities over month ends (null without stalls) */
  stalledShare: Stats | null;
  byMonth: {
    /** won / resolved in the month */
    winRate: Stats[];
    /** pipeline velocity: value won in the month / open pipeline value */
    velocity: Stats[];
    /** stalled / open at the month's end (null without stalls) */
    stalledShare: Stats[] | null;
    /** the global multiple in force (null unless the policy is global) */
    multiple: Stats[] | null;
  };
  top20: WinRateGroup;
  bottom80: WinRateGroup;
}

/** A monthly quantity's Stats by month and per plan year (year-end for stocks, sums for flows). */
export interface MonthlyAnnual {
  monthly: Stats[];
  annual: Stats[];
}

/** Recurring revenue (present only when the scenario has a customers block). */
export interface CustomersSummary {
  /** end-of-month ARR; annual = at each plan year's end */
  arr: MonthlyAnnual;
  /** ARR won, expanded and churned in the month; annual = the year's sum */
  newArr: MonthlyAnnual;
  expansionArr: MonthlyAnnual;
  churnedArr: MonthlyAnnual;
  /** end-of-month customers; annual = at each plan year's end */
  customers: MonthlyAnnual;
  /** subscription revenue recognised (end-of-month ARR / 12); annual = the year's sum */
  recognisedRevenue: MonthlyAnnual & { total: Stats };
  /** per plan year, of the ARR present at the year's start: gross (churn only) and net (with expansion) retention; null when no trial had customers then */
  grr: (Stats | null)[];
  nrr: (Stats | null)[];
  /** customers won over the horizon (sales and referrals) */
  newCustomers: Stats;
  /** per trial: (sales cost, without the customer-experience programme) / customers won; null without costs */
  cac: Stats | null;
  /** mean ACV won x grossMargin x expected months (5-year cap) at the horizon's churn and expansion / 12 */
  ltv: Stats | null;
  /** CAC / (mean ACV x grossMargin / 12) */
  cacPaybackMonths: Stats | null;
  referralOpportunities: { monthly: Stats[] };
  customerSuccessCost: Stats;
  /** standard error of mean end-of-horizon ARR */
  arrStdError: number;
}

/** Demand generation (present only when the scenario has a demand block). */
export interface DemandSummary {
  /** leads arrived; annual = the year's sum; total over the horizon */
  leads: MonthlyAnnual & { total: Stats };
  /** qualified opportunities (after the qualification delay, nurture conversions included, before the hand-off) */
  qualified: MonthlyAnnual & { total: Stats };
  /** marketing-sourced opportunities created in the reps' pipelines (after the hand-off and territory saturation) */
  opportunities: MonthlyAnnual & { total: Stats };
  /** marketing-sourced deals won, and their revenue */
  won: MonthlyAnnual & { total: Stats };
  revenue: MonthlyAnnual & { total: Stats };
  /** end-of-month nurture pool; annual = at each plan year's end (null without a nurture programme) */
  nurturePool: MonthlyAnnual | null;
  /** end-of-month leads waiting for an SDR (null without SDRs) */
  backlog: MonthlyAnnual | null;
  /** per trial: marketing-sourced / all created (not padded) opportunities, and / all revenue */
  shareOfPipeline: Stats | null;
  shareOfRevenue: Stats | null;
  /** demand cost over the horizon: leads (or budget), SDRs, nurture programme, and their sum */
  cost: { total: Stats; leads: Stats; sdr: Stats; nurture: Stats };
  /** ratios of means: mean lead spend (leads or budget) / mean leads; mean demand cost (leads, SDRs, nurturing) / mean marketing-sourced opportunities and won deals (null when the denominator is 0) */
  costPerLead: number | null;
  costPerOpportunity: number | null;
  costPerWonDeal: number | null;
  /** marketing ROI: (mean marketing-sourced revenue - mean demand cost) / mean demand cost (null without demand cost) */
  roi: number | null;
  /** standard error of mean marketing-sourced revenue over the horizon */
  revenueStdError: number;
}

export interface Summary {
  trials: number;
  seed: number;
  horizonMonths: number;
  scenario: Scenario;
  scenarioHash: string;
  revenue: { total: Stats; monthly: Stats[]; annual: Stats[]; cumulative: Stats[]; histogram: Histogram };
  plan: PlanResult | null;
  reps: {
    shareAtQuota: Stats | null;
    attainment: Stats | null;
    attainmentHistogram: Histogram | null;
    top20Share: Stats;
    gini: Stats;
    lorenz: [number, number][];
    topVsBottom: { top20: { revenuePerRep: Stats }; bottom80: { revenuePerRep: Stats } };
  };
  territories: { name: string; revenue: Stats }[];
  headcount: { monthly: Stats[]; productive: Stats[]; ramping: Stats[]; vacant: Stats[] };
  hiring: { hires: Stats; exits: Stats };
  leadership: { changes: Stats; monthsWithoutLeader: Stats; programmesLost: Stats; presentByMonth: number[]; disruptedByMonth: number[] };
  /** present when the scenario has a coverage, sellingTime or stalls block */
  coverage: CoverageSummary | null;
  cost: { total: Stats; monthly: Stats[]; breakdown: Record<string, Stats> };
  margin: Stats;
  /** per-trial ROI (margin / cost of each trial): its distribution */
  roi: Stats | null;
  /**
   * The headline ROI, the one figure the CLI, the API and the playground show as "ROI": mean margin /
   * mean cost, i.e. (mean revenue - mean cost) / mean cost, a share (1.28 = 128%). The same definition
   * as a comparison's `incrementalRoi` (on the differences). Null without costs.
   */
  roiOfMeans: number | null;
  diagnostics: { revenueStdError: number; planProbabilityStdError: number | null };
  /** recurring revenue; absent when the scenario has no customers block */
  customers?: CustomersSummary;
  /** demand generation; absent when the scenario has no demand block */
  demand?: DemandSummary;
  /** uncertain inputs: what was sampled and the variance contributions; absent without uncertain parameters */
  uncertainty?: UncertaintySummary;
  /** the assumptions (unsourced numbers, engine/assumptions.ts) the scenario uses, with their plausible ranges */
  assumptions: AssumptionUse[];
  meta: { elapsedMs: number; engineVersion: string; trialsPerSecond: number | null };
}
