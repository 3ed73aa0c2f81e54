/**
 * Enablement programmes (docs/design.md, Semantics). At startMonth the seated reps are ranked by base win rate; the
 * mean T of the top k = max(1, round(0.2 n)) is the bar. A targeted, adopting rep's win rate p becomes
 * p + gapClosed x ramp x (T - p) when p < T: lifting the numerator, the 80%, toward the top. Other
 * effects: relative no-decision cut, selling time (arrivals x (1 + gain x ramp)), and shorter ramp for
 * hires who start while the programme runs.
 */
import type { Programme } from '../../scenario.js';
import type { Compiled } from '../../kernel/compiled.js';
import { SEATED, type SeatState } from '../../kernel/state.js';
import { topK } from '../../kernel/rank.js';
import type { CompiledProgramme } from './types.js';
export type { CompiledProgramme } from './types.js';

export const TARGET = { all: 0, bottom80: 1, newHires: 2 } as const;


/** Flattens a programme from the scenario. */
export function compileProgramme(p: Programme, horizon: number): CompiledProgramme {
  return {
    start: p.startMonth,
    end: p.endMonth ?? horizon,
    monthsToFull: p.monthsToFullEffect,
    target: TARGET[p.target],
    adoption: p.adoption,
    gapClosed: p.gapClosed,
    rampMonthsSaved: p.rampMonthsSaved,
    noDecisionCut: p.noDecisionCut,
    sellingTimeGain: p.sellingTimeGain,
    oneTime: p.cost.oneTime,
    perRepPerMonth: p.cost.perRepPerMonth,
  };
}

/**
 * Share of the full effect in month m: min(1, (m - start + 1) / max(1, monthsToFullEffect)); 0 outside
 * [start, end].
 * @example effectRamp({ start: 3, end: 12, monthsToFull: 6 } as never, 5) // 0.5
 */
export function effectRamp(p: CompiledProgramme, m: number): number {
  if (m < p.start || m > p.end) return 0;
  const r = (m - p.start + 1) / Math.max(1, p.monthsToFull);
  return r > 1 ? 1 : r;
}

/**
 * The bar at programme start: of the `n` reps `ids[0..n)` (ascending), the top k = max(1, round(0.2 n))
 * by `values` (ties by the lower id) are marked 1 in `top`; returns their mean and the k-th highest value
 * (the cut-off for later joiners in `bottom80`). `keys` is scratch of length >= n.
 * @example
 * const top = new Uint8Array(5);
 * topQuintile(Float64Array.of(0.4, 0.1, 0.1, 0.1, 0.1), Int32Array.of(0, 1, 2, 3, 4), 5, new Float64Array(5), top) // { mean: 0.4, cutoff: 0.4, k: 1 }
 */
export function topQuintile(values: Float64Array, ids: Int32Array, n: number, keys: Float64Array, top: Uint8Array): { mean: number; cutoff: number; k: number } {
  const k = n > 0 ? Math.max(1, Math.round(0.2 * n)) : 0;
  const cutoff = topK(values, ids, n, k, keys, top);
  let sum = 0;
  for (let i = 0; i < n; i++) if (top[i] === 1) sum += values[ids[i]];
  return { mean: k > 0 ? sum / k : 0, cutoff, k };
}

/**
 * The lifted win rate of a targeted rep: p + gap x ramp x (T - p) when p < T.
 * @example liftWinRate(0.025, 0.4, 1, 1) // 0.4
 */
export function liftWinRate(p: number, bar: number, gapClosed: number, ramp: number): number {
  return p < bar ? p + gapClosed * ramp * (bar - p) : p;
}

/**
 * Step 2 for programme j starting in month m: the bar and cut-off from the seated reps' base win rates,
 * then each seated rep's enrolment (targeted and adopting); hires starting this month have their ramp
 * shortened by rampMonthsSaved x the effect ramp.
 */
export function startProgramme(st: SeatState, c: Compiled, j: number, m: number): void {
  const pr = c.programmes[j];
  const P = st.P;
  let n = 0;
  for (let s = 0; s < st.N; s++) if (st.status[s] === SEATED) st.idxBuf[n++] = s;
  const q = topQuintile(st.base, st.idxBuf, n, st.keyBuf, st.topBuf);
  st.bar[j] = q.mean;
  st.cutoff[j] = q.cutoff;
  for (let i = 0; i < n; i++) {
    const s = st.idxBuf[i];
    const startsNow = st.isHire[s] === 1 && st.start[s] === m;
    const targeted = pr.target === TARGET.all || (pr.target === TARGET.bottom80 && st.topBuf[i] === 0) || (pr.target === TARGET.newHires && startsNow);
    const on = targeted && st.adoptU[s * P + j] < pr.adoption ? 1 : 0;
    st.enrolled[s * P + j] = on;
    if (on && pr.rampMonthsSaved > 0 && startsNow) st.rampR[s] = Math.max(0, st.rampR[s] - pr.rampMonthsSaved * effectRamp(pr, m));
  }
}

/**
 * A hire seated in month m joins programme j when it is already running (started before m, not ended),
 * targets them (all, new hires, or bottom80 with a base win rate below the cut-off) and they adopt it;
 * an enrolled hire's ramp is shortened by rampMonthsSaved x the effect ramp.
 */
export function enrolHire(st: SeatState, c: Compiled, s: number, j: number, m: number): void {
  const pr = c.programmes[j];
  if (!(m > pr.start && m <= pr.end)) return;
  const o = s * st.P + j;
  const targeted = pr.target === TARGET.all || pr.target === TARGET.newHires || st.base[s] < st.cutoff[j];
  if (!(targeted && st.adoptU[o] < pr.adoption)) return;
  st.enrolled[o] = 1;
  if (pr.rampMonthsSaved > 0) st.rampR[s] = Math.max(0, st.rampR[s] - pr.rampMonthsSaved * effectRamp(pr, m));
}

/**
 * Step 1's enablement part: each hire who started in month m (seated by hiring's fillSeats, after the
 * kernel's seatHolder drew their adoption uniforms) joins the programmes already running that target and
 * adopt them (enrolHire). A holder of the starting team in its first tenure month also starts in month 1, when
 * no programme has started before it, so it joins none.
 */
export function enrolStarters(st: SeatState, c: Compiled, m: number): void {
  const P = st.P;
  for (let s = 0; s < st.N; s++) if (st.status[s] === SEATED && st.isHire[s] === 1 && st.start[s] === m) for (let j = 0; j < P; j++) enrolHire(st, c, s, j, m);
}

/**
 * Step 3's enablement part for seat s: from demand d and win rate p, the effects of every programme the
 * holder is enrolled in this month (selling time, gap to the bar, no-decision cut), written to
 * st.effDemand, st.effWin and st.effNoDecision.
 */
export function programmeEffects(st: SeatState, c: Compiled, s: number, d: number, p: number): void {
  let nd = c.noDecision;
  const P = st.P;
  for (let j = 0; j < P; j++) {
    const e = st.er[j];
    if (st.enrolled[s * P + j] === 0 || e === 0) continue;
    const pr = c.programmes[j];
    d *= 1 + pr.sellingTimeGain * e;
    p = liftWinRate(p, st.bar[j], pr.gapClosed, e);
    nd *= 1 - pr.noDecisionCut * e;
  }
  st.effDemand = d;
  st.effWin = p;
  st.effNoDecision = nd;
}

/** Step 7's enablement part: this month's per-rep cost of the programmes seat s's holder is enrolled in. */
export function enrolledCost(st: SeatState, c: Compiled, s: number): number {
  let cost = 0;
  const P = st.P;
  for (let j = 0; j < P; j++) if (st.enrolled[s * P + j] === 1 && st.er[j] > 0) cost += c.programmes[j].perRepPerMonth;
  return cost;
}
