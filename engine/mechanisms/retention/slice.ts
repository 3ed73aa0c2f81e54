/** Retention's slices (engine/kernel/slice.ts): performance- and pay-dependent voluntary attrition. */
import { defineSlice } from '../../kernel/slice.js';
import type { CompiledRetention, RetentionState as RetentionTrialState } from './types.js';
import { compileRetention, createRetentionState } from './retention.js';

/** Retention's compiled parameters. */
export interface RetentionCompiled {
  /** performance- and pay-dependent voluntary attrition (null: the block is absent) */
  retention: CompiledRetention | null;
}
/** Retention's part of the trial state. */
export interface RetentionState {
  /** trailing attainment, hazards and exits by group (null without the block) */
  ret: RetentionTrialState | null;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends RetentionCompiled {}
}
declare module '../../kernel/state.js' {
  interface SeatState extends RetentionState {}
}

/** Compiles the retention block (its exits draw from attrition's `exits` stream). */
export const slice = defineSlice({
  compile: (s, core): RetentionCompiled => ({ retention: compileRetention(s, core.winRate, core.expectedDeal) }),
  state: (c, d): RetentionState => ({ ret: c.retention ? createRetentionState(d.N, d.alloc) : null }),
});
