/** The coverage response's slices (engine/kernel/slice.ts): reps prospect before they pad. */
import { defineSlice } from '../../kernel/slice.js';
import { PURPOSE } from './streams.js';
import type { CompiledResponse, ResponseState } from './types.js';
import { compileResponse, createResponseState } from './coverageResponse.js';

/** The coverage response's compiled parameters. */
export interface CoverageResponseCompiled {
  /** reps answer a coverage rule by prospecting before padding (null: the block is absent) */
  response: CompiledResponse | null;
}
/** The coverage response's part of the trial state. */
export interface CoverageResponseState {
  /** the response's totals (null without the block) */
  resp: ResponseState | null;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends CoverageResponseCompiled {}
}
declare module '../../kernel/state.js' {
  interface SeatState extends CoverageResponseState {}
}

/** Compiles the coverageResponse block; the extra prospecting draws from each seat's `response` stream. */
export const slice = defineSlice({
  compile: (s): CoverageResponseCompiled => ({ response: compileResponse(s) }),
  purposes: (_s, c) => (c.response ? 1 << PURPOSE.response : 0),
  state: (c): CoverageResponseState => ({ resp: c.response ? createResponseState() : null }),
});
