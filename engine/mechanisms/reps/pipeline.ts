/**
 * The pipeline of one seat: Poisson arrivals, each open opportunity resolving at month end with
 * probability 1/cycleMonths (so the month of creation counts), no decision with probability
 * noDecisionRate, otherwise won with the effective win rate; lognormal (or empirical) deal sizes times
 * the rep's multiplier. Counts are binomial draws, so the cost per rep-month does not grow with the pipeline.
 */
import { binomial } from '../../random/binomial.js';
import { binomialTable } from '../../random/binomialTable.js';
import { poisson, poissonInverseExp, poissonPtrs, POISSON_INVERSION_MAX } from '../../random/poisson.js';
import { PURPOSES } from '../../random/streams.js';
import { PURPOSE } from '../../kernel/coreStreams.js';
import { empiricalDealValue } from '../../random/sums.js';
import { capacityDilution, dealValue, dealValueRecorded, workDilution } from '../../kernel/deals.js';
import type { Compiled } from '../../kernel/compiled.js';
import { SEATED, type SeatState } from '../../kernel/state.js';
import type { WinOdds } from '../../kernel/month.js';

/** Where resolveSeat writes its odds when the caller does not need them. */
const SCRATCH_ODDS: WinOdds = { pw: 0, pDecide: 0 };
import { nextU } from '../../random/streams.js';
import { resolveAged, stationaryAged } from '../../kernel/aged.js';

/**
 * Open opportunities of a seat in the stationary state, before month 1's arrivals: Poisson(rate x (cycle - 1)).
 * Resolutions per rep-month are then i.i.d. Poisson(rate).
 */
export function steadyStateOpen(S: Int32Array, stream: number, rate: number, cycleMonths: number): number {
  return poisson(S, stream, rate * (cycleMonths - 1));
}

/**
 * New opportunities this month, caching exp(-rate) per slot in `memo` (pairs [rate, exp(-rate)]): the
 * same draw as `arrivals` without an exp per rep-month when a seat's rate does not change.
 */
export function arrivalsMemo(S: Int32Array, stream: number, rate: number, memo: Float64Array, slot: number): number {
  if (rate > POISSON_INVERSION_MAX) return poissonPtrs(S, stream, rate);
  const o = slot << 1;
  if (memo[o] !== rate) {
    memo[o] = rate;
    memo[o + 1] = Math.exp(-rate);
  }
  return poissonInverseExp(rate, memo[o + 1], nextU(S, stream));
}

/**
 * Step 4 for seat s in month m: Poisson(lam) new opportunities (before them, in month 1 with a
 * steady-state start, an initial holder's stationary pipeline; a steady-state team's holders start with
 * their tenure's pipeline instead, the team's step teamPipeline). Returns the number created.
 */
export function arrive(st: SeatState, c: Compiled, s: number, m: number, lam: number): number {
  const o = s * PURPOSES;
  if (m === 1 && c.steadyStart && c.team === null && st.isHire[s] === 0)
    st.openReg[s] += c.aged ? stationaryAged(st, c, s, o + PURPOSE.initial, lam) : steadyStateOpen(st.S, o + PURPOSE.initial, lam, c.cycle);
  const a = arrivalsMemo(st.S, o + PURPOSE.arrivals, lam, st.lamMemo, s);
  st.openReg[s] += a;
  if (c.aged) st.ageReg[s * (c.stallAge + 1)] += a;
  return a;
}

/**
 * Step 6 for seat s: each open opportunity resolves with probability 1/cycleMonths (Binomial from the
 * run's table); a resolved one is decided with probability 1 - noDecision and then won with the
 * effective win rate (one Binomial thinning); padded opportunities win at paddingQuality x that rate from
 * their own stream. A seated holder's win rate is diluted beyond capacity; an empty seat's pipeline
 * resolves at the leaver's base win rate x the leader's lift. Returns the total value won; with a customers
 * block each won deal is also recorded to become a customer (the same draws and the same total). The
 * effective probabilities used go to `odds` (the seat's marketing-sourced resolutions reuse them).
 */
export function resolveSeat(st: SeatState, c: Compiled, s: number, odds: WinOdds = SCRATCH_ODDS): number {
  const seated = st.status[s] === SEATED;
  const reg = st.openReg[s];
  const pad = st.openPad[s];
  const open = reg + pad + (st.dem !== null ? st.dem.openMkt[s] : 0);
  if (!seated && open === 0) return 0;
  const S = st.S;
  const o = s * PURPOSES;
  // an open book's deals (engine/mechanisms/openBook/openBook.ts) count in the holder's workload (bookOpen is 0 without one)
  let pw = seated ? st.pEff[s] * capacityDilution(c.capacity, open + st.bookOpen[s]) : Math.min(1, st.base[s] * st.lift);
  if (c.sellingTime && seated) pw *= workDilution(st.workHours[s], c.hoursOpen, open);
  if (c.calWin) pw = Math.min(1, pw * st.calWin);
  const pDecide = 1 - (seated ? st.ndEff[s] : c.noDecision);
  odds.pw = pw;
  odds.pDecide = pDecide;
  const stream = o + PURPOSE.resolutions;
  let won: number;
  if (c.aged) {
    won = resolveAged(st, c, s, st.ageReg, c.stallAfter, stream, pDecide, pw);
    if (pad > 0) won += resolveAged(st, c, s, st.agePad, c.stallAfterPad, o + PURPOSE.padding, pDecide, pw * c.paddingQuality);
    let r = 0,
      p = 0;
    const B = c.stallAge + 1;
    for (let j = 0; j < B; j++) {
      r += st.ageReg[s * B + j];
      p += st.agePad[s * B + j];
    }
    st.openReg[s] = r;
    st.openPad[s] = p;
  } else {
    const resolved = binomialTable(c.resolveTable, S, stream, reg);
    st.openReg[s] = reg - resolved;
    won = binomial(S, stream, resolved, pDecide * pw);
    let res = resolved;
    if (pad > 0) {
      const ps = o + PURPOSE.padding;
      const r = binomialTable(c.resolveTable, S, ps, pad);
      st.openPad[s] = pad - r;
      res += r;
      won += binomial(S, ps, r, pDecide * (pw * c.paddingQuality));
    }
    st.mRes += res;
  }
  st.mWon += won;
  if (won === 0) return 0;
  if (st.cust !== null) return dealValueRecorded(st.cust, S, o + PURPOSE.deals, s, won, c.dealMedian, c.dealTable, st.mult[s]);
  if (c.dealEmpirical) return empiricalDealValue(S, o + PURPOSE.deals, won, c.dealEmpirical, st.mult[s]);
  return dealValue(S, o + PURPOSE.deals, won, c.dealMedian, c.dealTable, st.mult[s]);
}
