/**
 * Hiring: requisitions (planned seats and backfills) filled after a time-to-fill, new holders ramping up
 * over R months on a curve, onboarding capacity stretching ramp when too many start at once.
 */
import { gammaMeanSd } from '../../random/gamma.js';
import { PURPOSES } from '../../random/streams.js';
import { PURPOSE } from './streams.js';
import type { Compiled } from '../../kernel/compiled.js';
import { CLOSED, SEATED, VACANT, type SeatState } from '../../kernel/state.js';
import { seatHolder } from '../../kernel/holder.js';
export { CURVE, rampMultiplier } from '../../kernel/ramp.js';

/**
 * Whole months to fill a requisition: a gamma by mean and sd (or the scalar), rounded.
 */
export function drawTimeToFill(S: Int32Array, stream: number, mean: number, sd: number): number {
  return Math.round(gammaMeanSd(S, stream, mean, sd));
}

/**
 * Ramp speed of the starters of a month: C / S when S starters exceed onboarding capacity C.
 * @example onboardingSpeed(4, 2) // 0.5
 */
export function onboardingSpeed(starters: number, capacity: number): number {
  return starters > capacity ? capacity / starters : 1;
}

/**
 * Step 1 of month m: planned requisitions opening in m draw their time to fill; every requisition due
 * gets a new holder (tenure month 1). Starters beyond the onboarding capacity ramp at C/S speed.
 * Returns the number of starters.
 */
export function fillSeats(st: SeatState, c: Compiled, m: number): number {
  const N = st.N;
  const status = st.status;
  let starters = 0;
  for (let s = 0; s < N; s++) {
    if (s >= c.initialSeats && c.seatOpens[s] === m) {
      status[s] = VACANT;
      st.fillAt[s] = m + drawTimeToFill(st.S, s * PURPOSES + PURPOSE.fill, c.ttfMean, c.ttfSd);
    }
    if (status[s] === VACANT && st.fillAt[s] <= m) {
      seatHolder(st, c, s, m, true);
      starters++;
    }
  }
  if (starters > c.onboardingCapacity) {
    const v = onboardingSpeed(starters, c.onboardingCapacity);
    for (let s = 0; s < N; s++) if (status[s] === SEATED && st.start[s] === m) st.speed[s] = v;
  }
  st.hires += starters;
  return starters;
}

/**
 * Step 8's requisition for a seat whose holder leaves at the end of month m: with backfill it is filled
 * at the start of month m + 1 + time to fill; without, the seat closes.
 */
export function vacate(st: SeatState, c: Compiled, s: number, m: number): void {
  if (c.backfill) {
    st.status[s] = VACANT;
    st.fillAt[s] = m + 1 + drawTimeToFill(st.S, s * PURPOSES + PURPOSE.fill, c.ttfMean, c.ttfSd);
  } else st.status[s] = CLOSED;
}
