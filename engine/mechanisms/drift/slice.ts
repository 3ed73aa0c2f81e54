/** Drift's slices (engine/kernel/slice.ts): markets that move. */
import { defineSlice } from '../../kernel/slice.js';
import { GLOBAL } from './streams.js';
import type { CompiledDrift, DriftState as DriftTrialState } from './types.js';
import { compileDrift, createDriftState } from './drift.js';

/** Drift's compiled parameters. */
export interface DriftCompiled {
  /** markets that move (null: the block is absent and nothing of it runs) */
  drift: CompiledDrift | null;
}
/** Drift's part of the trial state. */
export interface DriftState {
  /** the trial's drift factors (null without the block) */
  drift: DriftTrialState | null;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends DriftCompiled {}
}
declare module '../../kernel/state.js' {
  interface SeatState extends DriftState {}
}

/** Compiles the drift block; a random walk draws from the trial's `drift` stream. */
export const slice = defineSlice({
  compile: (s): DriftCompiled => ({ drift: compileDrift(s) }),
  globals: (_s, c) => (c.drift?.walk ? GLOBAL.drift + 1 : 0),
  state: (c, d): DriftState => ({ drift: c.drift ? createDriftState(c.drift, d.alloc) : null }),
});
