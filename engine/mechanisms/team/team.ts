/**
 * The initial team. By default (`initialTeam` absent or `ramped`) every initial seat is held at the start
 * by a fully ramped rep with a long tenure, a state no company is in: attrition, time to fill and ramp
 * then pull the team down to its steady state over the first year. With `initialTeam: steady-state` each
 * initial seat starts in the stationary state of the seat's own renewal process instead, drawn per trial:
 *
 * - a holder stays T months, T ~ Geometric(q) on 1, 2, ... (q the monthly hazard); with backfill the seat
 *   is then vacant D = round(time to fill) months (D may be 0) and the cycle repeats;
 * - at a random month the seat is vacant with probability E[D] / (E[D] + 1/q), then with r months of the
 *   vacancy left (this one included) with probability P(D >= r) / E[D] (filled at the start of month
 *   1 + r), holding what is left of its leaver's pipeline (resolving at a leaver's win rate); otherwise it is held in tenure month k with probability q (1 - q)^(k - 1), ramping when
 *   k <= ramp months (its ramp position, quota and low-performer clock follow from k);
 * - a holder's open pipeline before month 1's arrivals is Poisson(rate x w_k), with w_k the expected open
 *   opportunities per unit of rate of a rep in tenure month k whose arrivals followed the ramp,
 *   sum over j < k of ramp(j) (1 - 1/cycle)^(k - j), plus what the predecessor left (a settled leaver's
 *   cycle - 1 less the share lost on exit, resolving through the vacancy and the k - 1 months since),
 *   divided by ramp(k) (k large: cycle - 1, as for the ramped team).
 *
 * Without attrition every holder is productive (q = 0); without backfill no seat starts vacant. Not
 * modelled: a starter's inherited pipeline under a step ramp (ramp 0), the month-1 territory saturation and
 * market of a vacant seat's leftover pipeline (drawn at the full-ramp rate opportunitiesPerMonth), onboarding
 * capacity and enablement ramp savings in the tenure of the starting team; with stalls, the starting
 * pipelines' ages are a settled rep's, scaled to the same mean. The initial holders' win rates
 * are the team's (`reps.winRate`), whatever their tenure.
 */
import type { Compiled } from '../../kernel/compiled.js';
import { VACANT, type SeatState } from '../../kernel/state.js';
import { nextU, PURPOSES } from '../../random/streams.js';
import { PURPOSE } from './streams.js';
import { PURPOSE as CORE } from '../../kernel/coreStreams.js';
import { drawDealMultiplier, drawWinRate, seatHolder } from '../../kernel/holder.js';
import { poisson } from '../../random/poisson.js';
import { stationaryAged } from '../../kernel/aged.js';
import { posteriorMultiplier, posteriorWinRate } from './record.js';
import type { TeamParams, RosterStart } from './types.js';


export type { TeamParams } from './types.js';



export { monthsBefore, vacancyMonthsPmf, compileTeam } from './compile.js';

/**
 * Seats initial seat s from a roster: a holder in its tenure month (ramping while k <= ramp months), or a
 * vacancy whose remaining months are drawn from the time to fill given that it has been open `vacantFor`
 * months (never filled without a hiring block). A vacancy's leftover pipeline resolves at a
 * leaver's win rate drawn for the seat's tier.
 */
function seatRoster(st: SeatState, c: Compiled, t: TeamParams, r: RosterStart, s: number): void {
  const k = r.tenure[s];
  if (k === 0) {
    st.status[s] = VACANT;
    st.tenure0[s] = 0;
    st.mult[s] = drawDealMultiplier(st.S, s * PURPOSES + CORE.attributes, c.dealSpread);
    st.base[s] = drawWinRate(c.winRate, st.tier[s], st.S, s * PURPOSES + CORE.attributes);
    if (r.won[s] >= 0) st.base[s] = posteriorWinRate(c.winRate, r.won[s], r.lost[s], st.S, s * PURPOSES + PURPOSE.team);
    const pmf = r.fillPmf;
    if (pmf.length === 0) {
      st.fillAt[s] = 0x7fffffff;
      return;
    }
    // D given D >= e (it has been vacant e months, as a leaver's seat is for D months from the month after the
    // exit): D - e months left, filled at the start of month 1 + D - e (at once when overdue)
    const e = r.vacantFor[s];
    let tail = 0;
    for (let d = e; d < pmf.length; d++) tail += pmf[d];
    let left = 0;
    if (tail > 0) {
      let u = nextU(st.S, s * PURPOSES + PURPOSE.team) * tail;
      let d = e;
      while (d < pmf.length - 1 && u > pmf[d]) u -= pmf[d++];
      left = d - e;
    }
    st.fillAt[s] = 1 + left;
    return;
  }
  seatHolder(st, c, s, 0, false);
  if (r.won[s] >= 0) {
    const stream = s * PURPOSES + PURPOSE.team;
    st.base[s] = st.pBase[st.person[s]] = posteriorWinRate(c.winRate, r.won[s], r.lost[s], st.S, stream);
    if (c.dealEmpirical === null) st.mult[s] = posteriorMultiplier(c.dealSpread, c.dealSigma, c.dealMedian, r.won[s], r.wonGeoMean[s], st.S, stream);
  }
  st.tenure0[s] = k;
  st.start[s] = 2 - k;
  if (k <= t.R) {
    st.isHire[s] = 1;
    st.rampR[s] = t.R;
    st.prog[s] = k - 1;
  }
}

/**
 * Seats initial seat s of a steady-state team at the start of a trial, from the seat's `team` stream:
 * vacant (a requisition filled at the start of month 1 + r) or a holder in tenure month k (st.tenure0).
 */
export function seatInitialTeam(st: SeatState, c: Compiled, t: TeamParams, s: number): void {
  if (t.roster) return seatRoster(st, c, t, t.roster, s);
  const stream = s * PURPOSES + PURPOSE.team;
  const u = nextU(st.S, stream);
  const v = nextU(st.S, stream);
  if (u < t.pVacant) {
    let r = 0;
    while (r < t.remainingCdf.length - 1 && v > t.remainingCdf[r]) r++;
    st.status[s] = VACANT;
    st.fillAt[s] = 2 + r;
    st.tenure0[s] = 0;
    // the leaver's pipeline, resolving at the leaver's win rate (a holder of this seat's tier) until the fill
    // the leaver's deal-size multiplier (their pipeline's deals are theirs): drawn, never left from another trial
    st.mult[s] = drawDealMultiplier(st.S, s * PURPOSES + CORE.attributes, c.dealSpread);
    if (c.steadyStart) {
      st.base[s] = drawWinRate(c.winRate, st.tier[s], st.S, s * PURPOSES + CORE.attributes);
      const mean = c.rate * t.vacantWeight[r];
      const stream = s * PURPOSES + CORE.initial;
      // with stalls, spread over ages as a settled rep's pipeline of the same mean
      st.openReg[s] = c.aged ? stationaryAged(st, c, s, stream, c.cycle > 1 ? mean / (c.cycle - 1) : 0) : poisson(st.S, stream, mean);
    }
    return;
  }
  seatHolder(st, c, s, 0, false);
  const k = t.q > 0 ? 1 + Math.floor(Math.log(v) / Math.log1p(-t.q)) : Number.MAX_SAFE_INTEGER;
  const tenure = Math.min(k, 1_000_000);
  st.tenure0[s] = tenure;
  st.start[s] = 2 - tenure;
  if (tenure <= t.R) {
    st.isHire[s] = 1;
    st.rampR[s] = t.R;
    st.prog[s] = tenure - 1;
  }
}

/**
 * Step 4 in month 1 for seat s of a steady-state team with a steady-state pipeline (the month loop calls it
 * before the core's arrivals, with the rate `lam` they are drawn at): a holder in tenure month k starts with
 * Poisson(lam x w_k) open opportunities from the core's initial-pipeline stream; with stalls, spread over ages
 * as a settled rep's pipeline of the same mean. A hire (tenure 0) starts empty.
 */
export function teamPipeline(st: SeatState, c: Compiled, t: TeamParams, s: number, lam: number): void {
  const k = st.tenure0[s];
  if (k === 0) return;
  const mean = lam * teamPipelineWeight(t, k);
  const stream = s * PURPOSES + CORE.initial;
  st.openReg[s] += c.aged ? stationaryAged(st, c, s, stream, c.cycle > 1 ? mean / (c.cycle - 1) : 0) : poisson(st.S, stream, mean);
}

/** The open-pipeline weight w_k of a holder in tenure month k at the start. */
export function teamPipelineWeight(t: TeamParams, k: number): number {
  const w = t.pipelineWeight;
  return w[k < w.length ? k : w.length - 1];
}
