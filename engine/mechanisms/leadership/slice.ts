/** Leadership's slices (engine/kernel/slice.ts): the sales leader's tenure, disruption and change programme. */
import { defineSlice } from '../../kernel/slice.js';
import type { LeaderParams, LeaderState } from './types.js';
import { createLeaderState } from './compile.js';

/** Leadership's compiled parameters. */
export interface LeadershipCompiled {
  leadership: LeaderParams | null;
}
/** Leadership's part of the trial state. */
export interface LeadershipState {
  leader: LeaderState;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends LeadershipCompiled {}
}
declare module '../../kernel/state.js' {
  interface SeatState extends LeadershipState {}
}

/** Compiles the leadership block (its trial-level `leader` stream is always seeded, as the core's `tiers` is). */
export const slice = defineSlice({
  compile: (s): LeadershipCompiled => {
    const L = s.leadership;
    return {
      leadership: L
        ? {
            shape: L.tenureMonths.shape,
            scale: L.tenureMonths.mean / L.tenureMonths.shape,
            vacancy: L.vacancyMonths,
            disruptionMonths: L.disruption?.months ?? 0,
            dip: L.disruption?.productivityDip ?? 0,
            attritionMultiplier: L.disruption?.attritionMultiplier ?? 1,
            monthsToEffect: L.changeProgram?.monthsToEffect ?? 0,
            lift: L.changeProgram?.winRateLift ?? 0,
            hasProgram: !!L.changeProgram,
            grace: L.impatience?.graceMonths ?? 0,
            impatienceBelow: L.impatience?.attainmentBelow ?? 0,
            hasImpatience: !!L.impatience,
          }
        : null,
    };
  },
  state: (): LeadershipState => ({ leader: createLeaderState() }),
});
