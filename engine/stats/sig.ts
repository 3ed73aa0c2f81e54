/**
 * Rounds to `digits` significant digits (calibration writes its fitted values so; mechanisms may import stats/).
 * @example sig(0.123456, 3) // 0.123
 */
export function sig(x: number, digits = 4): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}
