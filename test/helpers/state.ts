import { compile, type Compiled } from '../../engine/compile.js';
import { createState, type SeatState } from '../../engine/state.js';
import { seedTrialStreams, ALL_PURPOSES } from '../../engine/random/streams.js';
import { scenario } from './scenarios.js';

/**
 * A compiled scenario and a fresh seat state with every stream of trial key (k0, k1) seeded, for tests
 * that drive one model step by hand.
 */
export function stepFixture(blocks: Record<string, unknown>, reps: Record<string, unknown> = {}, key: [number, number] = [1, 2]): { c: Compiled; st: SeatState } {
  const c = compile(scenario(blocks, reps));
  const st = createState(c);
  seedTrialStreams(st.S, st.N, key[0], key[1], ALL_PURPOSES);
  return { c, st };
}
