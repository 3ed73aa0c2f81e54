/** Uncertain inputs' part in the engine's estimates (their registry entry's `work`). */
import type { WorkHook } from '../../kernel/work.js';

/** Each trial compiles its own scenario (its draws of the uncertain inputs). */
export const WORK: WorkHook = (s) => ({ factors: { compilePerTrial: s.uncertainty ? 1 : 0 } });
