import seedrandom from 'seedrandom';

/**
 * The 64-bit key of one trial, from seedrandom's xor128 seeded with (seed, trial): each trial's draws depend
 * only on (seed, trial index), whatever the chunking or worker count. Writes the two words into `out`.
 * @example const k = new Int32Array(2); trialKey(1, 0, k); k[0] !== 0 // true
 */
export function trialKey(seed: number, trial: number, out: Int32Array): void {
  const g = seedrandom.xor128(`salesim:${seed}:${trial}`);
  out[0] = g.int32();
  out[1] = g.int32();
}
