/**
 * Selling time: a rep's month has a budget of hours. Real prospecting costs `hoursReal` per qualified
 * opportunity, padding `hoursPad` per padded opportunity, and every open opportunity (padded included)
 * `hoursOpen` of work a month.
 *
 * Padding is done at the pipeline review after the month's arrivals (step 5), so its hours are owed by
 * the next month: they come out of that month's real prospecting first (a rep who would create lam real
 * opportunities and owes P padding hours creates lam - P / hoursReal, never fewer than 0), and what
 * prospecting cannot give comes out of the time to work deals. The hours left to work deals,
 * W = budget - real prospecting hours - P, dilute every deal's win probability by min(1, W / (hoursOpen x
 * open)) at resolution (`workDilution` of engine/kernel/deals.ts, which the core's resolutions apply):
 * `reps.capacity` C is the simple form of the same rule (W = C x hoursOpen).
 * A rep pads at most budget / hoursPad opportunities a month. With zero hours per padded opportunity and an
 * unlimited budget nothing changes.
 */
import type { Compiled } from '../../kernel/compiled.js';
import type { SeatState } from '../../kernel/state.js';

/**
 * Step 4 (selling time) for seat s: the real arrival rate left after last month's padding hours, given
 * the rate `lam` the rep would prospect at; records the hours left to work deals.
 * @example // lam 3, hoursReal 8, 6 padding hours owed: 3 - 6 / 8 = 2.25 real opportunities expected
 */
export function prospectingRate(st: SeatState, c: Compiled, s: number, lam: number): number {
  const owed = st.padHours[s];
  st.padHours[s] = 0;
  const want = lam * c.hoursReal;
  const fromProspecting = owed < want ? owed : want;
  const real = want - fromProspecting;
  const w = c.hoursBudget - real - owed;
  st.workHours[s] = w > 0 ? w : 0;
  return real / c.hoursReal;
}

/**
 * Step 5 (selling time): `k` padded opportunities owe their hours to the next month.
 */
export function owePadding(st: SeatState, c: Compiled, s: number, k: number): void {
  st.padHours[s] = k * c.hoursPad;
}
