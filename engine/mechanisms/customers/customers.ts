/**
 * Recurring revenue (the optional `customers` block): won deals become customers, churn, expansion,
 * referrals and the customer-experience programme.
 *
 * Rules (documented because tests depend on them):
 * - A deal won in month s becomes a customer at the end of month s with ARR = the deal's value (ACV). It
 *   is present at the end of months s..e-1 and leaves at its churn month e (never in its first month).
 * - Churn: each customer draws E ~ Exp(1) once, from the winning seat's `customers` stream (the initial
 *   base from the trial's customers stream). With `churnDecided: monthly` the customer leaves in the first
 *   month e > s with Λ(e) - Λ(s) >= E, where Λ(m) = Σ_{k<=m} -ln(1 - q_k) and q_k = 1 - (1 - annual churn
 *   in k)^(1/12): exactly a monthly hazard q_k, memoryless. With `anniversary` churn is decided only at
 *   contract anniversaries s + 12j, each with the annual churn rate in force then. One E per customer makes
 *   a lower churn move every customer's exit later on common random numbers (never earlier).
 * - Expansion: retained ARR grows by (1 + e_m)^(1/12) in month m (e_m the annual net expansion in force),
 *   the same for every customer, so ARR(m) = G(m) x Σ (ACV / G(start)) over present customers with
 *   G(m) = Π (1 + e_k)^(1/12): a customer costs O(1) when won and nothing afterwards; a month costs O(1)
 *   plus its new customers.
 * - Order inside the customers step of month m: churn (ARR lost at G(m-1)), then expansion of the retained
 *   ARR, then the month's new customers. So ARR(m) = ARR(m-1) - churned + expansion + new.
 * - Recognised revenue of month m = end-of-month ARR / 12 (a customer is billed monthly from the month it
 *   is won to the month before it churns).
 * - Referrals: in month m a territory's customers at the end of month m-1 yield Poisson(r_m x customers)
 *   referral opportunities, shared equally by its seated reps (each rep's share an independent Poisson
 *   from the seat's `referrals` stream; a territory without a seated rep yields none). A referral resolves
 *   like any opportunity (probability 1/cycleMonths a month), is won with the referral win rate (no
 *   separate no-decision), its value drawn like a deal's and credited to the rep; it stays with the seat
 *   when the rep leaves. Won referrals are bookings and become customers.
 * - The customer-experience programme ramps like enablement: share min(1, (m - start + 1) /
 *   max(1, monthsToFullEffect)) from startMonth. It multiplies annual churn by (1 - churnCut x ramp), adds
 *   expansionLift x ramp to annual expansion and multiplies referrals by (1 + referralLift x ramp). Its cost
 *   (oneTime at start, perMonth and perCustomerPerMonth of the customers at the start of the month) is a
 *   cost of the month and `cost.breakdown.customerSuccess`.
 */
import type { Compiled } from '../../kernel/compiled.js';
import type { TrialResults } from '../../types.js';
import { SEATED, type SeatState } from '../../kernel/state.js';
import { nextU, PURPOSES } from '../../random/streams.js';
import { PURPOSE } from './streams.js';
import { poisson } from '../../random/poisson.js';
import { binomial } from '../../random/binomial.js';
import { binomialTable } from '../../random/binomialTable.js';
import { lognormalTableQuantile } from '../../random/lognormalTable.js';
import { dealValueRecorded } from '../../kernel/deals.js';
import type { CompiledCustomers, CustomerState } from './types.js';
export type { CompiledCustomers, CustomerState } from './types.js';

/** Longest age (months) of a steady-state initial customer, for its expansion. */
const MAX_AGE = 120;



/**
 * Expected ARR after t months from an empty base with constant new ARR a per month and monthly churn q
 * (no expansion): a(1 - (1 - q)^t)/q; the limit a/q.
 * @example expectedArr(100, 0.02, Infinity) // 5000
 */
export function expectedArr(a: number, q: number, t: number): number {
  return (a * (1 - Math.pow(1 - q, t))) / q;
}

export { LTV_MONTHS, experienceRamp, compileCustomers, createCustomerState } from './compile.js';

/**
 * The churn month of a customer who starts in month `start` (present at its end) with Exp(1) draw E: the
 * first month in (start, H] at which its accumulated hazard reaches E, else H + 1 (beyond the horizon).
 * `phase` (anniversary rule) is the month of its first anniversary minus 12 (= start for a new customer).
 */
export function churnMonth(cc: CompiledCustomers, H: number, start: number, phase: number, E: number): number {
  if (cc.anniversary) {
    let h = 0;
    for (let a = phase + 12; a <= H; a += 12) {
      if (a <= start) continue;
      h += cc.annHazard[a];
      if (h >= E) return a;
    }
    return H + 1;
  }
  const L = cc.cumHazard;
  const target = L[start] + E;
  if (L[H] < target) return H + 1;
  let lo = start + 1,
    hi = H;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (L[mid] >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Adds a customer present from the end of month `start` with base ARR b in territory t, leaving in month e. */
function addCustomer(cs: CustomerState, T: number, H: number, start: number, e: number, b: number, t: number): void {
  cs.base += b;
  cs.count++;
  cs.countT[t]++;
  if (e <= H) {
    cs.lossBase[e] += b;
    cs.lossCount[e]++;
    cs.lossT[e * T + t]++;
  }
  const Y = cs.yB0.length;
  for (let y = Math.ceil(start / 12); y < Y; y++) {
    const m0 = 12 * y;
    if (e <= m0) break;
    cs.yB0[y] += b;
    if (e > Math.min(m0 + 12, H)) cs.yB1[y] += b;
  }
}

/**
 * Per-trial setup: empty state, then the initial base (present at the end of month 0): { count, arr } or
 * the steady state of month 1's rates (count ~ Poisson(new a month x mean lifetime), ages geometric with
 * the month's churn, ARR = a deal size x (1 + g)^age). Draws per initial customer, in order, from the
 * trial's customers stream: territory, ARR, age (steady state), anniversary phase, churn E.
 */
export function customersBegin(st: SeatState, c: Compiled, stream: number): void {
  const cs = st.cust!;
  const cc = c.customers!;
  const H = c.H;
  const T = st.T;
  cs.nNew = 0;
  cs.lossBase.fill(0);
  cs.lossCount.fill(0);
  cs.lossT.fill(0);
  cs.base = cs.count = 0;
  cs.countT.fill(0);
  cs.yB0.fill(0);
  cs.yB1.fill(0);
  cs.openRef.fill(0);
  cs.newCustomers = cs.newAcv = cs.csCost = 0;
  if (cc.initial === 0) return;
  const S = st.S;
  const n = cc.initial === 1 ? cc.initialCount : poisson(S, stream, cc.steadyMean);
  const logKeep = Math.log1p(-cc.steadyQ);
  for (let i = 0; i < n; i++) {
    const u = nextU(S, stream);
    let t = 0;
    while (t < T - 1 && u > cc.territoryCum[t]) t++;
    let arr = cc.initialTable === null ? cc.initialMedian : cc.initialMedian * lognormalTableQuantile(cc.initialTable, nextU(S, stream));
    if (cc.initial === 2) {
      // stationary age: P(age = k) = q (1 - q)^k, by inversion
      const ua = nextU(S, stream);
      const age = cc.steadyQ >= 1 ? 0 : Math.min(MAX_AGE, Math.floor(Math.log(ua) / logKeep));
      arr *= Math.pow(1 + cc.steadyG, age);
    }
    const phase = (nextU(S, stream) * 12) | 0; // first anniversary in month phase + 1
    const E = -Math.log(nextU(S, stream));
    const e = churnMonth(cc, H, 0, phase + 1 - 12, E);
    addCustomer(cs, T, H, 0, e, arr, t);
  }
}

/**
 * Before the seat pass of month m (referrals on): seated reps per territory, for the referral shares.
 */
export function countSeated(st: SeatState, c: Compiled): void {
  const cs = st.cust!;
  cs.seatedT.fill(0);
  for (let s = 0; s < st.N; s++) if (st.status[s] === SEATED) cs.seatedT[c.seatTerritory[s]]++;
}

/**
 * Steps 4 and 6 of the referral pipeline for seat s in month m: a seated rep's share of its territory's
 * referrals (Poisson), then resolutions (probability 1/cycleMonths), wins at the referral win rate, deal
 * values (recorded as new customers). Returns the value won; adds the opportunities created to
 * `out.referralOpps`.
 */
export function referralSeat(st: SeatState, c: Compiled, s: number, m: number, out: TrialResults, mo: number): number {
  const cs = st.cust!;
  const cc = c.customers!;
  const S = st.S;
  const stream = s * PURPOSES + PURPOSE.referrals;
  if (st.status[s] === SEATED) {
    const t = c.seatTerritory[s];
    const lam = (cc.referralRate[m] * cs.countT[t]) / cs.seatedT[t];
    if (lam > 0) {
      const a = poisson(S, stream, lam);
      cs.openRef[s] += a;
      out.referralOpps[mo] += a;
    }
  }
  const open = cs.openRef[s];
  if (open === 0) return 0;
  const resolved = binomialTable(c.resolveTable, S, stream, open);
  cs.openRef[s] = open - resolved;
  const won = binomial(S, stream, resolved, cc.referralWin);
  if (won === 0) return 0;
  return dealValueRecorded(cs, S, stream, s, won, c.dealMedian, c.dealTable, st.mult[s]);
}

/**
 * The customers step of month m (after the seat pass, before costs are closed): churn, expansion, this
 * month's won deals as new customers, the programme's cost; writes the month's ARR figures. Returns the
 * month's customer-experience cost.
 */
export function customersMonth(st: SeatState, c: Compiled, m: number, out: TrialResults, mo: number): number {
  const cs = st.cust!;
  const cc = c.customers!;
  const H = c.H;
  const T = st.T;
  const G = cc.growth;
  // programme cost on the customers at the start of the month
  let cost = 0;
  if (cc.csStart > 0 && m >= cc.csStart) cost = (m === cc.csStart ? cc.csOneTime : 0) + cc.csPerMonth + cc.csPerCustomer * cs.count;
  cs.csCost += cost;
  // churn
  const lb = cs.lossBase[m];
  const churned = G[m - 1] * lb;
  cs.base -= lb;
  cs.count -= cs.lossCount[m];
  for (let t = 0; t < T; t++) cs.countT[t] -= cs.lossT[m * T + t];
  if (cs.count === 0) cs.base = 0;
  // expansion of the retained ARR
  const expansion = (G[m] - G[m - 1]) * cs.base;
  // new customers
  let added = 0;
  const S = st.S;
  for (let i = 0; i < cs.nNew; i++) {
    const v = cs.newV[i];
    const s = cs.newSeat[i];
    const E = -Math.log(nextU(S, s * PURPOSES + PURPOSE.customers));
    const e = churnMonth(cc, H, m, m, E);
    addCustomer(cs, T, H, m, e, v / G[m], c.seatTerritory[s]);
    added += v;
  }
  cs.newCustomers += cs.nNew;
  cs.newAcv += added;
  cs.nNew = 0;
  const arr = G[m] * cs.base;
  out.arr[mo] = arr;
  out.newArr[mo] = added;
  out.expansionArr[mo] = expansion;
  out.churnedArr[mo] = churned;
  out.customerCount[mo] = cs.count;
  out.recognised[mo] = arr / 12;
  return cost;
}

/** Per-trial reductions: GRR and NRR per plan year, CAC, LTV, CAC payback and the programme's cost. */
export function customersEnd(st: SeatState, c: Compiled, out: TrialResults, row: number, salesCost: number): void {
  const cs = st.cust!;
  const cc = c.customers!;
  const Y = st.Y;
  for (let y = 0; y < Y; y++) {
    const b0 = cs.yB0[y];
    const m0 = 12 * y;
    const m1 = Math.min(m0 + 12, c.H);
    out.grr[row * Y + y] = b0 > 0 ? cs.yB1[y] / b0 : NaN;
    out.nrr[row * Y + y] = b0 > 0 ? (cc.growth[m1] * cs.yB1[y]) / (cc.growth[m0] * b0) : NaN;
  }
  const n = cs.newCustomers;
  const acv = n > 0 ? cs.newAcv / n : NaN;
  const cac = c.hasCosts && n > 0 ? salesCost / n : NaN;
  out.newCustomers[row] = n;
  out.cac[row] = cac;
  out.ltv[row] = acv * cc.ltvFactor;
  out.cacPayback[row] = cac / ((acv * cc.grossMargin) / 12);
  out.csCost[row] = cs.csCost;
}
