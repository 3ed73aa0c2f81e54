/** The compiled retention hazard, its per-trial state and its Summary section (a leaf). */
import type { Stats } from '../../stats/statsType.js';

/** Quarters of trailing attainment kept per seat. */
export const TRAIL_QUARTERS = 4;

export interface CompiledRetention {
  /** logit of attrition.annualRate */
  logit0: number;
  attainmentSlope: number;
  paySlope: number;
  payLevel: number;
  variableShare: number;
  marketPremium: number;
  /** base win rates above this are the top 20% (the 80th percentile of the win-rate distribution; Infinity without spread) */
  topAbove: number;
  /** a top rep's raise as a share of OTE, and its monthly cost */
  raise: number;
  raiseMonthly: number;
  /** the compensation plan's payout curve (breakpoints, slopes, value at each; empty: g(A) = A) and cap (Infinity: none) */
  bp: Float64Array;
  slope: Float64Array;
  gAt: Float64Array;
  cap: number;
  /** monthly hazards by attainment (retention.ts, hazardTable): without and with the raise */
  table: Float64Array;
  /** E[deal] for the value of a leaver's open pipeline */
  expectedDeal: number;
}

export interface RetentionState {
  /** per seat: the holder tracked (-1: none), its trailing quarters' revenue and quota (ring), quarters seen, monthly hazard, top group (0 other 80%, 1 top 20%, 2 top 20% with a raise) */
  person: Int32Array;
  rev: Float64Array;
  quo: Float64Array;
  nQ: Int32Array;
  hazard: Float64Array;
  top: Uint8Array;
  /** the month's raise cost */
  month: number;
  /** the trial's totals: exits, their trailing-year revenue and open pipeline value, by group (0 top, 1 other); raise cost */
  exits: Float64Array;
  revenue: Float64Array;
  pipeline: Float64Array;
  raiseCost: number;
  /** seat s's open opportunities (regular + padded) this month before the exit draw */
  open: number;
}

/** The Summary's retention section: exits by performance group and what they cost. */
export interface RetentionSummary {
  top20: { exits: Stats; revenueLost: Stats; pipelineLost: Stats };
  other80: { exits: Stats; revenueLost: Stats; pipelineLost: Stats };
  raiseCost: Stats;
}
