/**
 * The stream id of an uncertain parameter: a 31-bit FNV-1a hash of its path with bit 31 set (a negative
 * Int32). Seat streams use ids (seat + 1) x 64 + purpose and trial streams 16 + g (engine/random/streams.ts),
 * all positive below 2^31 for any seat count the schema allows, so the ids never collide; `salt` (0 or
 * 1, in bit 30) separates the two design streams of a parameter (LHS strata, Iman-Conover scores).
 * Two paths share draws only if their 31-bit hashes collide (chance about k^2 / 2^32 for k parameters).
 * @example pathStreamId('reps.winRate') < 0 // true
 */
export function pathStreamId(path: string, salt: 0 | 1 = 0): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  h = (h & 0x3fffffff) | (salt << 30);
  return (h | 0x80000000) | 0;
}
