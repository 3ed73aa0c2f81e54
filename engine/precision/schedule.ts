/**
 * The block schedule of a precision-targeted run: the trials are added in blocks whose boundaries depend
 * only on the trials done so far (never on worker count or chunking), so a seed and a target give one
 * answer everywhere. The first block is FIRST_BLOCK trials; each next one is BLOCK_SHARE of the trials
 * done (at least MIN_BLOCK, in whole hundreds), so a run overshoots the trials it needs by at most ~2.5%.
 */
export const FIRST_BLOCK = 200;
export const MIN_BLOCK = 100;
export const BLOCK_SHARE = 0.025;

/**
 * The end (exclusive) of the block that starts at trial `done`, capped at `max`.
 * @example nextBlockEnd(0, 100_000) // 200
 * @example nextBlockEnd(8000, 100_000) // 8200
 */
export function nextBlockEnd(done: number, max: number): number {
  if (done <= 0) return Math.min(max, FIRST_BLOCK);
  const size = Math.max(MIN_BLOCK, Math.ceil((done * BLOCK_SHARE) / 100) * 100);
  return Math.min(max, done + size);
}

/**
 * Every block boundary of a run capped at `max` trials: [0, b1, b2, ..., max].
 * @example blockBoundaries(500) // [0, 200, 300, 400, 500]
 */
export function blockBoundaries(max: number): number[] {
  const out = [0];
  while (out[out.length - 1] < max) out.push(nextBlockEnd(out[out.length - 1], max));
  return out;
}
