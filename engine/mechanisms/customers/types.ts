/** The types of this mechanism the kernel composes (a leaf: imports no kernel module but the won-deals record, itself a leaf, so no import cycle). */
import type { LognormalTable } from '../../random/lognormalTable.js';
import type { WonDeals } from '../../kernel/deals.js';
export interface CompiledCustomers {
  anniversary: boolean;
  /** Λ(m), index 0..H (monthly hazards accumulated) */
  cumHazard: Float64Array;
  /** -ln(1 - annual churn in force in month m), index 0..H (anniversary rule) */
  annHazard: Float64Array;
  /** expansion index G(m), index 0..H, G(0) = 1 */
  growth: Float64Array;
  /** referral opportunities per customer in month m, index 0..H */
  referralRate: Float64Array;
  referrals: boolean;
  referralWin: number;
  grossMargin: number;
  /** 0 none, 1 { count, arr }, 2 steady state */
  initial: number;
  initialCount: number;
  initialMedian: number;
  initialTable: LognormalTable | null;
  /** steady state: mean count, monthly churn and expansion of month 1 */
  steadyMean: number;
  steadyQ: number;
  steadyG: number;
  /** cumulative share of the initial seats by territory (initial customers' territories) */
  territoryCum: Float64Array;
  /** customer-experience programme (start 0 = none) */
  csStart: number;
  csOneTime: number;
  csPerMonth: number;
  csPerCustomer: number;
  /** LTV per unit of ACV: grossMargin x Σ_{k<60} ((1-q)(1+g))^k / 12 at the horizon's rates */
  ltvFactor: number;
}

/**
 * The customers' state of one trial (allocated only when the block is on). It is the month's won-deals record
 * (kernel/deals.ts: value and seat of each, grown by doubling), which the steps that value won deals fill.
 */
export interface CustomerState extends WonDeals {
  /** base ARR (ACV / G(start)), count and count by territory leaving in month m (index m, 0..H+1) */
  lossBase: Float64Array;
  lossCount: Float64Array;
  lossT: Float64Array;
  /** present customers: base ARR, count, count by territory */
  base: number;
  count: number;
  countT: Float64Array;
  /** per plan year: base ARR of customers present at the year's start, and of those still present at its end */
  yB0: Float64Array;
  yB1: Float64Array;
  /** per seat: open referral opportunities */
  openRef: Int32Array;
  /** per territory: seated reps this month (referral shares) */
  seatedT: Float64Array;
  /** trial counters */
  newCustomers: number;
  newAcv: number;
  csCost: number;
}
