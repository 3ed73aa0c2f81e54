/**
 * Enablement programmes (DESIGN.md §7). At startMonth the seated reps are ranked by base win rate; the
 * mean T of the top k = max(1, round(0.2 n)) is the bar. A targeted, adopting rep's win rate p becomes
 * p + gapClosed x ramp x (T - p) when p < T: lifting the numerator, the 80%, toward the top. Other
 * effects: relative no-decision cut, selling time (arrivals x (1 + gain x ramp)), and shorter ramp for
 * hires who start while the programme runs.
 */
import type { Programme } from '../scenario.js';

export const TARGET = { all: 0, bottom80: 1, newHires: 2 } as const;

export interface CompiledProgramme {
  start: number;
  end: number;
  monthsToFull: number;
  target: number;
  adoption: number;
  gapClosed: number;
  rampMonthsSaved: number;
  noDecisionCut: number;
  sellingTimeGain: number;
  oneTime: number;
  perRepPerMonth: number;
}

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
 * The bar at programme start: mean of the top k base win rates and the k-th highest (the cut-off for
 * later joiners in `bottom80`). `rates` holds the seated reps' base win rates.
 * @example topQuintile(Float64Array.of(0.4, 0.1, 0.1, 0.1, 0.1)) // { mean: 0.4, cutoff: 0.4, k: 1 }
 */
export function topQuintile(rates: Float64Array): { mean: number; cutoff: number; k: number } {
  const n = rates.length;
  if (n === 0) return { mean: 0, cutoff: Infinity, k: 0 };
  const k = Math.max(1, Math.round(0.2 * n));
  const sorted = Float64Array.from(rates).sort().reverse();
  let s = 0;
  for (let i = 0; i < k; i++) s += sorted[i];
  return { mean: s / k, cutoff: sorted[k - 1], k };
}

/**
 * The lifted win rate of a targeted rep: p + gap x ramp x (T - p) when p < T.
 * @example liftWinRate(0.025, 0.4, 1, 1) // 0.4
 */
export function liftWinRate(p: number, bar: number, gapClosed: number, ramp: number): number {
  return p < bar ? p + gapClosed * ramp * (bar - p) : p;
}
