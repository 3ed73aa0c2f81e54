/** Hiring's slice of the compiled scenario (engine/kernel/slice.ts): requisitions, time to fill, ramp, onboarding. */
import { defineSlice } from '../../kernel/slice.js';
import { CURVE } from '../../kernel/ramp.js';
import { compileWinRate, type WinRateDist } from '../../kernel/winRate.js';
import { PURPOSE } from './streams.js';

/** Hiring's compiled parameters (off: no hiring, nothing filled). */
export interface HiringCompiled {
  hiring: boolean;
  backfill: boolean;
  /** mean time to fill, months (infinite without hiring: a vacancy is never filled) */
  ttfMean: number;
  ttfSd: number;
  rampMonths: number;
  rampCurve: number;
  onboardingCapacity: number;
  costPerHire: number;
  /** a new hire's win rate (hiring.newHireWinRate), or the core's (reps.winRate, the same object) */
  hireWinRate: WinRateDist;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends HiringCompiled {}
}

/** Compiles the hiring block; draws each seat's time to fill from its `fill` stream. */
export const slice = defineSlice({
  compile: (s, c): HiringCompiled => {
    const ttf = s.hiring?.timeToFillMonths ?? Infinity;
    return {
      hiring: s.hiring !== null,
      backfill: s.hiring?.backfill ?? false,
      ttfMean: typeof ttf === 'number' ? ttf : ttf.mean,
      ttfSd: typeof ttf === 'number' ? 0 : ttf.sd,
      rampMonths: s.hiring?.ramp.months ?? 0,
      rampCurve: CURVE[s.hiring?.ramp.curve ?? 'linear'],
      onboardingCapacity: s.hiring?.onboardingCapacityPerMonth ?? Infinity,
      costPerHire: s.hiring?.costPerHire ?? 0,
      hireWinRate: s.hiring?.newHireWinRate != null ? compileWinRate(s.hiring.newHireWinRate) : c.winRate,
    };
  },
  purposes: (s) => (s.hiring ? 1 << PURPOSE.fill : 0),
});
