/** Demand generation's slices (engine/kernel/slice.ts): leads, SDRs, qualification, nurture, routing. */
import { defineSlice } from '../../kernel/slice.js';
import { GLOBAL, PURPOSE } from './streams.js';
import type { CompiledDemand, DemandState as DemandTrialState } from './types.js';
import { compileDemand, createDemandState } from './compile.js';

/** Demand generation's compiled parameters. */
export interface DemandCompiled {
  /** demand generation (null: the block is absent and nothing of it runs) */
  demand: CompiledDemand | null;
}
/** Demand generation's part of the trial state. */
export interface DemandState {
  /** null when the scenario has no demand block */
  dem: DemandTrialState | null;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends DemandCompiled {}
}
declare module '../../kernel/state.js' {
  interface SeatState extends DemandState {}
}

/** Compiles the demand block; its funnel draws from the trial's `demand` stream (after `customers`), each seat's share from its `demand` stream. */
export const slice = defineSlice({
  compile: (s): DemandCompiled => ({ demand: compileDemand(s) }),
  purposes: (s) => (s.demand ? 1 << PURPOSE.demand : 0),
  globals: (s) => (s.demand ? GLOBAL.demand + 1 : 0),
  state: (c, d): DemandState => ({ dem: c.demand ? createDemandState(d.N, d.T, c.demand.delay, d.alloc) : null }),
});
