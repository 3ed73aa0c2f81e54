/**
 * Stalled deals. Each seat keeps its open opportunities by age (month-ends survived: 0 = created this
 * month), real and padded apart, in buckets 0..A (A = the larger of the two thresholds; the last bucket
 * holds every older one). A real opportunity that has survived `stallAfter` month-ends (padded:
 * `stallAfterPad`) is stalled: it resolves with probability pStall (= resolveMultiplier / cycleMonths)
 * instead of 1 / cycleMonths, and a resolved stalled opportunity ends in no decision with probability
 * ndStall. Closed forms with p = 1 / cycleMonths, q = pStall, T = threshold: an opportunity is still open
 * after T month-ends with probability (1-p)^T; its mean time to resolution (the month of creation counts)
 * is (1 - (1-p)^T) / p + (1-p)^T / q; under steady arrivals the stalled share of the month-end pipeline is
 * ((1-p)^T / q) / (sum_{j=1}^{T-1} (1-p)^j + (1-p)^T / q).
 */
import { binomial } from '../../random/binomial.js';
import { binomialTable } from '../../random/binomialTable.js';
import { poisson } from '../../random/poisson.js';
import type { Compiled } from '../../kernel/compiled.js';
import type { SeatState } from '../../kernel/state.js';

/**
 * Stalled share of the month-end pipeline under steady arrivals (the closed form above).
 * @example stalledShareClosedForm(1 / 3, 0.5 / 3, 6) // ≈ 0.233
 */
export function stalledShareClosedForm(p: number, q: number, T: number): number {
  let fresh = 0;
  for (let j = 1; j < T; j++) fresh += (1 - p) ** j;
  const stalled = (1 - p) ** T / q;
  return stalled / (fresh + stalled);
}

/**
 * Mean months to resolution of one opportunity (the month of creation counts as 1).
 * @example meanTimeToResolution(1 / 3, 1 / 3, 6) // 3
 */
export function meanTimeToResolution(p: number, q: number, T: number): number {
  const s = (1 - p) ** T;
  return (1 - s) / p + s / q;
}

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

/** Open opportunities of seat s that are stalled (real and padded). */
export function stalledCount(st: SeatState, c: Compiled, s: number): number {
  const A = c.stallAge;
  const o = s * (A + 1);
  let n = 0;
  for (let j = c.stallAfter; j <= A; j++) n += st.ageReg[o + j];
  for (let j = c.stallAfterPad; j <= A; j++) n += st.agePad[o + j];
  return n;
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
