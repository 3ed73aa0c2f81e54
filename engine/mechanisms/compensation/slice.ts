/** The compensation plan's slices (engine/kernel/slice.ts). */
import { defineSlice } from '../../kernel/slice.js';
import type { CompiledCompensation, CompState } from './types.js';
import { compileCompensation, createCompState } from './compensation.js';

/** The compensation plan's compiled parameters. */
export interface CompensationCompiled {
  /** the compensation plan (null: the block is absent and nothing of it runs) */
  comp: CompiledCompensation | null;
}
/** The compensation plan's part of the trial state. */
export interface CompensationState {
  /** the plan's segments and totals (null without the block) */
  comp: CompState | null;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends CompensationCompiled {}
}
declare module '../../kernel/state.js' {
  interface SeatState extends CompensationState {}
}

/** Compiles the compensation block (it draws nothing). */
export const slice = defineSlice({
  compile: (s): CompensationCompiled => ({ comp: compileCompensation(s) }),
  state: (c, d): CompensationState => ({ comp: c.comp ? createCompState(d.N, d.alloc) : null }),
});
