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
import type { Scenario } from '../scenario.js';
import type { Compiled } from '../compile.js';
import { VACANT, type SeatState } from '../state.js';
import { nextU, PURPOSE, PURPOSES } from '../random/streams.js';
import { gammaMeanSdCdf } from '../random/gammaCdf.js';
import { monthlyHazard } from './attrition.js';
import { rampMultiplier, CURVE } from './hiring.js';
import { drawWinRate, seatHolder } from './reps.js';
import { poisson } from '../random/poisson.js';
import { stationaryAged } from './stalls.js';

export interface TeamParams {
  /** monthly hazard (0: every holder is productive) */
  q: number;
  /** ramp months */
  R: number;
  /** probability that a seat starts vacant */
  pVacant: number;
  /** CDF of the months of vacancy left, r = 1, 2, ... at index r - 1 */
  remainingCdf: Float64Array;
  /** w_k at index k (k = 1..K); tenure beyond K uses w_K */
  pipelineWeight: Float64Array;
  /** a vacant seat's open pipeline (the leaver's) per unit of full-ramp rate, by months of vacancy left r at index r - 1 */
  vacantWeight: Float64Array;
}

/** Probability mass of D = round(time to fill), d = 0..Dmax, with P(D > Dmax) < 1e-12. */
export function vacancyMonthsPmf(mean: number, sd: number): Float64Array {
  if (sd === 0 || mean === 0) {
    const d = Math.round(mean);
    const pmf = new Float64Array(d + 1);
    pmf[d] = 1;
    return pmf;
  }
  const out: number[] = [];
  let prev = 0;
  for (let d = 0; d < 10_000; d++) {
    const cdf = gammaMeanSdCdf(mean, sd, d + 0.5);
    out.push(cdf - prev);
    prev = cdf;
    if (1 - cdf < 1e-12) break;
  }
  return Float64Array.from(out);
}

/**
 * The stationary start of a scenario's initial seats, or null when the team starts ramped.
 * @example // compileTeam(parseScenario({ ..., initialTeam: 'steady-state' })).pVacant
 */
export function compileTeam(s: Scenario): TeamParams | null {
  if (s.initialTeam !== 'steady-state') return null;
  const q = s.attrition ? monthlyHazard(s.attrition.annualRate) : 0;
  const R = s.hiring?.ramp.months ?? 0;
  const curve = CURVE[s.hiring?.ramp.curve ?? 'linear'];
  let pVacant = 0;
  let remainingCdf = new Float64Array(0);
  let vacantWeight = new Float64Array(0);
  const leftAfterExit = (1 - (s.attrition?.pipelineLossOnExit ?? 0)) * (s.reps.cycleMonths - 1);
  /** E[(1 - 1/cycle)^D]: what of a leaver's pipeline is still open when the successor starts, per month of vacancy */
  let keptThroughVacancy = 0;
  const keep = 1 - 1 / s.reps.cycleMonths;
  if (q > 0 && s.hiring?.backfill) {
    const ttf = s.hiring.timeToFillMonths;
    const pmf = typeof ttf === 'number' ? vacancyMonthsPmf(ttf, 0) : vacancyMonthsPmf(ttf.mean, ttf.sd);
    let mean = 0;
    for (let d = 0; d < pmf.length; d++) {
      mean += d * pmf[d];
      keptThroughVacancy += pmf[d] * keep ** d;
    }
    if (mean > 0) {
      pVacant = mean / (mean + 1 / q);
      // P(r) = P(D >= r) / E[D], r = 1..Dmax
      remainingCdf = new Float64Array(pmf.length - 1);
      vacantWeight = new Float64Array(pmf.length - 1);
      let tail = 1 - pmf[0];
      let acc = 0;
      for (let r = 1; r < pmf.length; r++) {
        acc += tail / mean;
        remainingCdf[r - 1] = acc;
        // E[keep^(D - r) | D >= r]: the leaver's pipeline has resolved through the D - r vacant months so far
        let num = 0;
        for (let d = r; d < pmf.length; d++) num += pmf[d] * keep ** (d - r);
        vacantWeight[r - 1] = tail > 0 ? (leftAfterExit * num) / tail : 0;
        tail -= pmf[r];
      }
    }
  }
  // w_k until it settles (the ramp is over and (1 - p)^k is negligible): the holder's own arrivals, plus
  // what the predecessor left (a settled leaver's cycle - 1 per unit of rate, less the share lost on exit,
  // resolving through the vacancy and the k - 1 months since)
  const inherited = s.hiring?.backfill && q > 0 ? leftAfterExit * keptThroughVacancy : 0;
  const w: number[] = [0, 0];
  let open = 0; // expected open opportunities per unit of full-ramp rate at the start of tenure month k
  for (let k = 2; k < 5000; k++) {
    open = (open + rampMultiplier(curve, R, k - 1)) * keep;
    const r = rampMultiplier(curve, R, k);
    w.push(r > 0 ? (open + inherited * keep ** (k - 1)) / r : 0);
    if (k > R + 1 && Math.abs(w[k] - w[k - 1]) < 1e-13 * Math.max(1, w[k])) break;
  }
  // a starter (tenure month 1) holds only what the predecessor left
  const r1 = rampMultiplier(curve, R, 1);
  w[1] = r1 > 0 ? inherited / r1 : 0;
  return { q, R, pVacant, remainingCdf, pipelineWeight: Float64Array.from(w), vacantWeight };
}

/**
 * Seats initial seat s of a steady-state team at the start of a trial, from the seat's `team` stream:
 * vacant (a requisition filled at the start of month 1 + r) or a holder in tenure month k (st.tenure0).
 */
export function seatInitialTeam(st: SeatState, c: Compiled, t: TeamParams, s: number): void {
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
    if (c.steadyStart) {
      st.base[s] = drawWinRate(c.winRate, st.tier[s], st.S, s * PURPOSES + PURPOSE.attributes);
      const mean = c.rate * t.vacantWeight[r];
      const stream = s * PURPOSES + PURPOSE.initial;
      // with stalls, spread over ages as a settled rep's pipeline of the same mean
      st.openReg[s] = c.stalls ? stationaryAged(st, c, s, stream, c.cycle > 1 ? mean / (c.cycle - 1) : 0) : poisson(st.S, stream, mean);
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

/** The open-pipeline weight w_k of a holder in tenure month k at the start. */
export function teamPipelineWeight(t: TeamParams, k: number): number {
  const w = t.pipelineWeight;
  return w[k < w.length ? k : w.length - 1];
}
