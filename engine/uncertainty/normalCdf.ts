/**
 * The standard normal CDF Φ(x) by Marsaglia's Taylor series (J. Stat. Softw. 11(4), 2004), absolute
 * error about 1e-15 on |x| < 8; clamped to 0 and 1 beyond ±38.
 * @example normalCdf(1.959963984540054) // ≈ 0.975
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('normalCdf: x must be a number');
  if (x < -38) return 0;
  if (x > 38) return 1;
  if (Math.abs(x) > 8) {
    // Mills ratio tail (continued fraction), relative accuracy to 1e-15 this far out
    const z = Math.abs(x);
    let f = z;
    for (let k = 60; k >= 1; k--) f = z + k / f;
    const tail = Math.exp(-0.5 * z * z - 0.9189385332046728) / f;
    return x < 0 ? tail : 1 - tail;
  }
  let s = x;
  let t = 0;
  let b = x;
  const q = x * x;
  for (let i = 1; s !== t; i += 2) {
    t = s;
    b *= q / (i + 2);
    s = t + b;
  }
  return 0.5 + s * Math.exp(-0.5 * q - 0.9189385332046728);
}
