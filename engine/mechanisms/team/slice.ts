/** The starting team's slice of the compiled scenario (engine/kernel/slice.ts): a stationary start of the initial seats. */
import { defineSlice } from '../../kernel/slice.js';
import { PURPOSE } from './streams.js';
import type { TeamParams } from './types.js';
import { compileTeam } from './compile.js';

/** The starting team's compiled parameters. */
export interface TeamCompiled {
  /** the stationary start of the initial seats (initialTeam: steady-state); null = ramped */
  team: TeamParams | null;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends TeamCompiled {}
}

/** Compiles initialTeam; each seat's stationary start is drawn from its `team` stream. */
export const slice = defineSlice({
  compile: (s, c): TeamCompiled => ({ team: compileTeam(s, c) }),
  purposes: (s) => (s.initialTeam !== undefined ? 1 << PURPOSE.team : 0),
});
