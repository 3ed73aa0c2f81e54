/**
 * The open pipeline by age: with stalls or resolution by age on (`c.aged`),
 * each seat keeps its open opportunities by month-ends survived (0 = created this month), real and padded
 * apart, in buckets 0..A (A = `c.stallAge`; the last bucket holds every older one; SeatState's ageReg and
 * agePad). Every mechanism that adds or takes open opportunities keeps the buckets in step (the core's
 * arrivals and resolutions, padding, the coverage response, the open book, a steady-state starting team, a
 * leaver's loss); the stalls block (engine/mechanisms/stalls/) sets the thresholds after which an
 * opportunity is stalled, and the resolution block the chance of resolving at each age.
 */
import { binomial } from '../random/binomial.js';
import { binomialTable } from '../random/binomialTable.js';
import { poisson } from '../random/poisson.js';
import type { Compiled } from './compiled.js';
import type { SeatState } from './state.js';

/**
 * The stationary real pipeline of seat s before month 1's arrivals at rate `lam`: bucket j holds
 * Poisson(lam x P(open after j month-ends)), the last bucket every older one.
 */
export function stationaryAged(st: SeatState, c: Compiled, s: number, stream: number, lam: number): number {
  const A = c.stallAge;
  const o = s * (A + 1);
  let surv = 1,
    total = 0;
  const h = c.byAge;
  for (let j = 1; j <= A; j++) {
    surv *= 1 - (h ? h[j - 1] : j - 1 < c.stallAfter ? c.pResolve : c.pStall);
    // the last bucket holds every older age: surv / q of them; by age, at most 120 months' worth (a chance of 0 never resolves)
    const mean = j < A ? lam * surv : h ? lam * surv * Math.min(120, 1 / h[A]) : (lam * surv) / c.pStall;
    const n = poisson(st.S, stream, mean);
    st.ageReg[o + j] += n;
    total += n;
  }
  return total;
}

/**
 * Resolves one kind of a seat's aged pipeline (real: `age` = st.ageReg, padded: st.agePad) from the oldest
 * bucket down, ageing the survivors by a month; adds to st.mRes. Returns the number won.
 */
export function resolveAged(st: SeatState, c: Compiled, s: number, age: Int32Array, after: number, stream: number, pDecide: number, pw: number): number {
  const A = c.stallAge;
  const o = s * (A + 1);
  const S = st.S;
  const pStalled = (1 - c.ndStall) * pw;
  const pFresh = pDecide * pw;
  let won = 0,
    resolved = 0;
  for (let j = A; j >= 0; j--) {
    const n = age[o + j];
    // an empty bucket: its destination is already 0 (j + 1 < A) or keeps what the older buckets left (j + 1 = A)
    if (n === 0) continue;
    const stalled = j >= after;
    const r = stalled ? binomial(S, stream, n, c.pStall) : c.byAge ? binomial(S, stream, n, c.calResolve ? Math.min(1, c.byAge[j] * st.calResolve) : c.byAge[j]) : binomialTable(c.resolveTable, S, stream, n);
    resolved += r;
    if (r > 0) won += binomial(S, stream, r, stalled ? pStalled : pFresh);
    const surv = n - r;
    if (j === A) age[o + A] = surv;
    else {
      age[o + j] = 0;
      if (j + 1 === A) age[o + A] += surv;
      else age[o + j + 1] = surv;
    }
  }
  st.mRes += resolved;
  return won;
}

/** A leaver's pipeline loss, bucket by bucket (binomial draws at `loss` from `stream`); keeps the totals. */
export function loseAged(st: SeatState, c: Compiled, s: number, stream: number, loss: number): void {
  const o = s * (c.stallAge + 1);
  for (let j = 0; j <= c.stallAge; j++) {
    const r = binomial(st.S, stream, st.ageReg[o + j], loss);
    st.ageReg[o + j] -= r;
    st.openReg[s] -= r;
    const rp = binomial(st.S, stream, st.agePad[o + j], loss);
    st.agePad[o + j] -= rp;
    st.openPad[s] -= rp;
  }
}
