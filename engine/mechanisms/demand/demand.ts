/**
 * Demand generation (the `demand` block): marketing leads become qualified opportunities that are handed to
 * the reps, beside the reps' own prospecting.
 *
 * Each month (step 2b, before the reps' demand of step 3), from the trial's demand stream:
 *  1. leads: Poisson(mean) (budget / cost per lead, or leadsPerMonth; with { mean, sd } the month's mean is
 *     a gamma draw first), charged per lead (or the budget, spent whatever it buys);
 *  2. SDRs (optional): the waiting leads and the new ones are worked up to the SDRs' capacity this month
 *     (count x leads per SDR-month x their ramp, floored); the rest wait, and a share `waitDecay` of the
 *     waiting leads is lost at the month's end;
 *  3. qualification: of the worked leads, Binomial(qualifiedShare) become qualified opportunities
 *     `qualificationDelayMonths` later; of the others, a share notReadyShare / (1 - qualifiedShare) is not
 *     ready: it joins the nurture pool, or is lost without a programme; the rest are disqualified;
 *  4. nurture pool (start of month, before this month's not-ready leads join it): Binomial(monthlyConversion)
 *     become qualified opportunities this month, then Binomial(monthlyExit / (1 - monthlyConversion)) of the
 *     rest leave. The pool P_m = P_{m-1} - conversions - exits + not-ready, so E[P] converges to
 *     inflow / (conversion + exit) = inflow x mean stay (Little's law);
 *  5. hand-off: each qualified opportunity survives the marketing-to-sales hand-off with 1 - handoffLoss;
 *  6. routing: a multinomial split over the territories (by initial seats, potential or listed shares).
 * Then, in step 3, a territory's marketing-sourced opportunities join its reps' demand D, the territory
 * yields F(1 - exp(-D/F)) shared pro rata, so a marketing-sourced opportunity arrives with the same
 * probability yield / D as a rep-sourced one (Binomial thinning; unlimited potential: all arrive), and
 * the arrivals are split evenly over the territory's seated reps (a uniform multinomial, seat by seat from
 * each seat's demand stream). A territory without a seated rep loses them.
 *
 * At the seat (steps 4 and 6): the marketing-sourced opportunities join the open pipeline (counted by
 * capacity and selling-time dilution), resolve with probability 1/cycleMonths, end in no decision like the
 * rep-sourced ones, and are won with the rep's effective win rate x `quality`; deal sizes as the rep's. A
 * leaver loses pipelineLossOnExit of them. Stalls age only the rep-sourced and padded pipeline; coverage
 * padding counts only those. The block starts empty (no waiting leads, pool or marketing pipeline at month 1).
 */
import type { Compiled } from '../../kernel/compiled.js';
import type { TrialResults } from '../../types.js';
import { SEATED, type SeatState } from '../../kernel/state.js';
import type { WinOdds } from '../../kernel/month.js';
import { binomial } from '../../random/binomial.js';
import { binomialTable } from '../../random/binomialTable.js';
import { poisson } from '../../random/poisson.js';
import { gammaMeanSd } from '../../random/gamma.js';
import { empiricalDealValue } from '../../random/sums.js';
import { PURPOSES } from '../../random/streams.js';
import { PURPOSE } from './streams.js';
import { dealValue, dealValueRecorded } from '../../kernel/deals.js';
import type { CompiledDemand, DemandState } from './types.js';
export type { CompiledDemand, DemandState } from './types.js';


export { routingShares, meanLeads, compileDemand, createDemandState } from './compile.js';

/** Per-trial reset: no waiting leads, empty pool and marketing pipeline. */
export function demandBegin(st: SeatState): void {
  const ds = st.dem!;
  ds.backlog = ds.pool = 0;
  ds.ring.fill(0);
  ds.openMkt.fill(0);
  ds.leads = ds.created = ds.won = ds.revenue = ds.leadCost = ds.sdrCost = ds.nurtureCost = 0;
}

/**
 * Step 2b of month m: leads, SDRs, qualification, nurture, hand-off and routing (into `mktT`), from the
 * trial's demand stream `stream`; writes the month's leads, qualified opportunities, pool and backlog.
 * Returns the month's demand cost (leads or budget, SDRs, nurture programme).
 */
export function demandMonth(st: SeatState, c: Compiled, m: number, out: TrialResults, mo: number, stream: number): number {
  const d = c.demand!;
  const ds = st.dem!;
  const S = st.S;
  // 1. leads
  const mean = d.leadSd > 0 ? gammaMeanSd(S, stream, d.leadMean, d.leadSd) : d.leadMean;
  const leads = mean > 0 ? poisson(S, stream, mean) : 0;
  // 2. SDRs work the waiting and new leads up to their capacity; a share of those left waiting decays
  const avail = ds.backlog + leads;
  const worked = Math.min(avail, d.sdrCapacity[m - 1]);
  let backlog = avail - worked;
  if (backlog > 0 && d.waitDecay > 0) backlog -= binomial(S, stream, backlog, d.waitDecay);
  ds.backlog = backlog;
  // 3. qualification (due after the delay) and the not-ready share
  const L = d.delay + 1;
  const q = binomial(S, stream, worked, d.qualified);
  ds.ring[(m + d.delay) % L] += q;
  const notReady = binomial(S, stream, worked - q, d.notReadyCond);
  // 4. the nurture pool: conversions and exits from the start-of-month pool, then this month's not-ready join
  let conv = 0;
  let nurtureCost = 0;
  if (d.nurture) {
    const P = ds.pool;
    nurtureCost = d.nurtureFixed + d.nurturePerLead * P;
    conv = binomial(S, stream, P, d.conversion);
    const exits = binomial(S, stream, P - conv, d.exitCond);
    ds.pool = P - conv - exits + notReady;
  }
  const due = ds.ring[m % L];
  ds.ring[m % L] = 0;
  const qualified = due + conv;
  // 5. the hand-off; 6. routing over the territories
  let left = binomial(S, stream, qualified, d.handoffKeep);
  for (let t = 0; t < st.T; t++) {
    const k = left > 0 ? binomial(S, stream, left, d.routeCond[t]) : 0;
    ds.mktT[t] = k;
    left -= k;
  }
  out.leads[mo] = leads;
  out.qualifiedOpps[mo] = qualified;
  out.nurturePool[mo] = ds.pool;
  out.leadBacklog[mo] = backlog;
  const leadCost = d.budget + d.costPerLead * leads;
  ds.leads += leads;
  ds.leadCost += leadCost;
  ds.sdrCost += d.sdrMonthlyCost;
  ds.nurtureCost += nurtureCost;
  return leadCost + d.sdrMonthlyCost + nurtureCost;
}

/** Step 3's demand part (a territory's potential is limited): the territory's marketing-sourced opportunities join its reps' demand. */
export function addMarketingDemand(st: SeatState): void {
  const ds = st.dem!;
  for (let t = 0; t < st.T; t++) st.tDemand[t] += ds.mktT[t];
}

/**
 * Step 4's territory part: each territory's marketing-sourced opportunities arrive with its yield per unit
 * of demand (Binomial thinning, from the trial's demand stream), to be split over its seated reps.
 */
export function demandRoute(st: SeatState, c: Compiled, stream: number): void {
  const ds = st.dem!;
  ds.seatsLeftT.fill(0);
  for (let s = 0; s < st.N; s++) if (st.status[s] === SEATED) ds.seatsLeftT[c.seatTerritory[s]]++;
  for (let t = 0; t < st.T; t++) {
    const k = ds.mktT[t];
    ds.leftT[t] = k > 0 && ds.seatsLeftT[t] > 0 ? (st.tFactor[t] >= 1 ? k : binomial(st.S, stream, k, st.tFactor[t])) : 0;
  }
}

/**
 * Step 4 for seated seat s: its share of its territory's marketing-sourced arrivals (the seats still to
 * be served share what is left evenly). Returns the number that arrived.
 */
export function demandArrive(st: SeatState, c: Compiled, s: number, out: TrialResults, mo: number): number {
  const ds = st.dem!;
  const t = c.seatTerritory[s];
  const left = ds.leftT[t];
  const n = ds.seatsLeftT[t]--;
  if (left === 0 || n <= 0) return 0;
  const a = n === 1 ? left : binomial(st.S, s * PURPOSES + PURPOSE.demand, left, 1 / n);
  ds.leftT[t] = left - a;
  ds.openMkt[s] += a;
  ds.created += a;
  out.marketingOpps[mo] += a;
  return a;
}

/**
 * Step 6 for seat s's marketing-sourced pipeline, after `resolveSeat` (whose effective win and decision
 * probabilities, `odds`, it reuses): resolutions (1/cycleMonths), wins at that win rate x quality, deal values
 * (recorded as customers with a customers block). Returns the value won.
 */
export function demandResolve(st: SeatState, c: Compiled, s: number, odds: WinOdds, out: TrialResults, mo: number): number {
  const ds = st.dem!;
  const open = ds.openMkt[s];
  if (open === 0) return 0;
  const S = st.S;
  const stream = s * PURPOSES + PURPOSE.demand;
  const resolved = binomialTable(c.resolveTable, S, stream, open);
  ds.openMkt[s] = open - resolved;
  const won = binomial(S, stream, resolved, odds.pDecide * Math.min(1, odds.pw * c.demand!.quality));
  st.mRes += resolved;
  st.mWon += won;
  if (won === 0) return 0;
  const v =
    st.cust !== null
      ? dealValueRecorded(st.cust, S, stream, s, won, c.dealMedian, c.dealTable, st.mult[s])
      : c.dealEmpirical
        ? empiricalDealValue(S, stream, won, c.dealEmpirical, st.mult[s])
        : dealValue(S, stream, won, c.dealMedian, c.dealTable, st.mult[s]);
  ds.won += won;
  ds.revenue += v;
  out.marketingWon[mo] += won;
  out.marketingRevenue[mo] += v;
  return v;
}

/** Step 8 for a leaver of seat s: pipelineLossOnExit of the marketing-sourced opportunities is lost too. */
export function demandExit(st: SeatState, c: Compiled, s: number): void {
  const ds = st.dem!;
  if (ds.openMkt[s] > 0) ds.openMkt[s] -= binomial(st.S, s * PURPOSES + PURPOSE.demand, ds.openMkt[s], c.pipelineLoss);
}

/** Per-trial figures: the demand costs and the marketing-sourced shares of created opportunities and revenue. */
export function demandEnd(st: SeatState, out: TrialResults, row: number, totalRevenue: number): void {
  const ds = st.dem!;
  const made = ds.created + st.created;
  out.marketingCostLeads[row] = ds.leadCost;
  out.marketingCostSdr[row] = ds.sdrCost;
  out.marketingCostNurture[row] = ds.nurtureCost;
  out.marketingOppShare[row] = made > 0 ? ds.created / made : NaN;
  out.marketingRevenueShare[row] = totalRevenue > 0 ? ds.revenue / totalRevenue : NaN;
}
