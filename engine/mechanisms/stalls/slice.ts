/** The stalls' slices (engine/kernel/slice.ts): deals that stall with age, and resolution by age (the `resolution` block). */
import type { Scenario } from '../../scenario.js';
import { defineSlice } from '../../kernel/slice.js';

/** The stalls' compiled parameters (off: stallAfter 0). */
export interface StallsCompiled {
  stalls: boolean;
  /** months open (month-ends survived) after which a real / padded opportunity is stalled */
  stallAfter: number;
  stallAfterPad: number;
  /** age buckets per seat: 0..stallAge, the last one holding the stalled (stallAge = max of the two thresholds) */
  stallAge: number;
  pStall: number;
  ndStall: number;
  /**
   * resolution by age (the `resolution` block): the chance of resolving at a month end by month-ends survived,
   * the last for every older age; null without. With it the aged buckets run (stalls on, nothing ever stalled:
   * stallAfter = its length > stallAge) and each bucket resolves at its age's chance.
   */
  byAge: Float64Array | null;
  /** month m's (index m - 1) factors on the win rate and on the chance of resolving (resolution.monthInQuarter); null without */
  calWin: Float64Array | null;
  calResolve: Float64Array | null;
}
/** The stalls' part of the trial state. */
export interface StallsState {
  /** open opportunities by month-ends survived, seat-major (stallAge + 1 buckets; the last one caps the age) */
  ageReg: Int32Array;
  agePad: Int32Array;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends StallsCompiled {}
}
declare module '../../kernel/state.js' {
  interface SeatState extends StallsState {}
}

/**
 * Month-by-month factors of resolution.monthInQuarter (month 1 is resolution.start), or nulls without them.
 * @example calendarFactors(parseScenario({ ..., resolution: { byAge: [0.3], start: '2025-03', monthInQuarter: { win: [1, 1, 1.5] } } })).calWin[0] // 1.5
 */
export function calendarFactors(s: Scenario): { calWin: Float64Array | null; calResolve: Float64Array | null } {
  const q = s.resolution?.monthInQuarter;
  if (!q || !s.resolution?.start) return { calWin: null, calResolve: null };
  const [y, mo] = s.resolution.start.split('-').map(Number);
  const first = y * 12 + mo - 1;
  const at = (f: number[]) => Float64Array.from({ length: s.horizonMonths }, (_, i) => f[(first + i) % 3]);
  const ones = (f: number[]) => f.every((x) => x === 1);
  return { calWin: ones(q.win) ? null : at(q.win), calResolve: ones(q.resolve) ? null : at(q.resolve) };
}

/**
 * Whole months an opportunity stays fresh: round(cycles x cycleMonths), at least 1 (0 when stalls are off).
 * @example stallMonths(2, 3) // 6
 */
export function stallMonths(cycles: number | undefined, cycleMonths: number): number {
  return cycles === undefined ? 0 : Math.max(1, Math.round(cycles * cycleMonths));
}

/** Compiles the stalls and resolution blocks (they draw from the core's resolution streams). */
export const slice = defineSlice({
  compile: (s): StallsCompiled => {
    // resolution by age: at least two buckets (the last one's chance repeated), so the stationary start fills them
    const byAge = s.resolution ? Float64Array.from({ length: Math.max(2, s.resolution.byAge.length) }, (_, a) => s.resolution!.byAge[Math.min(a, s.resolution!.byAge.length - 1)]) : null;
    return {
      stalls: s.stalls != null || byAge !== null,
      stallAfter: byAge ? byAge.length : stallMonths(s.stalls?.afterCycles, s.reps.cycleMonths),
      stallAfterPad: byAge ? byAge.length : stallMonths(s.stalls?.paddedAfterCycles, s.reps.cycleMonths),
      stallAge: byAge ? byAge.length - 1 : Math.max(stallMonths(s.stalls?.afterCycles, s.reps.cycleMonths), stallMonths(s.stalls?.paddedAfterCycles, s.reps.cycleMonths)),
      byAge,
      ...calendarFactors(s),
      pStall: (s.stalls?.resolveMultiplier ?? 1) / s.reps.cycleMonths,
      ndStall: s.stalls?.noDecisionRate ?? 0,
    };
  },
  state: (c, d): StallsState => ({ ageReg: new Int32Array(d.N * (c.stallAge + 1)), agePad: new Int32Array(d.N * (c.stallAge + 1)) }),
});
