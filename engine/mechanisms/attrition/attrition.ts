/**
 * Attrition: a monthly hazard from an annual rate, applied at month end; an optional involuntary exit
 * after consecutive quarters below an attainment threshold.
 */
import type { Compiled } from '../../kernel/compiled.js';
import type { SeatState } from '../../kernel/state.js';
import { nextU, PURPOSES } from '../../random/streams.js';
import { PURPOSE } from './streams.js';
import { binomial } from '../../random/binomial.js';
import { loseAged } from '../../kernel/aged.js';
export { monthlyHazard } from '../../kernel/hazard.js';

/**
 * Whether the low-performer rule removes a rep at a quarter end: `quartersBelow` consecutive quarters
 * below the threshold, and never within the first ramp + cycle months of tenure.
 * @example lowPerformerExits(2, 2, 12, 6, 3) // true
 */
export function lowPerformerExits(quartersBelow: number, required: number, tenureMonths: number, rampMonths: number, cycleMonths: number): boolean {
  return quartersBelow >= required && tenureMonths > rampMonths + cycleMonths;
}

/**
 * Step 8 for seat s at the end of month m: the voluntary exit draw at `hazard`, and at quarter ends the
 * low-performer rule (consecutive quarters below the threshold, never within the first ramp + cycle
 * months of tenure). A leaver loses pipelineLossOnExit of the open opportunities (binomial draws); the
 * rest stay with the seat. Returns whether the holder leaves.
 */
export function exitSeat(st: SeatState, c: Compiled, s: number, m: number, hazard: number, quarterEnd: boolean): boolean {
  const S = st.S;
  const e = s * PURPOSES + PURPOSE.exits;
  let leaves = nextU(S, e) < hazard;
  if (quarterEnd && c.lowPerf && st.qQuota[s] > 0) {
    st.lowQ[s] = st.qRev[s] / st.qQuota[s] < c.lowPerfBelow ? st.lowQ[s] + 1 : 0;
    if (!leaves && lowPerformerExits(st.lowQ[s], c.lowPerfQuarters, m - st.start[s] + 1, st.rampR[s], c.cycle)) leaves = true;
  }
  if (!leaves) return false;
  st.exits++;
  if (c.aged) loseAged(st, c, s, e, c.pipelineLoss);
  else {
    st.openReg[s] -= binomial(S, e, st.openReg[s], c.pipelineLoss);
    st.openPad[s] -= binomial(S, e, st.openPad[s], c.pipelineLoss);
  }
  st.person[s] = -1;
  return true;
}
