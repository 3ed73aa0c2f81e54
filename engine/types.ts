/**
 * Shapes shared across the engine: per-trial results (struct of typed arrays) and the Summary contract
 * of docs/design.md, Contracts.
 */
import type { Scenario } from './scenario.js';
import type { UncertaintySummary } from './uncertainty/summary.js';
import type { AssumptionUse } from './assumptionsUsed.js';
export type { AssumptionUse } from './assumptionsUsed.js';
import type { ResultLayout } from './kernel/outputs.js';
import type { AlwaysSections, ColumnKey, OptionalSections } from './mechanisms/registry.js';
export type { CompensationSummary } from './mechanisms/compensation/types.js';
export type { ManagersSummary } from './mechanisms/managers/types.js';
export type { CoverageResponseSummary } from './mechanisms/coverageResponse/types.js';
export type { RetentionSummary } from './mechanisms/retention/types.js';
export type { ResultLayout } from './kernel/outputs.js';
export type { ColumnKey } from './mechanisms/registry.js';
export type { UncertaintySummary } from './uncertainty/summary.js';

import { COST_ITEMS, LORENZ_POINTS, type CostItem } from './kernel/outputs.js';
export { COST_ITEMS, LORENZ_POINTS, type CostItem };
export type { CoverageSummary, WinRateGroup } from './mechanisms/coverage/summary.js';
export type { CustomersSummary } from './mechanisms/customers/summary.js';
export type { DemandSummary } from './mechanisms/demand/summary.js';
export type { MonthlyAnnual } from './kernel/summaryParts.js';


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

/**
 * The Summary. The mechanisms' sections come from the registry (engine/mechanisms/registry.ts, each entry's
 * `summary`): `coverage` (null unless the scenario has a coverage, sellingTime or stalls block), `demand`
 * and `customers` (absent without their block).
 */
export interface Summary extends AlwaysSections, OptionalSections {
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
  diagnostics: {
    revenueStdError: number;
    planProbabilityStdError: number | null;
    /** the precision reached: 95% half-widths of P(plan) (absolute) and of mean revenue and ARR (relative to the mean) (engine/precision/reached.ts) */
    halfWidth: import('./precision/report.js').HalfWidths;
  };
  /** uncertain inputs: what was sampled and the variance contributions; absent without uncertain parameters */
  uncertainty?: UncertaintySummary;
  /** a precision-targeted run: the trials used and the precision reached; absent for a run of a given trial count */
  precision?: import('./precision/report.js').PrecisionReport;
  /** the assumptions (unsourced numbers, engine/assumptions.ts) the scenario uses, with their plausible ranges */
  assumptions: AssumptionUse[];
  meta: { elapsedMs: number; engineVersion: string; trialsPerSecond: number | null };
}
