/**
 * Persons: every holder a seat has in a trial. A person's revenue, base win rate and, per plan year,
 * revenue, quota and months seated are kept so that the trial can be reduced to attainment (per person
 * per plan year, counted when seated >= 3 months of it), the Lorenz curve of person revenue and the
 * top-20%-vs-bottom-80% split by base win rate.
 */
import { LORENZ_POINTS } from '../../kernel/outputs.js';
import type { TrialResults } from '../../types.js';
import type { SeatState } from '../../kernel/state.js';
import { gini, lorenzAt, prefixSums } from '../../stats/lorenz.js';
import { topK } from '../../kernel/rank.js';
import type { Compiled } from '../../kernel/compiled.js';

/**
 * The coverage figures of the two win-rate groups (st.topBuf marks the top 20%): mean attainment of
 * their counted person-years (NaN without any) and padded / created opportunities (NaN when none created).
 */
function groupFigures(st: SeatState, out: TrialResults, row: number): void {
  const Y = st.Y;
  const att = [0, 0],
    attN = [0, 0],
    pad = [0, 0],
    made = [0, 0];
  for (let p = 0; p < st.nP; p++) {
    const g = st.topBuf[p] === 1 ? 0 : 1;
    pad[g] += st.pPad[p];
    made[g] += st.pPad[p] + st.pMade[p];
    for (let y = 0; y < Y; y++) {
      const q = st.pYearQuota[p * Y + y];
      if (st.pYearMonths[p * Y + y] < MIN_MONTHS_FOR_ATTAINMENT || !(q > 0)) continue;
      att[g] += st.pYearRev[p * Y + y] / q;
      attN[g]++;
    }
  }
  out.top20Attainment[row] = attN[0] > 0 ? att[0] / attN[0] : NaN;
  out.bottom80Attainment[row] = attN[1] > 0 ? att[1] / attN[1] : NaN;
  out.top20PaddedShare[row] = made[0] > 0 ? pad[0] / made[0] : NaN;
  out.bottom80PaddedShare[row] = made[1] > 0 ? pad[1] / made[1] : NaN;
}

/** Months seated in a plan year before a person's attainment counts. */
export const MIN_MONTHS_FOR_ATTAINMENT = 3;

/** Credits won revenue `v` in plan year y to the holder of seat s (their person and quarter). */
export function creditPerson(st: SeatState, s: number, y: number, v: number): void {
  const p = st.person[s];
  st.pRev[p] += v;
  st.pYearRev[p * st.Y + y] += v;
  st.qRev[s] += v;
}

/** Step 7 (quota): the holder of seat s accrues this month's quota `qm` in plan year y. */
export function accrueQuota(st: SeatState, s: number, y: number, qm: number): void {
  const o = st.person[s] * st.Y + y;
  st.pYearQuota[o] += qm;
  st.pYearMonths[o]++;
  st.qQuota[s] += qm;
}

/**
 * The trial's person figures into row `row` of `out`: attainments (appended to the block's pool), share at
 * quota and mean attainment; the Lorenz curve, top-20% share and Gini of person revenue; revenue per rep
 * of the top 20% and the bottom 80% by base win rate (ties by person index).
 */
export function reducePersons(st: SeatState, c: Compiled, out: TrialResults, row: number): void {
  const nP = st.nP;
  const Y = st.Y;
  // attainment per person-year (seated >= 3 months of the year, quota > 0)
  let counted = 0,
    atQuota = 0,
    attSum = 0;
  for (let p = 0; p < nP; p++) {
    for (let y = 0; y < Y; y++) {
      const q = st.pYearQuota[p * Y + y];
      if (st.pYearMonths[p * Y + y] < MIN_MONTHS_FOR_ATTAINMENT || !(q > 0)) continue;
      const a = st.pYearRev[p * Y + y] / q;
      if (st.nAtt === st.att.length) {
        const x = new Float32Array(st.att.length * 2);
        x.set(st.att);
        st.att = x;
      }
      st.att[st.nAtt++] = a;
      counted++;
      attSum += a;
      if (a >= 1) atQuota++;
    }
  }
  out.attainmentCounts[row] = counted;
  out.shareAtQuota[row] = counted > 0 ? atQuota / counted : NaN;
  out.meanAttainment[row] = counted > 0 ? attSum / counted : NaN;
  // Lorenz curve of person revenue
  const lo = row * LORENZ_POINTS;
  const sorted = st.sortBuf.subarray(0, nP);
  sorted.set(st.pRev.subarray(0, nP));
  sorted.sort();
  const total = prefixSums(sorted, st.cumBuf);
  if (nP > 0 && total > 0) {
    for (let i = 0; i < LORENZ_POINTS; i++) out.lorenz[lo + i] = lorenzAt(sorted, st.cumBuf, total, i / (LORENZ_POINTS - 1));
    out.top20Share[row] = 1 - lorenzAt(sorted, st.cumBuf, total, 0.8);
    out.gini[row] = gini(sorted);
  } else {
    for (let i = 0; i < LORENZ_POINTS; i++) out.lorenz[lo + i] = NaN;
    out.top20Share[row] = NaN;
    out.gini[row] = NaN;
  }
  // top 20% vs bottom 80% of persons by base win rate (ties by person index)
  if (nP > 0) {
    const k = Math.max(1, Math.round(0.2 * nP));
    for (let p = 0; p < nP; p++) st.idxBuf[p] = p;
    topK(st.pBase, st.idxBuf, nP, k, st.keyBuf, st.topBuf);
    let top = 0,
      bottom = 0;
    for (let p = 0; p < nP; p++) {
      if (st.topBuf[p] === 1) top += st.pRev[p];
      else bottom += st.pRev[p];
    }
    out.top20RevenuePerRep[row] = top / k;
    out.bottom80RevenuePerRep[row] = nP > k ? bottom / (nP - k) : NaN;
    if (c.coverageFigures) groupFigures(st, out, row);
  } else {
    out.top20RevenuePerRep[row] = NaN;
    out.bottom80RevenuePerRep[row] = NaN;
  }
}
