/**
 * Hiring: requisitions (planned seats and backfills) filled after a time-to-fill, new holders ramping up
 * over R months on a curve, onboarding capacity stretching ramp when too many start at once.
 */
import { gammaMeanSd } from '../random/gamma.js';

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

/**
 * Whole months to fill a requisition: a gamma by mean and sd (or the scalar), rounded.
 */
export function drawTimeToFill(S: Int32Array, stream: number, mean: number, sd: number): number {
  return Math.round(gammaMeanSd(S, stream, mean, sd));
}

/**
 * Ramp speed of the starters of a month: C / S when S starters exceed onboarding capacity C.
 * @example onboardingSpeed(4, 2) // 0.5
 */
export function onboardingSpeed(starters: number, capacity: number): number {
  return starters > capacity ? capacity / starters : 1;
}
