/** The compiled compensation plan, its per-trial state and its Summary section (a leaf: imports nothing). */
import type { Stats } from '../../stats/statsType.js';

/** Payout curve bins of the person-year payout distribution: [0, 0.25), [0.25, 0.5), ... [3.75, 4), >= 4 (variable earned / target variable). */
export const PAYOUT_BINS = 17;
export const PAYOUT_BIN_WIDTH = 0.25;

export interface CompiledCompensation {
  /** monthly base salary and target variable of a rep */
  baseMonthly: number;
  variableMonthly: number;
  /** annual quota of the plan (0: the seat's quota from the quota block) */
  quota: number;
  /** the payout curve g(attainment) in multiples of target variable: breakpoints and slopes (segment i runs from bp[i] with slope slope[i]), its value at each breakpoint */
  bp: Float64Array;
  slope: Float64Array;
  gAt: Float64Array;
  /** payout cap (multiple of target variable; Infinity = none) */
  cap: number;
  guaranteeMonths: number;
  guaranteeMonthly: number;
  /** SPIF rate of month m at index m - 1 (0 outside every SPIF) */
  spif: Float64Array;
}

export interface CompState {
  /** per seat: the person and plan year of the running plan segment (-1: none), its prorated quota and target variable, variable earned, revenue seen, months */
  person: Int32Array;
  year: Int32Array;
  q: Float64Array;
  v: Float64Array;
  earned: Float64Array;
  rev: Float64Array;
  months: Int32Array;
  /** the month's pay (all seats) */
  month: number;
  /** the trial's totals: base, commission (on attainment), guarantee top-ups, SPIFs; person-years counted and at the cap; payout distribution */
  base: number;
  commission: number;
  guarantee: number;
  spif: number;
  counted: number;
  capped: number;
  hist: Float64Array;
}

/** The Summary's compensation section. */
export interface CompensationSummary {
  /** per trial: total rep pay (base, commission, guarantees, SPIFs) */
  cost: Stats;
  breakdown: { base: Stats; commission: Stats; guarantee: Stats; spif: Stats };
  /** per trial: rep pay / revenue (null when no trial had revenue) */
  costOfSales: Stats | null;
  /** per trial: share of person-years (seated >= 3 months of the plan year) whose variable reached the cap; null without a cap */
  shareAtCap: Stats | null;
  /** person-years by variable earned / target variable, pooled over trials: bin lower edges and shares (the last bin is open) */
  payout: { edges: number[]; shares: number[] };
}
