/**
 * The data passed between the steps of one month (docs/design.md, "The month"): a typed record allocated
 * once per kernel and reset at the start of each month, so no step writes another mechanism's state and
 * nothing is allocated per month or per deal.
 */

/** The effective probabilities a seat's own resolutions used this month (written by resolveSeat, read by the marketing-sourced resolutions of the same seat). */
export interface WinOdds {
  /** effective win rate of a decided opportunity (after capacity and selling-time dilution) */
  pw: number;
  /** probability that a resolved opportunity is decided (1 - no-decision rate) */
  pDecide: number;
}

/** The month's indices and running totals, in the order the month adds to them. */
export interface Month {
  m: number;
  /** plan year (0-based), row offset of per-month arrays, of cost items, of territories */
  y: number;
  mo: number;
  ci: number;
  tro: number;
  quarterEnd: boolean;
  /** months left in the quarter, including m */
  left: number;
  /** this month's exit hazard (x the leader's disruption) */
  hazard: number;
  /** the referral pipeline runs this month (customers block with referrals) */
  referrals: boolean;
  cost: number;
  revenue: number;
  padded: number;
  seatedN: number;
  enrolled: number;
  seatedEnd: number;
  productive: number;
  vacantEnd: number;
  openValue: number;
  created: number;
  openEnd: number;
  stalledEnd: number;
  odds: WinOdds;
}

/** A month record (reset by the loop each month). */
export function createMonth(): Month {
  return { m: 0, y: 0, mo: 0, ci: 0, tro: 0, quarterEnd: false, left: 0, hazard: 0, referrals: false, cost: 0, revenue: 0, padded: 0, seatedN: 0, enrolled: 0, seatedEnd: 0, productive: 0, vacantEnd: 0, openValue: 0, created: 0, openEnd: 0, stalledEnd: 0, odds: { pw: 0, pDecide: 0 } };
}
