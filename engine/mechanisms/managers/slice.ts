/** The first-line managers' slices (engine/kernel/slice.ts). */
import { defineSlice } from '../../kernel/slice.js';
import { GLOBAL } from './streams.js';
import type { CompiledManagers, ManagerState } from './types.js';
import { compileManagers, createManagerState } from './managers.js';

/** The managers' compiled parameters. */
export interface ManagersCompiled {
  /** first-line managers (null: the block is absent) */
  managers: CompiledManagers | null;
}
/** The managers' part of the trial state. */
export interface ManagersState {
  /** the teams' managers (null without the block) */
  mgr: ManagerState | null;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends ManagersCompiled {}
}
declare module '../../kernel/state.js' {
  interface SeatState extends ManagersState {}
}

/** Compiles the managers block; their qualities and exits draw from the trial's `managers` stream. */
export const slice = defineSlice({
  compile: (s, core): ManagersCompiled => ({ managers: compileManagers(s, core.seats) }),
  globals: (s) => (s.managers ? GLOBAL.managers + 1 : 0),
  state: (c, d): ManagersState => ({ mgr: c.managers ? createManagerState(c.managers, d.N, d.alloc) : null }),
});
