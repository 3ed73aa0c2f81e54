/** Hiring's slice of the compiled scenario (engine/kernel/slice.ts): requisitions, time to fill, ramp, onboarding. */
import { defineSlice } from '../../kernel/slice.js';
import { CURVE } from '../../kernel/ramp.js';
import { compileWinRate, type WinRateDist } from '../../kernel/winRate.js';
import { PURPOSE } from './streams.js';
import { vacancyMonthsPmf } from './compile.js';

/** Hiring's compiled parameters (off: no hiring, nothing filled). */
export interface HiringCompiled {
  hiring: boolean;
  backfill: boolean;
  ttfMean: number;
  ttfSd: number;
  /** P(D = d), d = 0.., of the whole months a requisition takes to fill, D = round(time to fill) (empty without hiring: never filled) */
  fillMonths: Float64Array;
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
    const ttf = s.hiring?.timeToFillMonths ?? 0;
    const ttfMean = typeof ttf === 'number' ? ttf : ttf.mean;
    const ttfSd = typeof ttf === 'number' ? 0 : ttf.sd;
    return {
      hiring: s.hiring !== null,
      backfill: s.hiring?.backfill ?? false,
      ttfMean,
      ttfSd,
      fillMonths: s.hiring ? vacancyMonthsPmf(ttfMean, ttfSd) : new Float64Array(0),
      rampMonths: s.hiring?.ramp.months ?? 0,
      rampCurve: CURVE[s.hiring?.ramp.curve ?? 'linear'],
      onboardingCapacity: s.hiring?.onboardingCapacityPerMonth ?? Infinity,
      costPerHire: s.hiring?.costPerHire ?? 0,
      hireWinRate: s.hiring?.newHireWinRate != null ? compileWinRate(s.hiring.newHireWinRate) : c.winRate,
    };
  },
  purposes: (s) => (s.hiring ? 1 << PURPOSE.fill : 0),
});
