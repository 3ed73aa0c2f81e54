/**
 * Stalled deals. Each seat keeps its open opportunities by age (month-ends survived: 0 = created this
 * month), real and padded apart, in buckets 0..A (A = the larger of the two thresholds; the last bucket
 * holds every older one). A real opportunity that has survived `stallAfter` month-ends (padded:
 * `stallAfterPad`) is stalled: it resolves with probability pStall (= resolveMultiplier / cycleMonths)
 * instead of 1 / cycleMonths, and a resolved stalled opportunity ends in no decision with probability
 * ndStall. Closed forms with p = 1 / cycleMonths, q = pStall, T = threshold: an opportunity is still open
 * after T month-ends with probability (1-p)^T; its mean time to resolution (the month of creation counts)
 * is (1 - (1-p)^T) / p + (1-p)^T / q; under steady arrivals the stalled share of the month-end pipeline is
 * ((1-p)^T / q) / (sum_{j=1}^{T-1} (1-p)^j + (1-p)^T / q). The buckets and their resolution are the
 * kernel's (engine/kernel/aged.ts), which resolution by age uses as well; this block sets the thresholds.
 */
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

/** Open opportunities of seat s that are stalled (real and padded). */
export function stalledCount(st: SeatState, c: Compiled, s: number): number {
  const A = c.stallAge;
  const o = s * (A + 1);
  let n = 0;
  for (let j = c.stallAfter; j <= A; j++) n += st.ageReg[o + j];
  for (let j = c.stallAfterPad; j <= A; j++) n += st.agePad[o + j];
  return n;
}
