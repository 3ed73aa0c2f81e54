/**
 * Random streams kept in typed arrays (docs/design.md, Streams).
 *
 * Each stream is an sfc32 generator whose four 32-bit words live at `S[4i .. 4i+3]` of one Int32Array,
 * so a trial's hundreds of streams cost no objects. A stream's state is derived by hashing
 * (trial key, owner, purpose): the same seat and purpose draw the same numbers in every scenario that
 * shares the seed (common random numbers), and a trial never depends on how trials are chunked.
 */

/**
 * Stream purposes per seat: how many slots each seat has. Each mechanism declares the purposes it draws
 * from, with fixed ids, in its own engine/mechanisms/<name>/streams.ts; the registry collects them and
 * checks every id is declared once and the ids fill 0..PURPOSES-1 (a new purpose raises this count).
 */
export const PURPOSES = 15;
/** Bit mask of every purpose (for `seedTrialStreams`). */
export const ALL_PURPOSES = (1 << PURPOSES) - 1;

/** Trial-level streams, stored after the seat streams: how many (declared like the purposes, by each mechanism). */
export const GLOBALS = 6;

const INV_2_32 = 2.3283064365386963e-10;

/**
 * Allocates the state of `n` streams (`i32` makes the zeroed array: a recycling allocator can pass its own).
 * @example createStreams(3).length // 12
 */
export function createStreams(n: number, i32: (length: number) => Int32Array = (k) => new Int32Array(k)): Int32Array {
  return i32(4 * n);
}

/** A 32-bit finaliser (murmur3 fmix32). */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Seeds stream `i` of `S` from a 64-bit trial key (k0, k1) and a stream id, then warms it up.
 * @example const S = createStreams(1); seedStream(S, 0, 1, 2, 7); nextU(S, 0) > 0 // true
 */
export function seedStream(S: Int32Array, i: number, k0: number, k1: number, id: number): void {
  const o = 4 * i;
  let a = mix32(k0 ^ Math.imul(id, 0x9e3779b1));
  let b = mix32(k1 + Math.imul(id ^ 0x5bd1e995, 0x27d4eb2f));
  let c = mix32(a ^ b ^ 0x6a09e667);
  let d = 1;
  // 12 warm-up rounds of sfc32 (exactly nextU's step, in registers instead of through S)
  for (let r = 0; r < 12; r++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
  }
  S[o] = a;
  S[o + 1] = b;
  S[o + 2] = c;
  S[o + 3] = d;
}

/**
 * Next uniform in the open interval (0, 1) from stream `i` (sfc32, 32 bits).
 * @example const S = createStreams(1); seedStream(S, 0, 1, 2, 3); const u = nextU(S, 0); u > 0 && u < 1 // true
 */
export function nextU(S: Int32Array, i: number): number {
  const o = i << 2;
  const a = S[o],
    b = S[o + 1],
    c = S[o + 2],
    d = S[o + 3];
  const t = (((a + b) | 0) + d) | 0;
  S[o + 3] = (d + 1) | 0;
  S[o] = b ^ (b >>> 9);
  S[o + 1] = (c + (c << 3)) | 0;
  S[o + 2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return ((t >>> 0) + 0.5) * INV_2_32;
}

/** Index of a seat's stream for a purpose. */
export function seatStream(seat: number, purpose: number): number {
  return seat * PURPOSES + purpose;
}

/** Index of a trial-level stream, given the number of seats. */
export function globalStream(seats: number, which: number): number {
  return seats * PURPOSES + which;
}

/**
 * Seeds every stream of a trial: `seats` x PURPOSES seat streams, then the GLOBALS trial streams.
 * Stream ids depend only on (seat, purpose), never on the number of seats, so scenarios that differ in
 * size still share the draws of the seats they have in common. `purposes` (a bit mask, bit p = purpose p)
 * limits seeding to the streams a scenario draws from, and `globals` to the first trial streams it uses
 * (each mechanism's slice says which it uses); skipping unused streams changes no draw.
 */
export function seedTrialStreams(S: Int32Array, seats: number, k0: number, k1: number, purposes = ALL_PURPOSES, globals = GLOBALS): void {
  for (let s = 0; s < seats; s++) {
    for (let p = 0; p < PURPOSES; p++) if ((purposes >>> p) & 1) seedStream(S, s * PURPOSES + p, k0, k1, (s + 1) * 64 + p);
  }
  for (let g = 0; g < globals; g++) seedStream(S, seats * PURPOSES + g, k0, k1, 16 + g);
}
