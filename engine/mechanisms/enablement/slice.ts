/** Enablement's slice of the compiled scenario (engine/kernel/slice.ts): its programmes. */
import { defineSlice } from '../../kernel/slice.js';
import { PURPOSE } from '../../kernel/coreStreams.js';
import type { CompiledProgramme } from './types.js';
import { compileProgramme } from './enablement.js';

/** Enablement's compiled parameters (the trial state's per-programme arrays are the core's, sized by their count). */
export interface EnablementCompiled {
  programmes: CompiledProgramme[];
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends EnablementCompiled {}
}

/** Compiles the programmes; each new holder draws its adoption from the seat's `adoption` stream (drawn by the kernel's seatHolder, seeded only when there are programmes). */
export const slice = defineSlice({
  compile: (s): EnablementCompiled => ({ programmes: s.enablement.map((p) => compileProgramme(p, s.horizonMonths)) }),
  purposes: (s) => (s.enablement.length > 0 ? 1 << PURPOSE.adoption : 0),
});
