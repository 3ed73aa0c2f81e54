/**
 * Rounds to `digits` significant digits (calibration writes its fitted values so; mechanisms may import stats/).
 * @example sig(0.123456, 3) // 0.123
 */
export function sig(x: number, digits = 4): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}

/**
 * A number as calibration's comments and warnings write it: `digits` significant digits, 'n/a' for null or not finite.
 * @example sigText(0.012345, 2) // '0.012'
 */
export function sigText(x: number | null, digits = 3): string {
  return x === null || !Number.isFinite(x) ? 'n/a' : String(sig(x, digits));
}
