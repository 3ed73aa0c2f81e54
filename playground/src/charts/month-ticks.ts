/**
 * Month ticks that never run together: a step of 1, 2, 3, 6, 12 or 24 months, the smallest that keeps
 * labels at least `minGap` pixels apart across the plot's width (36 months on a phone: every 6th).
 */
const STEPS = [1, 2, 3, 6, 12, 24];

/**
 * Tick months for a horizon drawn `width` pixels wide (the plot area, margins excluded).
 * @example monthTicks(36, 300) // [6, 12, 18, 24, 30, 36]
 * @example monthTicks(12, 900) // [1, 2, ..., 12]
 */
export function monthTicks(horizon: number, width: number, minGap = 30): number[] {
  const n = Math.max(1, Math.round(horizon));
  const fit = Math.max(1, Math.floor(width / minGap));
  const step = STEPS.find((s) => Math.ceil(n / s) <= fit) ?? Math.ceil(n / fit);
  const out: number[] = [];
  for (let m = step === 1 ? 1 : step; m <= n; m += step) out.push(m);
  // a horizon shorter than the step still gets its last month
  if (out.length === 0) out.push(n);
  return out;
}
