const TABLE = new Float64Array(256);
for (let k = 1; k < 256; k++) TABLE[k] = TABLE[k - 1] + Math.log(k);

/**
 * log(k!) exactly from a table for k < 256, by Stirling's series beyond.
 * @example logFactorial(5) // ≈ Math.log(120)
 */
export function logFactorial(k: number): number {
  if (k < 256) return TABLE[k];
  const x = k + 1;
  const ix = 1 / x;
  const ix2 = ix * ix;
  return (x - 0.5) * Math.log(x) - x + 0.9189385332046728 + ix * (1 / 12 - ix2 * (1 / 360 - ix2 / 1260));
}
