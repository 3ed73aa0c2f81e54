/** The ramp of a new holder, shared by hiring, the starting team and ramp-adjusted quota. */

/** Ramp curves by scenario name. */
export const CURVE = { linear: 0, 's-curve': 1, step: 2 } as const;

/**
 * Ramp multiplier after `progress` months of ramp (progress = tenure month k at normal speed) over R
 * months: linear min(1, k/R); s-curve smoothstep(min(1, k/R)); step 0 while k <= R, then 1.
 * R = 0 means no ramp.
 * @example rampMultiplier(0, 4, 1) // 0.25
 */
export function rampMultiplier(curve: number, R: number, progress: number): number {
  if (R <= 0) return 1;
  if (curve === 2) return progress > R + 1e-9 ? 1 : 0;
  const x = progress >= R ? 1 : progress / R;
  return curve === 1 ? x * x * (3 - 2 * x) : x;
}
