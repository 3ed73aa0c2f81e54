/**
 * The compensation plan (the optional `compensation` block): each seated rep is paid a monthly base
 * (OTE x (1 - variableShare) / 12) and commission on a plan year's attainment, paid as earned:
 *
 *   variable earned to date = V x min(cap, g(A)),   A = the holder's revenue in the plan year / Q,
 *
 * where V and Q are the target variable and the quota prorated to the months of the plan year the holder
 * is seated from (a hire in month 4 of a plan year has 9/12 of each), and g is the payout curve in
 * multiples of target variable: slope `decelerator.rate` below `decelerator.below`, 1 up to the first
 * accelerator, then each accelerator's rate (so with a decelerator g(1) = 1 - (1 - rate) x below). The
 * month's commission is the increase of the earned variable, never negative. A new hire's first
 * `guarantee.months` months pay at least `guarantee.share` x the monthly target variable (a non-recoverable
 * draw; the top-up is its cost); a SPIF pays `rate` x the value of every booking in its months.
 *
 * The pay is charged to the `reps` cost item each month (with the block, `costs.repAnnualCost` is the rest
 * of a rep's loaded cost: benefits, tools, travel). Per trial: the pay by part, cost of sales (pay /
 * revenue), the share of person-years at the cap and the payout distribution (variable earned / target,
 * of each person-year seated >= 3 months of the plan year).
 *
 * Steps (docs/design.md, The month): 7 for each seated rep after the quota accrual (`compSeat`), the
 * month's pay charged after the seat pass (`compMonth`); a plan segment ends when the plan year turns or
 * the seat has a new holder, and at the trial's end (`compEnd`). Nothing draws a random number.
 */
import type { Scenario } from '../../scenario.js';
import type { SeatState } from '../../kernel/state.js';
import type { Stats } from '../../stats/statsType.js';
import { stats, statsOrNull } from '../../stats/stats.js';
import { PAYOUT_BINS, PAYOUT_BIN_WIDTH, type CompensationSummary, type CompiledCompensation, type CompState } from './types.js';
import type { z } from 'zod';
import type { CompensationSchema } from './schema.js';
import type { TextSection } from '../../kernel/outputs.js';
import { FRESH, type Alloc } from '../../kernel/alloc.js';

export type CompensationSpec = z.output<typeof CompensationSchema>;

/** Months of a plan year a holder must be seated for its person-year to count (as for attainment). */
export const MIN_MONTHS = 3;

/**
 * The payout curve of a plan: breakpoints, slopes and g at each breakpoint (multiples of target variable).
 * @example payoutCurve(null, [{ above: 1, rate: 2 }]).gAt[1] // 1
 */
export function payoutCurve(dec: CompensationSpec['decelerator'], acc: CompensationSpec['accelerators']): { bp: Float64Array; slope: Float64Array; gAt: Float64Array } {
  const bp: number[] = [0];
  const slope: number[] = [dec ? dec.rate : 1];
  if (dec) {
    bp.push(dec.below);
    slope.push(1);
  }
  for (const a of acc) {
    if (a.above <= bp[bp.length - 1]) continue;
    bp.push(a.above);
    slope.push(a.rate);
  }
  const gAt = new Float64Array(bp.length);
  for (let i = 1; i < bp.length; i++) gAt[i] = gAt[i - 1] + slope[i - 1] * (bp[i] - bp[i - 1]);
  return { bp: Float64Array.from(bp), slope: Float64Array.from(slope), gAt };
}

/**
 * g(a): the variable earned at attainment a, in multiples of target variable, before the cap.
 * @example payout(payoutCurve({ below: 0.5, rate: 0.5 }, []), 1) // 0.75
 */
export function payout(c: { bp: Float64Array; slope: Float64Array; gAt: Float64Array }, a: number): number {
  if (!(a > 0)) return 0;
  let i = c.bp.length - 1;
  while (a < c.bp[i]) i--;
  return c.gAt[i] + c.slope[i] * (a - c.bp[i]);
}

/**
 * The closed form: expected variable earned (multiples of target) under a plan for a known attainment
 * distribution (attainments `a` with probabilities `p`), capped at `cap`.
 * @example expectedPayout(payoutCurve(null, []), Infinity, [0.5, 1.5], [0.5, 0.5]) // 1
 */
export function expectedPayout(curve: { bp: Float64Array; slope: Float64Array; gAt: Float64Array }, cap: number, a: ArrayLike<number>, p: ArrayLike<number>): number {
  let e = 0;
  for (let i = 0; i < a.length; i++) e += p[i] * Math.min(cap, payout(curve, a[i]));
  return e;
}

/** Compiles the block (null when absent). */
export function compileCompensation(s: Scenario): CompiledCompensation | null {
  const k = s.compensation;
  if (!k) return null;
  const curve = payoutCurve(k.decelerator, k.accelerators);
  const spif = new Float64Array(s.horizonMonths);
  for (const x of k.spifs) for (let m = x.fromMonth; m <= Math.min(x.toMonth, s.horizonMonths); m++) spif[m - 1] += x.rate;
  return {
    baseMonthly: (k.ote * (1 - k.variableShare)) / 12,
    variableMonthly: (k.ote * k.variableShare) / 12,
    quota: k.quota ?? 0,
    ...curve,
    cap: k.cap ?? Infinity,
    guaranteeMonths: k.guarantee?.months ?? 0,
    guaranteeMonthly: ((k.guarantee?.share ?? 0) * k.ote * k.variableShare) / 12,
    spif,
  };
}

/** The per-trial state of N seats. */
export function createCompState(N: number, a: Alloc = FRESH): CompState {
  return {
    person: a.i32(N).fill(-1),
    year: a.i32(N),
    q: a.f64(N),
    v: a.f64(N),
    earned: a.f64(N),
    rev: a.f64(N),
    months: a.i32(N),
    month: 0,
    base: 0,
    commission: 0,
    guarantee: 0,
    spif: 0,
    counted: 0,
    capped: 0,
    hist: a.f64(PAYOUT_BINS),
  };
}

/** Trial start: no plan segment runs, totals zero. */
export function compBegin(cs: CompState): void {
  cs.person.fill(-1);
  cs.month = cs.base = cs.commission = cs.guarantee = cs.spif = cs.counted = cs.capped = 0;
  cs.hist.fill(0);
}

/** Ends seat s's plan segment: a person-year seated >= MIN_MONTHS counts in the payout distribution and the cap share. */
function closeSegment(cs: CompState, k: CompiledCompensation, s: number): void {
  if (cs.person[s] < 0) return;
  if (cs.months[s] >= MIN_MONTHS && cs.v[s] > 0) {
    const r = cs.earned[s] / cs.v[s];
    cs.counted++;
    if (r >= k.cap * (1 - 1e-12)) cs.capped++;
    const b = Math.floor(r / PAYOUT_BIN_WIDTH);
    cs.hist[b < PAYOUT_BINS - 1 ? b : PAYOUT_BINS - 1]++;
  }
  cs.person[s] = -1;
}

/**
 * Step 7 for seated seat s in month m of plan year y (0-based), after the month's revenue is credited:
 * the holder's base, commission on the plan year's attainment, a hire's guarantee top-up and the SPIF
 * on this month's bookings, added to the month's pay.
 */
export function compSeat(st: SeatState, k: CompiledCompensation, cs: CompState, s: number, m: number, y: number): void {
  const p = st.person[s];
  if (cs.person[s] !== p || cs.year[s] !== y) {
    closeSegment(cs, k, s);
    const left = 12 - ((m - 1) % 12);
    const annualQ = k.quota > 0 ? k.quota : st.monthlyQuota[s] * 12;
    cs.person[s] = p;
    cs.year[s] = y;
    cs.q[s] = (annualQ * left) / 12;
    cs.v[s] = k.variableMonthly * left;
    cs.earned[s] = 0;
    cs.rev[s] = 0;
    cs.months[s] = 0;
  }
  cs.months[s]++;
  cs.base += k.baseMonthly;
  cs.month += k.baseMonthly;
  const rev = st.pYearRev[p * st.Y + y];
  // earned variable and SPIF move only with the holder's revenue (the quota of the segment is fixed)
  let comm = 0;
  if (rev !== cs.rev[s]) {
    const g = cs.q[s] > 0 ? payout(k, rev / cs.q[s]) : 0;
    comm = cs.v[s] * (g < k.cap ? g : k.cap) - cs.earned[s];
    if (comm < 0) comm = 0;
    cs.earned[s] += comm;
    const spif = k.spif[m - 1] * (rev - cs.rev[s]);
    cs.rev[s] = rev;
    cs.commission += comm;
    cs.spif += spif;
    cs.month += comm + spif;
  }
  if (k.guaranteeMonths > 0 && st.isHire[s] === 1 && m - st.start[s] < k.guaranteeMonths && comm < k.guaranteeMonthly) {
    const top = k.guaranteeMonthly - comm;
    cs.guarantee += top;
    cs.month += top;
  }
}

/** After the seat pass: the month's pay (returned, and reset). */
export function compMonth(cs: CompState): number {
  const x = cs.month;
  cs.month = 0;
  return x;
}

/** The per-trial columns (written by `compEnd`). */
export interface CompColumns {
  compCost: Float64Array;
  compBase: Float64Array;
  compCommission: Float64Array;
  compGuarantee: Float64Array;
  compSpif: Float64Array;
  costOfSales: Float64Array;
  shareAtCap: Float64Array;
  payoutHist: Float64Array;
}

/** Trial end: open segments close; the trial's figures into row `row` (`revenue`: the trial's total). */
export function compEnd(cs: CompState, k: CompiledCompensation, out: CompColumns, row: number, revenue: number): void {
  for (let s = 0; s < cs.person.length; s++) closeSegment(cs, k, s);
  const pay = cs.base + cs.commission + cs.guarantee + cs.spif;
  out.compCost[row] = pay;
  out.compBase[row] = cs.base;
  out.compCommission[row] = cs.commission;
  out.compGuarantee[row] = cs.guarantee;
  out.compSpif[row] = cs.spif;
  out.costOfSales[row] = revenue > 0 ? pay / revenue : NaN;
  out.shareAtCap[row] = k.cap < Infinity && cs.counted > 0 ? cs.capped / cs.counted : NaN;
  out.payoutHist.set(cs.hist, row * PAYOUT_BINS);
}

/** What the Summary reads of the trial results (engine/columns.ts's TrialColumns has this shape). */
export interface CompSource {
  scalar(key: 'compCost' | 'compBase' | 'compCommission' | 'compGuarantee' | 'compSpif' | 'costOfSales' | 'shareAtCap'): ArrayLike<number>;
  sum(key: 'payoutHist', k: number): { all: number };
}

/** The Summary's compensation section. */
export function compensationSummary(src: CompSource, capped: boolean): CompensationSummary {
  const zero: Stats = stats([0]);
  const counts = Array.from({ length: PAYOUT_BINS }, (_, b) => src.sum('payoutHist', b).all);
  const n = counts.reduce((a, x) => a + x, 0);
  return {
    cost: stats(src.scalar('compCost')),
    breakdown: { base: stats(src.scalar('compBase')), commission: stats(src.scalar('compCommission')), guarantee: stats(src.scalar('compGuarantee')), spif: statsOrNull(src.scalar('compSpif')) ?? zero },
    costOfSales: statsOrNull(src.scalar('costOfSales')),
    shareAtCap: capped ? statsOrNull(src.scalar('shareAtCap')) : null,
    payout: { edges: counts.map((_, b) => b * PAYOUT_BIN_WIDTH), shares: counts.map((x) => (n > 0 ? x / n : 0)) },
  };
}

/** The section's rows in `salesim run`'s readable report (the playground's People and pay view shows the same). */
export const TEXT: TextSection<CompensationSummary> = {
  title: 'rep pay (compensation plan), per trial',
  rows: (c, s) => [
    { label: 'total rep pay', unit: 'money', stats: c.cost },
    { label: '  base salary', unit: 'money', stats: c.breakdown.base },
    { label: '  commission', unit: 'money', stats: c.breakdown.commission },
    { label: '  guarantee top-ups', unit: 'money', stats: c.breakdown.guarantee },
    (s.compensation?.spifs.length ?? 0) > 0 ? { label: '  SPIFs', unit: 'money', stats: c.breakdown.spif } : { label: '  SPIFs', off: 'none in the plan' },
    ...(c.costOfSales ? [{ label: 'cost of sales (rep pay / revenue)', unit: 'share' as const, stats: c.costOfSales }] : []),
    c.shareAtCap ? { label: 'rep-years at the cap', unit: 'share', stats: c.shareAtCap } : { label: 'rep-years at the cap', off: 'the plan has no cap' },
    { label: 'payout: rep-years by variable earned / target variable, pooled', bins: { edges: c.payout.edges, shares: c.payout.shares } },
  ],
};
