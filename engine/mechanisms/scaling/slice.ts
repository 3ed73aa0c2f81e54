/** The scaling mechanism's slices (engine/kernel/slice.ts). */
import { defineSlice } from '../../kernel/slice.js';
import type { CompiledScaling, ScalingState as ScaleTrialState } from './types.js';
import { compileScaling, createScalingState } from './scaling.js';

/** Its compiled parameters. */
export interface ScalingCompiled {
  /** what gets harder as the team grows (null: the block is absent and nothing of it runs) */
  scaling: CompiledScaling | null;
}
/** Its part of the trial state. */
export interface ScalingState {
  /** the month's coordination factor and the trial's counts (null without the block) */
  scl: ScaleTrialState | null;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends ScalingCompiled {}
}
declare module '../../kernel/state.js' {
  interface SeatState extends ScalingState {}
}

/** Compiles the block; it draws no random numbers. */
export const slice = defineSlice({
  compile: (s, core): ScalingCompiled => ({ scaling: compileScaling(s, core.initialSeats) }),
  state: (c): ScalingState => ({ scl: c.scaling ? createScalingState() : null }),
});
